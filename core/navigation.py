"""What the header and footer of every page show, picked out of the pages the router read
with the page (``core.routing.read_along``, which selects these and the address's pages in one
query): the main menu (the home page's children shown in menus), the footer's pages (the
accessibility statement and privacy notice in the page's language) and a page's language
versions (for the language switcher).
"""

from wagtail.models import Page

# Where the router keeps the page frame on the request (``core.routing.Frame``).
FRAME = "_digivillae_page_frame"


def shown(page: Page) -> bool:
    """Live and not a placeholder awaiting translation (an alias)."""
    return page.live and not page.alias_of_id


def menu_of(rows, home: Page) -> list[Page]:
    return sorted(
        (
            row
            for row in rows
            if shown(row)
            and row.show_in_menus
            and row.depth == home.depth + 1
            and row.path.startswith(home.path)
        ),
        key=lambda row: row.path,
    )


def footer_page_ids(site_settings) -> list[int]:
    """The pages the site settings put in the footer, in their order."""
    return [
        page_id
        for page_id in (site_settings.accessibility_page_id, site_settings.privacy_page_id)
        if page_id
    ]


def footer_page_in(request, site_settings, page_id: int, locale_id: int) -> Page | None:
    """The footer page ``page_id`` in the language of ``locale_id`` (else the page itself,
    when live) among the rows the router read for this request; None when it did not read
    them, or found neither."""
    frame = getattr(request, FRAME, None)
    if frame is None or not frame.with_footer:
        return None
    position = footer_page_ids(site_settings).index(page_id)
    versions = [
        row
        for row in frame.rows
        if shown(row) and getattr(row, "footer_position", None) == position
    ]
    return next((row for row in versions if row.locale_id == locale_id), None) or next(
        (row for row in versions if row.pk == page_id), None
    )


def footer_of(rows, locale_id: int) -> list[Page]:
    return sorted(
        (
            row
            for row in rows
            if shown(row)
            and getattr(row, "footer_position", None) is not None
            and row.locale_id == locale_id
        ),
        key=lambda row: row.footer_position,
    )


def translations_of(rows, page: Page) -> dict[str, Page]:
    """The page's live language versions among ``rows`` (locales read with them), by code."""
    return {
        row.locale.language_code: row
        for row in rows
        if row.translation_key == page.translation_key and shown(row)
    }
