"""News shown on other apps' pages, read from the news side (a territory page lists its news
without the pilots app importing news)."""

from django import template

from news.models import NewsPage

register = template.Library()

RELATED_ITEMS = 5


@register.simple_tag(takes_context=True)
def territory_news(context, territory, limit: int = RELATED_ITEMS) -> list:
    """The latest news linked to any language version of ``territory``, in its language."""
    return list(
        NewsPage.objects.for_listing(territory.locale_id, context.get("request"))
        .filter(territory_links__territory__translation_key=territory.translation_key)
        .distinct()[:limit]
    )
