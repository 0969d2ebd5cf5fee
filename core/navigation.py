"""What the header and footer of every page show, as filters: the main menu (the home page's
children shown in menus), the footer's pages (the accessibility statement and privacy notice in
the page's language) and a page's language versions (for the language switcher).

Each is written twice on purpose, once as a query filter and once as a test on rows already
read: the router (``core.routing``) reads these pages in the same query as the address's pages,
and the template tags (``core.templatetags.navigation_tags``) pick them out of those rows, or
ask the database with the same filters on a page the router did not serve (search, errors).
"""

from django.db.models import Q
from wagtail.models import Page

from core.i18n import translation_position


def shown(page: Page) -> bool:
    """Live and not a placeholder awaiting translation (an alias)."""
    return page.live and not page.alias_of_id


def menu_filter(home_depth: int, home_url_path: str) -> Q:
    return Q(
        depth=home_depth + 1,
        url_path__startswith=home_url_path,
        show_in_menus=True,
        live=True,
        alias_of__isnull=True,
    )


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


def footer_filter(ids: list[int]) -> Q:
    return Q(
        translation_key__in=Page.objects.filter(pk__in=ids).values("translation_key"),
        live=True,
        alias_of__isnull=True,
    )


def footer_position(ids: list[int]):
    """The annotation that places a row in the footer (null: not a footer page)."""
    return translation_position(ids)


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


def translations_filter(url_paths: list[str]) -> Q:
    """The language versions of the pages at these addresses (the page itself included)."""
    return Q(
        translation_key__in=Page.objects.filter(url_path__in=url_paths).values("translation_key"),
        live=True,
        alias_of__isnull=True,
    )


def translations_of(rows, page: Page) -> dict[str, Page]:
    """The page's live language versions among ``rows`` (locales read with them), by code."""
    return {
        row.locale.language_code: row
        for row in rows
        if row.translation_key == page.translation_key and shown(row)
    }
