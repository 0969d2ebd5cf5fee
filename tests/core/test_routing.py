"""The home page routes an address in two queries (``core.routing``) and finds exactly what
Wagtail's level-by-level routing finds: every page of the demo, the routable pages' sub-routes
(a need, a proposal, a survey's print version, an event's calendar file), drafts and missing
addresses. A page view finds its site (with the site's settings) in one query, and reads the
page frame (menu, footer pages, language versions) with its route: the frame is what the
template tags' own queries give, on every page of the demo in three languages."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from core.models import SiteSettings, privacy_notice_url
from core.routing import (
    FRAME,
    find_site,
    localized_home,
    parent_of,
    route_from_site,
    site_root_paths,
    specific_of,
)
from home.models import HomePage
from participation.models import ChallengeCallPage, Need, NeedsIndexPage, Proposal
from tests.conftest import all_live_pages

pytestmark = pytest.mark.django_db


def outcome(route, home, components):
    request = RequestFactory().get("/")
    try:
        page, args, kwargs = route(home, request, components)
    except Http404:
        return "404"
    view = args[0][0].__name__ if args and isinstance(args[0], tuple) else None
    return (page.pk, type(page).__name__, view, repr(args[1:] if view else args), repr(kwargs))


def addresses(home) -> list[list[str]]:
    below = home.url_path
    paths = [
        page.url_path[len(below) :]
        for page in Page.objects.descendant_of(home).order_by("path")
        if page.url_path.startswith(below)
    ]
    register = NeedsIndexPage.objects.get(locale=home.locale)
    need = Need.objects.filter(locale=home.locale).first()
    proposal = Proposal.objects.public().first()
    call = ChallengeCallPage.objects.get(pk=proposal.call_id)
    paths += [
        register.url_path[len(below) :] + f"{need.translation_key}/",
        call.url_path[len(below) :] + f"proposals/{proposal.reference}/",
        call.url_path[len(below) :] + "proposals/NO-SUCH-REFERENCE/",
        "partecipa/bisogni-del-territorio/print/",
        "eventi/kick-off-meeting/ics/",
        "notizie/nessuna-notizia/",
        "territori/mont-rose/nessun-pilota/",
        "nessuna-sezione/",
    ]
    return [[part for part in path.split("/") if part] for path in paths]


@pytest.mark.parametrize("language", ["it", "fr"])
def test_every_address_routes_as_wagtail_routes_it(language):
    home = HomePage.objects.get(locale__language_code=language)
    checked = addresses(home)
    assert len(checked) > 40
    for components in checked:
        assert outcome(HomePage.route, home, components) == outcome(Page.route, home, components), (
            components
        )


def test_a_draft_section_still_routes_to_its_live_pages():
    home = HomePage.objects.get(locale__language_code="it")
    section = Page.objects.get(url_path=home.url_path + "territori/")
    Page.objects.filter(pk=section.pk).update(live=False)
    home.refresh_from_db()
    for components in (["territori", "fossanese"], ["territori"]):
        assert outcome(HomePage.route, home, components) == outcome(Page.route, home, components)


def test_a_deep_page_routes_in_two_queries():
    home = HomePage.objects.get(locale__language_code="it")
    components = ["territori", "mont-rose", "sportello-itinerante"]
    with CaptureQueriesContext(connection) as queries:
        page, _args, _kwargs = home.route(RequestFactory().get("/"), components)
    assert page.slug == "sportello-itinerante"
    assert len(queries) == 2


FILLER_PAGES = """
INSERT INTO wagtailcore_page (path, depth, numchild, translation_key, locale_id, live,
    has_unpublished_changes, locked, title, draft_title, slug, content_type_id, url_path,
    show_in_menus, search_description, seo_title, expired)
SELECT %(path)s || 'Z' || lpad(upper(to_hex(n)), 3, '0'), %(depth)s, 0, gen_random_uuid(),
    %(locale)s, true, false, false, 'filler', 'filler', 'filler-' || n, %(content_type)s,
    %(url_path)s || 'filler-' || n || '/', false, '', '', false
FROM generate_series(1, 3000) n
"""


def rows_examined(plan: dict) -> list[tuple[str, int]]:
    """Each step of a query plan (EXPLAIN ANALYZE, JSON) with the rows it went through."""
    rows = plan.get("Actual Rows", 0) + plan.get("Rows Removed by Filter", 0)
    steps = [(plan["Node Type"] + " " + plan.get("Index Name", plan.get("Alias", "")), rows)]
    for child in plan.get("Plans", []):
        steps += rows_examined(child)
    return steps


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's query plans")
def test_the_routing_query_stays_flat_when_the_site_grows(client):
    """Flat in content size: with 3,000 more articles, no step of the query every page view
    runs goes through more than a few dozen rows (joined by OR, its parts made PostgreSQL read
    every page, or every entry of an index over all of them)."""
    news_index = Page.objects.get(url_path__endswith="/notizie/", locale__language_code="it")
    with connection.cursor() as cursor:
        cursor.execute(
            FILLER_PAGES,
            {
                "path": news_index.path,
                "depth": news_index.depth + 1,
                "locale": news_index.locale_id,
                "content_type": news_index.content_type_id,
                "url_path": news_index.url_path,
            },
        )
        cursor.execute("ANALYZE wagtailcore_page")
    assert Page.objects.count() > 3000
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/it/progetto/").status_code == 200
    routing = next(q["sql"] for q in queries if "frame_language_code" in q["sql"])
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + routing)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    steps = rows_examined(plan[0]["Plan"])
    assert max(rows for _step, rows in steps) < 200, steps


def test_the_menu_is_found_when_the_home_pages_address_holds_a_like_wildcard(client):
    """The menu is found with LIKE on the home page's address: an underscore in it (a
    wildcard to LIKE) is matched as itself."""
    home = HomePage.objects.get(locale__language_code="it")
    home.slug = "digi_villae"
    home.save_revision().publish()
    home.refresh_from_db()
    assert home.url_path.endswith("/digi_villae/")
    Site.clear_site_root_paths_cache()  # the home page's address is in them
    try:
        expected = [page.url for page in home.get_children().live().in_menu().order_by("path")]
        menu = [href for href, _title in frame_of(client.get("/it/progetto/"))["menu"]]
    finally:
        Site.clear_site_root_paths_cache()  # the rolled-back address must not outlive the test
    assert menu == expected
    assert len(menu) > 3


@pytest.mark.parametrize("language", ["it", "fr", "en"])
def test_the_home_page_in_the_visitors_language_in_one_query(language):
    site = Site.objects.select_related("root_page").get(is_default_site=True)
    with translation.override(language):
        expected = site.root_page.localized.specific
        with CaptureQueriesContext(connection) as queries:
            found = localized_home(site)
    assert (found.pk, type(found)) == (expected.pk, type(expected))
    assert found.locale.language_code == language
    assert len(queries) == 1


def test_a_home_page_translation_in_draft_is_not_served():
    site = Site.objects.select_related("root_page").get(is_default_site=True)
    HomePage.objects.filter(locale__language_code="fr").update(live=False)
    with translation.override("fr"):
        assert localized_home(site).pk == site.root_page.localized.specific.pk == site.root_page.pk


def test_public_pages_skip_the_restriction_query_and_restricted_ones_keep_it(client):
    """The routing query says whether a page on the way is restricted: a public page needs no
    further question, a page below a restricted section is still refused at once."""

    home = HomePage.objects.get(locale__language_code="it")
    request = RequestFactory().get("/")
    page, _args, _kwargs = home.route(request, ["territori", "fossanese"])
    with CaptureQueriesContext(connection) as queries:
        assert list(page.get_view_restrictions()) == []
    assert len(queries) == 0

    section = Page.objects.get(url_path=home.url_path + "territori/")
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    page, _args, _kwargs = home.route(RequestFactory().get("/"), ["territori", "fossanese"])
    assert [r.page_id for r in page.get_view_restrictions()] == [section.pk]
    response = client.get("/it/territori/fossanese/")
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]


def test_site_root_paths_in_one_query_are_wagtails():
    """Read in one query when Django's cache has none, then from the cache; equal to Wagtail's
    own, also with a second site on the same home page and a third elsewhere."""

    def both():
        Site.clear_site_root_paths_cache()
        expected = Site.get_site_root_paths()
        Site.clear_site_root_paths_cache()
        with CaptureQueriesContext(connection) as queries:
            found = site_root_paths()
        return expected, found, len(queries)

    expected, found, queries = both()
    assert found == expected
    assert queries == 1
    with CaptureQueriesContext(connection) as queries:
        assert site_root_paths() == expected  # kept where Wagtail keeps it
    assert len(queries) == (0 if cache.get("wagtail_site_root_paths", version=2) else 1)
    home = HomePage.objects.get(locale__language_code="it")
    Site.objects.create(hostname="www.digivillae.test", port=443, root_page=home)
    section = Page.objects.get(url_path=home.url_path + "territori/")
    Site.objects.create(hostname="territori.digivillae.test", port=8080, root_page=section)
    expected, found, _queries = both()
    assert found == expected
    assert len({path.site_id for path in found}) == 3


def test_a_routed_page_knows_its_parent_and_language_without_asking_again():
    home = HomePage.objects.select_related("locale").get(locale__language_code="it")
    request = RequestFactory().get("/")
    page, _args, _kwargs = home.route(request, ["territori", "mont-rose", "sportello-itinerante"])
    with CaptureQueriesContext(connection) as queries:
        parent = parent_of(page, request)
        language = page.locale.language_code
    assert len(queries) == 0
    assert parent.pk == page.get_parent().pk
    assert language == "it"
    assert parent_of(page, RequestFactory().get("/")).pk == parent.pk  # no chain: asks Wagtail


def test_the_site_is_the_one_wagtail_finds():
    home = HomePage.objects.get(locale__language_code="it")
    section = Page.objects.get(url_path=home.url_path + "territori/")
    Site.objects.create(hostname="www.digivillae.test", port=443, root_page=home)
    Site.objects.create(hostname="territori.digivillae.test", port=8080, root_page=section)
    Site.objects.create(hostname="territori.digivillae.test", port=8081, root_page=section)
    default = Site.objects.get(is_default_site=True)
    for host, port in [
        (default.hostname, default.port),
        (default.hostname, 8000),
        ("www.digivillae.test", 443),
        ("www.digivillae.test", 80),
        ("territori.digivillae.test", 8080),
        ("territori.digivillae.test", 9999),
        ("unknown.example", 80),
    ]:
        request = RequestFactory().get("/", HTTP_HOST=f"{host}:{port}", SERVER_PORT=str(port))
        try:
            expected = get_site_for_hostname(host, port).pk
        except Site.DoesNotExist:
            expected = None
        found = find_site(request)
        assert (found.pk if found else None) == expected, (host, port)


def test_the_site_and_its_settings_in_one_query():
    request = RequestFactory().get("/")
    with CaptureQueriesContext(connection) as queries:
        site = find_site(request)
        site_settings = SiteSettings.for_request(request)
        assert Site.find_for_request(request) is site
    assert len(queries) == 1
    assert site_settings.pk == SiteSettings.for_site(site).pk
    assert site_settings.privacy_page_id == SiteSettings.for_site(site).privacy_page_id


def values_of(instance) -> dict:
    return {
        field.attname: (getattr(instance, field.attname), type(getattr(instance, field.attname)))
        for field in instance._meta.concrete_fields
    }


def test_the_site_read_in_sql_is_what_the_orm_reads_value_for_value():
    """Every column of the site, its home page and its settings, with the type Django gives it
    (booleans, dates and the translation key converted as the ORM converts them, SQLite too)."""
    site = find_site(RequestFactory().get("/"))
    orm = Site.objects.select_related("root_page", "sitesettings").get(pk=site.pk)
    assert values_of(site) == values_of(orm)
    assert values_of(site.root_page) == values_of(orm.root_page)
    assert values_of(site.sitesettings) == values_of(orm.sitesettings)
    assert site.root_page.specific.title == orm.root_page.specific.title


def test_the_specific_page_read_in_sql_is_what_the_orm_reads_with_its_images():
    """For a page of every type that shows images on every view: its own columns and the
    images', value for value and type for type, in one query."""
    checked, images = set(), 0
    for page in Page.objects.filter(depth__gt=1).order_by("path"):
        model = page.specific_class
        if model in checked or not getattr(model, "select_related_on_view", ()):
            continue
        checked.add(model)
        with CaptureQueriesContext(connection) as queries:
            specific = specific_of(page)
        assert len(queries) == 1, model
        related = model.select_related_on_view
        orm = model.objects.select_related(*related).get(pk=page.pk)
        assert values_of(specific) == values_of(orm), model
        for name in related:
            image, expected = getattr(specific, name), getattr(orm, name)
            assert (image and values_of(image)) == (expected and values_of(expected)), name
            images += image is not None
    assert len(checked) >= 5  # home, news, and the pages with only a sharing image
    assert images >= 2  # the home page's hero image and an article's lead image, at least


def frame_of(response) -> dict:
    """What a visitor finds around the page's content: menu, language versions, footer."""
    soup = BeautifulSoup(response.content, "html.parser")

    def links(selector):
        return [(a.get("href"), a.get_text(" ", strip=True)) for a in soup.select(selector)]

    return {
        "menu": links(".main-nav a"),
        "languages": links(".language-switcher a")
        + [(None, s.get_text()) for s in soup.select(".language-switcher [aria-current]")],
        "footer": links('footer nav[aria-label] a[href^="/"]'),
        "alternates": [(link["hreflang"], link["href"]) for link in soup.select("link[hreflang]")],
        "home": links(".brand"),
        "breadcrumbs": links(".breadcrumbs a"),
    }


def what_wagtail_gives(page) -> dict:
    """The page frame worked out with Wagtail's own queries, page by page."""
    home = HomePage.objects.get(locale=page.locale)
    menu = home.get_children().live().in_menu().filter(alias_of__isnull=True)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    footer = [
        Page.objects.get(pk=page_id).get_translation_or_none(page.locale)
        for page_id in (site_settings.accessibility_page_id, site_settings.privacy_page_id)
    ]
    versions = page.get_translations(inclusive=True).live().filter(alias_of__isnull=True)
    return {
        "menu": [p.url for p in menu],
        "footer": [p.url for p in footer if p is not None and p.live and not p.alias_of_id],
        "languages": sorted(p.locale.language_code for p in versions),
        "breadcrumbs": [p.url for p in page.get_ancestors().filter(depth__gte=2)],
    }


def test_the_frame_read_with_the_route_is_what_wagtail_gives(client, monkeypatch):
    """Every live page of the demo, in Italian, French and English: the menu, footer, language
    versions and breadcrumbs read with the route are those Wagtail's own queries find; and the
    same as the template tags find on their own (the frame left out)."""
    pages = [page for page in all_live_pages() if not page.alias_of_id]
    assert {page.locale.language_code for page in pages} >= {"it", "fr", "en"}
    served = {}
    for page in pages:
        frame = frame_of(client.get(page.url))
        expected = what_wagtail_gives(page)
        assert [href for href, _title in frame["menu"]] == expected["menu"], page.url
        legal = [h for h, _t in frame["footer"] if h != "/sitemap.xml" and "/follow/" not in h]
        assert legal == expected["footer"], page.url
        assert [href for href, _title in frame["breadcrumbs"]] == expected["breadcrumbs"], page.url
        assert (
            sorted(code for code, _href in frame["alternates"] if code != "x-default")
            == (expected["languages"])
        ), page.url
        assert frame["footer"] and frame["menu"], page.url
        served[page.url] = frame
    monkeypatch.setattr("core.routing.frame_of", lambda request: None)
    for page in pages:
        assert frame_of(client.get(page.url)) == served[page.url], page.url


def test_a_draft_home_page_translation_routes_as_wagtail_does():
    """When the French home page is a draft, Wagtail routes French addresses from the site's
    home page: so does the router (it falls back to Wagtail's way)."""
    HomePage.objects.filter(locale__language_code="fr").update(live=False)
    site = Site.objects.select_related("root_page").get(is_default_site=True)
    with translation.override("fr"):
        for components in ([], ["progetto"], ["territori", "fossanese"], ["nessuna-pagina"]):
            request = RequestFactory().get("/")
            request._wagtail_cached_site_root_paths = site_root_paths()

            def from_site(_home, _request, components, request=request):
                return route_from_site(request, site, components)

            expected = outcome(Page.route, site.root_page.localized.specific, components)
            assert outcome(from_site, None, components) == expected, components


@pytest.mark.parametrize(
    "address",
    [
        "/it/%ff%fe/",
        "/fr/territoires/%27%3B%20DROP%20TABLE%20wagtailcore_page%3B--/",
        "/it/progetto/%E2%80%AE%F0%9F%92%A5/",
        "/it/" + "a/" * 300,
        "/it/progetto/_%25/",
    ],
)
def test_hostile_addresses_are_simply_not_found(client, address):
    """Whatever the address holds, it reaches the routing query as values, never as SQL."""
    response = client.get(address)
    assert response.status_code == 404
    assert Page.objects.filter(depth=1).exists()


@pytest.mark.parametrize("unpublish_french", [False, True])
def test_the_privacy_notice_link_from_the_frame_is_the_one_the_query_finds(
    client, unpublish_french
):
    """Forms link the privacy notice in their language: read with the route when the router
    read the footer's pages, else asked for; the same page either way, a language without a
    live notice included."""
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    notice = Page.objects.get(pk=site_settings.privacy_page_id)
    if unpublish_french:
        french = notice.get_translation(Locale.objects.get(language_code="fr"))
        french.unpublish()
    for language in ("it", "fr", "en"):
        locale = Locale.objects.get(language_code=language)
        home = HomePage.objects.get(locale=locale)
        routed = client.get(home.url).wsgi_request
        assert getattr(routed, FRAME).with_footer
        with CaptureQueriesContext(connection) as queries:
            from_frame = privacy_notice_url(routed, locale.pk)
        assert len(queries) == 0
        plain = RequestFactory().get(home.url)
        asked = privacy_notice_url(plain, locale.pk)
        assert from_frame == asked != "", language
        if unpublish_french and language == "fr":
            assert asked == notice.url
