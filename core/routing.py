"""An address routed in two queries, however deep its page.

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

``serve`` is Wagtail's page view with the start of the walk made cheaper: the site is found
with its settings in one query (``find_site``); the home page's address in the visitor's
language comes from the site root paths, so the home page is read in the routing query itself
(``route_from_site``); and the same query reads the page frame every page shows — the main
menu, the footer's pages and the language versions of the pages along the address (filters in
``core.navigation``), kept on the request (``Frame``) for the template tags. A simple page is
served in four queries: site, site root paths (kept in Django's cache), route, page.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import Http404
from django.http.request import split_domain_port
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

from core import navigation
from core.models import SiteSettings
from core.querysets import RESTRICTED_PATHS
from core.sql_rows import columns_of, instance_of, read_rows

PAGE_CHAIN = "_digivillae_page_chain"
# Listings leave out restricted pages by their paths up to this many restrictions.
MAX_RESTRICTED_PATHS = 50
FRAME = navigation.FRAME


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


def prefixes(path: str, steplen: int) -> list[str]:
    """The tree paths of a page and of every page above it, from the top."""
    return [path[:end] for end in range(steplen, len(path) + 1, steplen)]


@dataclass
class Frame:
    """The pages read with the route for the page's header and footer (``core.navigation``):
    its menu, its footer pages (when the site's settings were known), and the language
    versions of every page at ``url_paths``."""

    home: Page
    rows: list[Page]
    url_paths: set[str]
    with_footer: bool

    def sections(self, models) -> dict:
        """The home page's live children of these page types among the rows (the sections in
        the menu), by page type."""
        return {
            row.specific_class: row
            for row in sorted(self.rows, key=lambda row: row.path)
            if row.live
            and row.depth == self.home.depth + 1
            and row.path.startswith(self.home.path)
            and row.specific_class in models
        }


def read_along(home_depth, home_url_path, components, above=(), footer_ids=()):
    """Every page along the address (the home page at ``home_url_path`` and the pages below it
    at each step of ``components``) and the pages at the tree ``above`` it, each with its
    language and whether it has a view restriction; with them, the menu, the language versions
    and (given the footer's page ids) the footer pages of the page frame, and on every row the
    tree paths of all restricted pages (``restricted_paths``, for the page's listings) — in one
    query.

    Written in SQL, not with the ORM: every page view runs it, and Django spent twice as long
    building and compiling the ORM's version of this query (about 5 ms) as PostgreSQL spent
    running it. The rows are Wagtail pages all the same (``Page.objects.raw``); the columns are
    the model's own, so the text follows the model. What each part selects is what
    ``core.navigation`` picks out of the rows."""
    url_paths, url_path = [home_url_path], home_url_path
    for component in components:
        url_path += component + "/"
        url_paths.append(url_path)
    name = connection.ops.quote_name
    page, locale, restriction = (
        name(model._meta.db_table) for model in (Page, Locale, PageViewRestriction)
    )
    columns = columns_of(Page._meta.concrete_fields, "p")

    def marks(values) -> str:
        return ", ".join(["%s"] * len(values))

    shown = "live AND alias_of_id IS NULL"
    footer_position, footer_params = "NULL", []
    translated = f"url_path IN ({marks(url_paths)})"
    if footer_ids:
        whens = " ".join(
            f"WHEN p.translation_key = (SELECT translation_key FROM {page} WHERE id = %s) "  # noqa: S608
            f"THEN {position}"
            for position in range(len(footer_ids))
        )
        footer_position, footer_params = f"CASE {whens} END", list(footer_ids)
        translated += f" OR id IN ({marks(footer_ids)})"
    # Each part of the choice on its own, joined by UNION: PostgreSQL then finds each by an
    # index (``core`` migration 0003), where the same parts joined by OR made it read the whole
    # page table twice on every view (3 ms of PostgreSQL time per page with 13,000 pages).
    wanted = [
        f"SELECT id FROM {page} WHERE url_path IN ({marks(url_paths)}) AND depth >= %s",  # noqa: S608
        # The menu: the home page's children shown in menus (LIKE finds them by the index,
        # substr keeps the match exact where LIKE ignores case, as on SQLite).
        f"SELECT id FROM {page} WHERE depth = %s AND url_path LIKE %s ESCAPE '!' "  # noqa: S608
        f"AND substr(url_path, 1, %s) = %s AND show_in_menus AND {shown}",
        # The language versions of the pages along the address, and of the footer's pages.
        f"SELECT id FROM {page} WHERE {shown} AND translation_key IN "  # noqa: S608
        f"(SELECT translation_key FROM {page} WHERE {translated})",
    ]
    home_prefix = "".join("!" + c if c in "!%_" else c for c in home_url_path) + "%"
    params = [*url_paths, home_depth, home_depth + 1, home_prefix, len(home_url_path)]
    params += [home_url_path, *url_paths, *footer_ids]
    if above:
        wanted.append(f"SELECT id FROM {page} WHERE path IN ({marks(above)})")  # noqa: S608
        params += list(above)
    # Every restricted page's tree path, the same on every row (PostgreSQL runs it once):
    # listings on this request leave out what is below them (``core.querysets``).
    joined = "string_agg" if connection.vendor == "postgresql" else "group_concat"
    query = (
        f"SELECT {columns}, l.language_code AS frame_language_code, "  # noqa: S608 (names only)
        f"EXISTS (SELECT 1 FROM {restriction} r "
        f"WHERE r.page_id = COALESCE(p.alias_of_id, p.id)) AS restricted, "
        f"(SELECT {joined}(rp.path, ',') FROM {restriction} r "
        f"JOIN {page} rp ON rp.id = r.page_id) "
        f"AS restricted_paths, "
        f"{footer_position} AS footer_position "
        f"FROM {page} p JOIN {locale} l ON l.id = p.locale_id "
        f"WHERE p.id IN ({' UNION '.join(wanted)})"
    )
    rows = list(Page.objects.raw(query, footer_params + params))
    locales = {}
    for row in rows:
        if row.locale_id not in locales:
            locales[row.locale_id] = Locale.from_db(
                None, ["id", "language_code"], (row.locale_id, row.frame_language_code)
            )
        row.locale = locales[row.locale_id]
    return url_paths, rows


def specific_of(page: Page) -> Page:
    """``page.specific``, with the related objects its page type shows on every view (its
    ``select_related_on_view``: a hero or sharing image) read in the same query.

    The page's own row was read with the route, so the query reads only the page type's table
    and the images, in SQL (see ``read_along`` for why); a page type that inherits from
    another page type, or asks for deeper relations, is read by the ORM."""
    model = page.specific_class
    related = getattr(model, "select_related_on_view", ())
    if model is None or isinstance(page, model) or not related:
        return page.specific
    if model._meta.get_parent_list() != [Page] or any("__" in name for name in related):
        specific = model._default_manager.select_related(*related).get(pk=page.pk)
    else:
        specific = read_specific(page, model, related)
    for name, value in page.__dict__.items():  # what Wagtail's get_specific copies
        specific.__dict__.setdefault(name, value)
    return specific


def read_specific(page: Page, model, related) -> Page:
    name = connection.ops.quote_name
    own = model._meta.local_concrete_fields
    groups, selects, joins = [(model, own)], [columns_of(own, "t")], []
    for number, field_name in enumerate(related):
        field = model._meta.get_field(field_name)
        target = field.related_model
        groups.append((target, target._meta.concrete_fields))
        selects.append(columns_of(target._meta.concrete_fields, f"r{number}"))
        joins.append(
            f"LEFT JOIN {name(target._meta.db_table)} r{number} "
            f"ON r{number}.{name(field.target_field.column)} = t.{name(field.column)}"
        )
    pointer = model._meta.pk.column
    query = (
        f"SELECT {', '.join(selects)} FROM {name(model._meta.db_table)} t "  # noqa: S608 (names)
        f"{' '.join(joins)} WHERE t.{name(pointer)} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, [page.pk])
        rows = read_rows(cursor, groups)
    if not rows:
        raise model.DoesNotExist
    own_values, *related_values = rows[0]  # own: first the link to the page row, never NULL
    inherited = Page._meta.concrete_fields
    specific = instance_of(
        model,
        [*inherited, *own],
        [*(getattr(page, field.attname) for field in inherited), *own_values],
    )
    for field_name, (target, fields), values in zip(
        related, groups[1:], related_values, strict=True
    ):
        setattr(specific, field_name, instance_of(target, fields, values))
    return specific


def walk(request, home, url_paths, rows, components, with_footer=False):
    """Wagtail's routing over pages already read: from ``home`` down the address, the
    first page that answers what is left of it (``answers_itself``)."""
    found = {page.url_path: page for page in rows if page.depth > home.depth}
    chain = [home]
    for level, url_path in enumerate(url_paths[1:], start=1):
        page = found.get(url_path)
        if page is None:
            break
        chain.append(page)
        if answers_itself(page.specific_class, page.live, components[level:]):
            break
    if components and len(chain) == 1:
        raise Http404  # no such child: what Wagtail's Page.route says
    above = prefixes(home.path, home.steplen)[:-1]
    restricted = {row.path for row in rows if row.restricted}
    public = not any(page.path in restricted for page in chain) and restricted.isdisjoint(above)
    read = chain[-1]
    answering = specific_of(read)
    chain[-1] = answering
    answering.locale = read.locale  # read with the route: one query fewer
    if public:
        # Read by Wagtail's privacy check and the page cache (core.models.BasePage).
        answering._view_restrictions = PageViewRestriction.objects.none()
    joined = rows[0].restricted_paths if rows else ""
    paths = tuple(joined.split(",")) if joined else ()
    if len(paths) <= MAX_RESTRICTED_PATHS:  # beyond, listings ask in SQL (one condition each)
        setattr(request, RESTRICTED_PATHS, paths)
    setattr(request, PAGE_CHAIN, chain)
    setattr(request, FRAME, Frame(chain[0], rows, set(url_paths), with_footer))
    return answering.route(request, components[len(chain) - 1 :])


class ChainRoutingMixin:
    def route(self, request, path_components):
        if not path_components or (
            isinstance(self, RoutablePageMixin)
            and self.live
            and has_subroute(type(self), path_components)
        ):
            return super().route(request, path_components)
        url_paths, rows = read_along(
            self.depth,
            self.url_path,
            path_components,
            above=prefixes(self.path, self.steplen)[:-1],
        )
        return walk(request, self, url_paths, rows, path_components)


def routed_ancestors(page, request) -> list[Page] | None:
    """The pages above ``page``, from its home page down, that the router read for this
    request; None when the request was not routed to this page."""
    chain = getattr(request, PAGE_CHAIN, None)
    if chain and chain[-1].pk == page.pk:
        return chain[:-1]
    return None


def frame_of(request) -> Frame | None:
    """The page frame read with this request's route, if it was routed here."""
    return getattr(request, FRAME, None)


def parent_of(page, request) -> Page:
    """The page's parent as ``get_parent()`` gives it, from the pages the router read when
    it read them (no query)."""
    above = routed_ancestors(page, request)
    return above[-1] if above else page.get_parent()


def content_language() -> str | None:
    """The active language as Wagtail's locales know it (None without translations)."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return None
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return None


def localized_home(site: Site) -> Page:
    """What Wagtail's ``site.root_page.localized.specific`` finds — the home page's
    translation in the active language if it is live, else the home page itself — in one
    query instead of three."""
    root = site.root_page
    model = root.specific_class
    language = content_language()
    if model is None or language is None:
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


def pick_site(sites: list[Site], hostname: str, port: str) -> Site | None:
    """Wagtail's choice among the sites named by the host or marked default
    (``wagtail.models.sites.get_site_for_hostname``): host and port, else the host on the default
    site, else the default site — unless exactly one other site has the host. ``port`` as the
    request gives it (text)."""

    def match(site):
        if site.hostname == hostname:
            return 0 if str(site.port) == str(port) else 1 if site.is_default_site else 3
        return 2  # the default site

    sites = sorted(sites, key=match)
    if not sites:
        return None
    if len(sites) == 1 or match(sites[0]) in (0, 1):
        return sites[0]
    if match(sites[0]) == 2:
        return sites[len(sites) == 2]
    return None


def find_site(request) -> Site | None:
    """``Site.find_for_request`` with the site's home page and settings read in the same query,
    and both kept where Wagtail looks for them on the request (the page frame's footer, contact
    and social links come from the settings).

    Written in SQL for the reason ``read_along`` is: every page view runs it, and Django took
    longer to build and compile the ORM's version of this three-table query than PostgreSQL
    took to run it. The instances are the models' own (``Model.from_db``, Django's column
    conversions)."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    name = connection.ops.quote_name
    site_table, page_table, settings_table = (
        name(model._meta.db_table) for model in (Site, Page, SiteSettings)
    )
    groups = [(model, model._meta.concrete_fields) for model in (Site, Page, SiteSettings)]
    query = (
        f"SELECT {columns_of(groups[0][1], 's')}, {columns_of(groups[1][1], 'p')}, "  # noqa: S608
        f"{columns_of(groups[2][1], 'ss')} FROM {site_table} s "
        f"JOIN {page_table} p ON p.id = s.root_page_id "
        f"LEFT JOIN {settings_table} ss ON ss.site_id = s.id "
        "WHERE s.hostname = %s OR s.is_default_site"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, [hostname])
        rows = read_rows(cursor, groups)
    sites, settings_of = [], {}
    for row in rows:
        site, root_page, site_settings = (
            instance_of(model, fields, values)
            for (model, fields), values in zip(groups, row, strict=True)
        )
        site.root_page = root_page
        if site_settings is not None:
            site.sitesettings = settings_of[site.pk] = site_settings
        sites.append(site)
    site = pick_site(sites, hostname, request.get_port())
    request._wagtail_site = site
    site_settings = settings_of.get(getattr(site, "pk", None))
    if site_settings is None:
        return site  # no site, or no settings yet: Wagtail creates them when first asked
    site_settings._request = request
    setattr(request, SiteSettings.get_cache_attr_name(), site_settings)
    return site


def route_from_site(request, site: Site, components: list[str]):
    """The route from the site's home page in the visitor's language, read with the page
    frame in one query: the home page's address in that language comes from the site root
    paths, so the home page is read along with the pages below it. Wagtail's own way (its
    ``localized`` home page, then its ``route``) when the home page's type routes otherwise,
    or when the translation is not live (Wagtail then routes from the site's home page)."""
    root = site.root_page
    home_class = root.specific_class
    language = content_language()
    if language is None:
        home_url_path = root.url_path
    else:
        home_url_path = next(
            (
                path.root_path
                for path in request._wagtail_cached_site_root_paths
                if path.site_id == site.pk and path.language_code == language
            ),
            None,
        )
    if (
        home_url_path is None
        or home_class is None
        or not issubclass(home_class, ChainRoutingMixin)
        or issubclass(home_class, RoutablePageMixin)
    ):
        return localized_home(site).route(request, components)
    site_settings = getattr(request, SiteSettings.get_cache_attr_name(), None)
    footer_ids = None if site_settings is None else navigation.footer_page_ids(site_settings)
    url_paths, rows = read_along(
        root.depth,
        home_url_path,
        components,
        above=prefixes(root.path, root.steplen)[:-1],
        footer_ids=footer_ids or (),
    )
    home = next((row for row in rows if row.url_path == home_url_path), None)
    if home is None or not home.live or home.path[: -home.steplen] != root.path[: -root.steplen]:
        return localized_home(site).route(request, components)
    return walk(request, home, url_paths, rows, components, with_footer=footer_ids is not None)


def serve(request, path):
    """Wagtail's page view (``wagtail.views.serve``: its hooks, its privacy check), routed
    by ``route_from_site``. Wagtail keeps the route it finds on the request; finding it
    first here means Wagtail's view uses this one."""
    if not hasattr(request, "_wagtail_route_for_request"):
        route = None
        site = find_site(request)
        if site is not None:
            if not hasattr(request, "_wagtail_cached_site_root_paths"):
                request._wagtail_cached_site_root_paths = site_root_paths()
            try:
                route = route_from_site(
                    request, site, [component for component in path.split("/") if component]
                )
            except Http404:
                route = None
        request._wagtail_route_for_request = route
    return wagtail_serve(request, path)
