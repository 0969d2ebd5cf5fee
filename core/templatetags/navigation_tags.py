"""Site-wide navigation: main menu, breadcrumbs and the language switcher.

Each tag keeps what it computes on the request, so the header and the <head> alternates share
one query per concern however many times a template asks. Nothing is kept beyond the request:
whole pages are cached by wagtail-cache, and purged when a menu page changes.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from core import navigation, routing
from core.models import BasePage, SiteSettings
from core.routing import routed_ancestors

register = template.Library()


def _cached(request, key, compute):
    cache = request.__dict__.setdefault("_navigation_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def ancestors(request, page) -> list[Page]:
    """The page's ancestors from its home page down (depth 2 and below): those the router read
    on its way to the page (``core.routing``), else one query."""
    above = routed_ancestors(page, request)
    if above is not None:
        return [ancestor for ancestor in above if ancestor.depth >= 2]
    return _cached(
        request,
        ("ancestors", page.pk),
        lambda: list(page.get_ancestors().filter(depth__gte=2)),
    )


def localized_home(request, page=None) -> Page | None:
    """The home page in the visitor's language: the page's own home when there is a page (read
    with its ancestors, which the breadcrumbs need anyway), else found from the site."""
    if isinstance(page, Page) and page.pk and page.depth >= 2:
        return page if page.depth == 2 else ancestors(request, page)[0]

    def compute():
        site = routing.find_site(request)
        return routing.localized_home(site) if site is not None else None

    return _cached(request, ("home", get_language()), compute)


@register.simple_tag(takes_context=True)
def site_home(context):
    return localized_home(context["request"], context.get("page"))


def menu_and_footer(request, page) -> tuple[list[Page], list[Page]]:
    """The main menu and the footer's pages (``core.navigation``): from the rows the router
    read with the page, else read as the router reads them, in one query."""
    home = localized_home(request, page)
    locale_id = page.locale_id if isinstance(page, Page) else Locale.get_active().pk
    frame = routing.frame_of(request)
    if frame is not None and home is not None and frame.home.pk == home.pk and frame.with_footer:
        return navigation.menu_of(frame.rows, home), navigation.footer_of(frame.rows, locale_id)

    def compute():
        if home is None:
            return [], []
        ids = navigation.footer_page_ids(SiteSettings.for_request(request))
        _url_paths, rows = routing.read_along(home.depth, home.url_path, [], footer_ids=ids)
        return navigation.menu_of(rows, home), navigation.footer_of(rows, locale_id)

    return _cached(request, ("menu-and-footer", getattr(home, "pk", None), get_language()), compute)


@register.simple_tag(takes_context=True)
def main_menu(context):
    return menu_and_footer(context["request"], context.get("page"))[0]


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return []
    return ancestors(context["request"], page)


@register.simple_tag(takes_context=True)
def page_languages(context):
    """The languages the current page exists in, each with the URL of that version.

    For a Wagtail page only its live, translated versions are offered (an untranslated alias
    placeholder is not); for other views (search) the same path is offered in every language.
    """
    request = context["request"]
    page = context.get("page")
    names = dict(settings.LANGUAGES)

    def compute():
        current = get_language()
        if isinstance(page, Page) and page.pk and page.alias_of_id:
            return []  # a placeholder awaiting translation: see content_language
        if isinstance(page, Page) and page.pk:
            frame = routing.frame_of(request)
            if frame is not None and page.url_path in frame.url_paths:
                by_code = navigation.translations_of(frame.rows, page)
            else:
                by_code = navigation.translations_of(
                    page.get_translations(inclusive=True).select_related("locale"), page
                )
            suffix = _neutral_route_suffix(request, page)
            return [
                {
                    "code": code,
                    "name": names[code],
                    "url": by_code[code].get_url(request) + suffix,
                    "full_url": request.build_absolute_uri(by_code[code].get_url(request) + suffix),
                    "current": code == current,
                }
                for code, _name in settings.LANGUAGES
                if code in by_code
            ]
        path = request.get_full_path()
        return [
            {
                "code": code,
                "name": name,
                "url": translate_url(path, code),
                "full_url": request.build_absolute_uri(translate_url(path, code)),
                "current": code == current,
            }
            for code, name in settings.LANGUAGES
        ]

    # The sub-page (a need, a proposal) and the query string are part of what is offered.
    key = ("languages", getattr(page, "pk", None), get_language(), request.get_full_path())
    return _cached(request, key, compute)


def _neutral_route_suffix(request, page) -> str:
    """On a routable page's sub-page whose arguments mean the same in every language (a need's
    key, a proposal's reference), switching language keeps the visitor on that sub-page."""
    match = getattr(request, "routable_resolver_match", None)
    if match is None or match.url_name not in getattr(page, "language_neutral_routes", ()):
        return ""
    return page.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)


@register.filter
def is_active_section(menu_page, page) -> bool:
    return bool(page and isinstance(page, Page) and page.path.startswith(menu_page.path))


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """The accessibility statement and privacy notice in the visitor's language."""
    return menu_and_footer(context["request"], context.get("page"))[1]


@register.simple_tag(takes_context=True)
def content_language(context) -> str:
    """The language the page's text is written in: the tree's, except for a placeholder alias
    created by tree synchronisation (see ``BasePage.content_language``)."""
    page = context.get("page")
    if isinstance(page, BasePage) and page.alias_of_id:
        return page.content_language
    return get_language()
