"""The needs register as other apps' pages show it (a territory page counts its needs without
the pilots app importing participation)."""

from django import template
from django.db.models import Count, Subquery
from django.db.models.functions import Coalesce

from participation.needs.pages import NeedsIndexPage, public_needs_in

register = template.Library()


@register.simple_tag
def territory_needs(territory) -> dict:
    """The register page in the territory's language and how many of its needs are public,
    in one query (the count is a subquery of the page's)."""
    counted = (
        public_needs_in(territory.locale_id)
        .filter(territory__translation_key=territory.translation_key)
        .order_by()
        .values("locale_id")
        .annotate(total=Count("pk"))
        .values("total")[:1]
    )
    register_page = (
        NeedsIndexPage.objects.live()
        .filter(locale_id=territory.locale_id)
        .annotate(public_count=Coalesce(Subquery(counted), 0))
        .first()
    )
    count = register_page.public_count if register_page is not None else 0
    return {"register": register_page, "count": count}
