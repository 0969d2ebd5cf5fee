"""The territory page links its plan (``{% territory_strategy page as plan %}``)."""

from django import template

from ..pages import StrategyPage

register = template.Library()


@register.simple_tag(takes_context=True)
def territory_strategy(context, territory):
    """The territory's published plan in the page's language, or None: one query."""
    return (
        StrategyPage.objects.live()
        .filter(
            territory__translation_key=territory.translation_key,
            locale_id=territory.locale_id,
            alias_of__isnull=True,
        )
        .only("id", "title", "url_path", "stage", "adopted_on", "locale_id", "depth", "path")
        .first()
    )
