"""An address routed in two queries, however deep its page (issue 14).

Wagtail routes ``/it/territori/mont-rose/sportello-itinerante/`` one level at a time: at each
level a query finds the child by its slug and another loads its page type, so a page four
levels down costs eight queries before it renders. ``ChainRoutingMixin`` (on the home page,
where routing starts) reads every page along the address in one query, by the ``url_path``
Wagtail keeps on each page, loads the page that answers, and hands it what is left of the
address (a routable page's sub-route: a need, a proposal).

Wagtail's order is kept: a live routable page answers its own sub-routes before its children's
slugs, so the walk stops at a routable page whose sub-route matches the rest of the address,
and at a page type with a ``route`` of its own. The pages read are kept on the request
(``PAGE_CHAIN``) for the breadcrumbs. The same query says whether any of them (or the pages
above the home page) has a view restriction: when none has, the answering page knows it is
public without asking again.

``serve`` is Wagtail's page view with the start of the walk made cheaper: Wagtail finds the
home page in the visitor's language with three queries (the active locale, its translation,
its page type); ``localized_home`` asks for the translation as a home page directly, in one.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import Resolver404
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.sites import (
    SITE_ROOT_PATHS_CACHE_KEY,
    SITE_ROOT_PATHS_CACHE_VERSION,
    SiteRootPath,
)
from wagtail.views import serve as wagtail_serve

PAGE_CHAIN = "_digivillae_page_chain"


def has_subroute(page_class, remaining: list[str]) -> bool:
    try:
        page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
    except Resolver404:
        return False
    return True


def answers_itself(page_class, live: bool, remaining: list[str]) -> bool:
    """Whether a page of this type answers ``remaining`` instead of passing it to a child."""
    if not remaining:
        return True
    if issubclass(page_class, RoutablePageMixin):
        if page_class.route is not RoutablePageMixin.route:
            return True
        return live and has_subroute(page_class, remaining)
    return page_class.route is not Page.route


class ChainRoutingMixin:
    def route(self, request, path_components):
        if not path_components or (
            isinstance(self, RoutablePageMixin)
            and self.live
            and has_subroute(type(self), path_components)
        ):
            return super().route(request, path_components)
        url_paths, url_path = [], self.url_path
        for component in path_components:
            url_path += component + "/"
            url_paths.append(url_path)
        above = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        rows = list(
            Page.objects.filter(
                Q(url_path__in=url_paths, path__startswith=self.path, depth__gt=self.depth)
                | Q(path__in=above)
            ).annotate(
                restricted=Exists(
                    PageViewRestriction.objects.filter(
                        page_id=Coalesce(OuterRef("alias_of_id"), OuterRef("pk"))
                    )
                )
            )
        )
        found = {page.url_path: page for page in rows if page.depth > self.depth}
        chain = [self]
        for level, url_path in enumerate(url_paths, start=1):
            page = found.get(url_path)
            if page is None:
                break
            chain.append(page)
            if answers_itself(page.specific_class, page.live, path_components[level:]):
                break
        if len(chain) == 1:  # no such child: Wagtail says so (404)
            return super().route(request, path_components)
        above_home = [page for page in rows if page.depth <= self.depth]
        public = not any(page.restricted for page in above_home + chain[1:])
        answering = chain[-1].specific
        chain[-1] = answering
        if answering.locale_id == self.locale_id and "locale" in self._state.fields_cache:
            answering.locale = self.locale  # read with the home page: one query fewer
        if public:
            # Read by Wagtail's privacy check and the page cache (core.models.BasePage).
            answering._view_restrictions = PageViewRestriction.objects.none()
        setattr(request, PAGE_CHAIN, chain)
        return answering.route(request, path_components[len(chain) - 1 :])


def routed_ancestors(page, request) -> list[Page] | None:
    """The pages above ``page``, from its home page down, that the router read for this
    request; None when the request was not routed to this page."""
    chain = getattr(request, PAGE_CHAIN, None)
    if chain and chain[-1].pk == page.pk:
        return chain[:-1]
    return None


def parent_of(page, request) -> Page:
    """The page's parent as ``get_parent()`` gives it, from the pages the router read when
    it read them (no query)."""
    above = routed_ancestors(page, request)
    return above[-1] if above else page.get_parent()


def localized_home(site: Site) -> Page:
    """What Wagtail's ``site.root_page.localized.specific`` finds — the home page's
    translation in the active language if it is live, else the home page itself — in one
    query instead of three."""
    root = site.root_page
    model = root.specific_class
    if model is None or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return root.specific
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        return root.specific
    translation = (
        model.objects.filter(translation_key=root.translation_key, locale__language_code=language)
        .select_related("locale")
        .first()
    )
    if translation is None or not translation.live:
        return root.specific
    return translation


def site_root_paths() -> list[SiteRootPath]:
    """Wagtail's ``Site.get_site_root_paths()`` (every page address is built from it): read
    from Django's cache where Wagtail keeps it, and when the cache has none, in one query —
    Wagtail reads the sites, then each site's home-page translations. Stored back as Wagtail
    stores it, so Wagtail's own invalidation (a site saved, a home page moved) applies."""
    kept = cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    if kept is not None:
        return [SiteRootPath(*item) for item in kept]
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return Site.get_site_root_paths()
    name = connection.ops.quote_name
    site, page, locale = (name(m._meta.db_table) for m in (Site, Page, Locale))
    # Wagtail's order: the deepest home page first, the default site first, then by host
    # name; each site's translations in tree order. Table names only, no value in the text.
    query = (
        f"SELECT s.id, s.hostname, s.port, p.url_path, l.language_code FROM {site} s "  # noqa: S608
        f"JOIN {page} r ON r.id = s.root_page_id "
        f"JOIN {page} p ON p.translation_key = r.translation_key "
        f"JOIN {locale} l ON l.id = p.locale_id "
        "ORDER BY r.url_path DESC, s.is_default_site DESC, s.hostname, p.path"
    )
    with connection.cursor() as cursor:
        cursor.execute(query)
        rows = cursor.fetchall()
    result = [
        SiteRootPath(site_id, url_path, Site(hostname=host, port=port).root_url, language)
        for site_id, host, port, url_path, language in rows
    ]
    cache.set(SITE_ROOT_PATHS_CACHE_KEY, result, 3600, version=SITE_ROOT_PATHS_CACHE_VERSION)
    return result


def serve(request, path):
    """Wagtail's page view (``wagtail.views.serve``: its hooks, its privacy check), routed
    from ``localized_home``. Wagtail keeps the route it finds on the request; finding it
    first here means Wagtail's view uses this one."""
    if not hasattr(request, "_wagtail_route_for_request"):
        route = None
        site = Site.find_for_request(request)
        if site is not None:
            if not hasattr(request, "_wagtail_cached_site_root_paths"):
                request._wagtail_cached_site_root_paths = site_root_paths()
            try:
                route = localized_home(site).route(
                    request, [component for component in path.split("/") if component]
                )
            except Http404:
                route = None
        request._wagtail_route_for_request = route
    return wagtail_serve(request, path)
