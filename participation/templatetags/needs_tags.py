"""The needs register as other apps' pages show it (a territory page counts its needs without
the pilots app importing participation)."""

from django import template

from participation.needs.pages import NeedsIndexPage

register = template.Library()


@register.simple_tag
def territory_needs(territory) -> dict:
    """The register page in the territory's language and how many of its needs are public."""
    register_page = NeedsIndexPage.objects.live().filter(locale_id=territory.locale_id).first()
    count = 0
    if register_page is not None:
        count = (
            register_page.public_needs()
            .filter(territory__translation_key=territory.translation_key)
            .count()
        )
    return {"register": register_page, "count": count}
