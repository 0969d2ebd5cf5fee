"""Events shown on other apps' pages, read from the events side (a territory page lists its
upcoming events without the pilots app importing events)."""

from django import template
from django.utils import timezone

from events.models import EventPage

register = template.Library()

RELATED_ITEMS = 5


@register.simple_tag(takes_context=True)
def territory_events(context, territory, limit: int = RELATED_ITEMS) -> list:
    """Upcoming events linked to any language version of ``territory``, in its language."""
    return list(
        EventPage.objects.for_listing(territory.locale_id, context.get("request"))
        .filter(
            end__gte=timezone.now(),
            territory_links__territory__translation_key=territory.translation_key,
        )
        .distinct()[:limit]
    )
