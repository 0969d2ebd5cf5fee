"""What the header and footer of every page show, picked out of the pages the router read
with the page (``core.routing.read_along``, which selects these and the address's pages in one
query): the main menu (the home page's children shown in menus), the footer's pages (the
accessibility statement and privacy notice in the page's language) and a page's language
versions (for the language switcher).
"""

from wagtail.models import Page


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
