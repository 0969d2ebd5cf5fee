"""The pieces of a handbook page: a label of the admin, named as the admin shows it in the
reader's language, and a picture of a screen in that language."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()

SIZE = (1280, 800)  # the window the pictures are taken in (handbook/screenshots.py)


@register.filter
def ui(label: str):
    """``"Publish"|ui``: the admin's own words for a button, menu or screen, translated by the
    catalogue the admin uses (Wagtail's or the portal's), marked so that a test can check the
    admin still shows them."""
    return format_html(
        '<strong class="ui-label" data-label="{}">{}</strong>', label, capfirst(_(label))
    )


def picture_language() -> str:
    language = (get_language() or "en")[:2]
    return language if language in dict(settings.LANGUAGES) else "en"


@register.inclusion_tag("handbook/screen.html")
def screen(task, name: str):
    """The picture of one of ``task``'s screens, taken in the reader's language."""
    found = next(item for item in task.screens if item.name == name)
    return {
        "src": static(f"handbook/{picture_language()}/{task.slug}-{name}.webp"),
        "caption": found.caption,
        "width": SIZE[0],
        "height": SIZE[1],
    }
