"""Helpers that find pages in the visitor's language without one query per item."""

from collections.abc import Iterable

from django.utils.translation import get_language
from wagtail.models import Locale, Page


def active_locale() -> Locale:
    return Locale.get_active()


def localized_pages(pages: Iterable[Page], locale: Locale | None = None) -> list[Page]:
    """Return the live translations of ``pages`` in ``locale`` (in the same order), in one query.

    Links between pages are stored once, pointing at whichever language version an editor chose;
    this resolves them for the reader's language, leaving out pages not translated yet.
    """
    pages = list(pages)
    if not pages:
        return []
    locale = locale or active_locale()
    keys = [page.translation_key for page in pages]
    found = {
        page.translation_key: page
        for page in Page.objects.live().filter(translation_key__in=keys, locale=locale).specific()
    }
    return [found[key] for key in keys if key in found]


def language_name(code: str) -> str:
    from django.conf import settings

    return dict(settings.LANGUAGES).get(code, code)


def current_language() -> str:
    return (get_language() or "it").split("-")[0]
