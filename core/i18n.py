"""Helpers that find pages in the visitor's language without one query per item."""

import zoneinfo
from collections.abc import Iterable

from django.conf import settings
from django.db import connection
from django.utils.translation import get_language, gettext_lazy
from wagtail.models import Locale, Page

from core.sql_rows import columns_of

# The time zone every date-and-time field of the admin is entered in (settings.TIME_ZONE).
LOCAL_TIME_HELP = gettext_lazy("Time in Italy and France (time zone Europe/Rome).")

# Dates of events and calls are entered and shown in Italian time.
EVENT_TIME_ZONE = zoneinfo.ZoneInfo("Europe/Rome")


def localized_targets(links, field: str, locale_id: int | None = None) -> list[Page]:
    """The live versions in a locale of the pages a page's links (``links``, its link rows)
    point at through ``field``, in the links' order, leaving out pages not translated yet.

    Links between pages are stored once, pointing at whichever language version an editor
    chose; this resolves them for the reader's language in one query, reading the targets'
    translation keys, not the targets (their bodies included). The results are plain ``Page``
    objects: enough for a title and a link."""
    keys = list(links.values_list(f"{field}__translation_key", flat=True))
    return localized_by_translation_keys(keys, locale_id)


def localized_link_targets(link_model, field: str, parent_key: str, parent_id, locale_id: int):
    """What ``localized_targets`` finds for the stored links of page ``parent_id`` (rows of
    ``link_model`` whose ``parent_key`` is that page), in one query written in SQL instead of
    two built by the ORM: on an article, event or partner page, building and compiling those
    two queries took three times as long as PostgreSQL took to run them (0.4 ms)."""
    links = link_model._meta
    name = connection.ops.quote_name
    query = _shown_versions(
        f"{name(links.db_table)} l JOIN {_page_table()} s "
        f"ON s.id = l.{name(links.get_field(field).column)}",
        f"l.{name(links.get_field(parent_key).column)} = %s",
        "ORDER BY l.sort_order, l.id",
    )
    return list(Page.objects.raw(query, [parent_id, locale_id, True]))


def localized_version(page_id, locale_id: int) -> Page | None:
    """The live version in ``locale_id`` of page ``page_id`` (None when it has none) — for
    the page a foreign key points at, without reading that page first: one query written in
    SQL instead of two built by the ORM (see above)."""
    if page_id is None:
        return None
    query = _shown_versions(f"{_page_table()} s", "s.id = %s")
    return next(iter(Page.objects.raw(query, [page_id, locale_id, True])), None)


def _page_table() -> str:
    return connection.ops.quote_name(Page._meta.db_table)


def _shown_versions(sources: str, condition: str, order: str = "") -> str:
    """A query for the version ``t`` a reader of a locale is shown — live, not a placeholder
    alias — of each page ``s`` that ``sources`` and ``condition`` find. Its parameters:
    ``condition``'s, then the locale's id and True. Names only in the text, never a value."""
    return (
        f"SELECT {columns_of(Page._meta.concrete_fields, 't')} FROM {sources} "  # noqa: S608
        f"JOIN {_page_table()} t ON t.translation_key = s.translation_key "
        f"WHERE {condition} AND t.locale_id = %s AND t.live = %s AND t.alias_of_id IS NULL "
        f"{order}"
    )


def localized_by_translation_keys(keys: list, locale_id: int | None = None) -> list[Page]:
    if not keys:
        return []
    if locale_id is None:
        locale_id = Locale.get_active().pk
    found = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in=keys, locale_id=locale_id, alias_of__isnull=True
        )
    }
    return [found[key] for key in keys if key in found]


def in_reader_language(versions: Iterable[Page]) -> Page:
    """Of one page's language versions (locales selected), the one in the active language,
    else the default language's, else the first: how the admin names a page to an editor."""
    versions = list(versions)
    preferred = [get_language(), settings.LANGUAGE_CODE]

    def rank(version) -> int:
        code = version.locale.language_code
        return preferred.index(code) if code in preferred else len(preferred)

    return min(versions, key=rank)
