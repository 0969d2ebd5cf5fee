"""Anonymous page views come from the shared cache, are purged when content changes, and pages
with forms, POSTs and signed-in editors are never served from it."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from core.page_cache import clear as clear_page_cache
from home.models import StandardPage
from participation.models import Need, NeedsIndexPage
from tests.conftest import page_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_caching():
    clear_page_cache()
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield
    clear_page_cache()


def test_second_anonymous_view_is_served_from_the_cache_without_queries(client):
    first = client.get("/it/progetto/")
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/it/progetto/")
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert "script-src 'self'" in second["Content-Security-Policy"]


def test_publishing_purges_the_cache(client):
    page = page_in(StandardPage, "it", slug="progetto")
    client.get(page.url)
    page.title = "Il progetto DigiVillae, aggiornato"
    page.save_revision().publish()
    response = client.get(page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Il progetto DigiVillae, aggiornato" in response.content.decode()


def test_unpublishing_purges_the_cache(client):
    page = page_in(StandardPage, "it", slug="progetto")
    client.get(page.url)
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_a_changed_need_shows_at_once(client):
    register = page_in(NeedsIndexPage, "it")
    need = Need.objects.filter(locale=register.locale, status="validated").first()
    client.get(register.url)
    need.title = "Bisogno rinominato"
    need.save()
    assert "Bisogno rinominato" in client.get(register.url).content.decode()


def test_pages_with_forms_are_never_cached(client):
    survey = "/it/partecipa/bisogni-del-territorio/"
    first = client.get(survey)
    assert "X-Page-Cache" not in first
    assert "Cookie" in first["Vary"]
    other = client.__class__()
    second = other.get(survey)
    assert "X-Page-Cache" not in second
    # Each visitor gets the token that matches their own cookie.
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_posts_are_never_answered_from_the_cache(client):
    from participation.models import SurveyPage

    survey = page_in(SurveyPage, "it", slug="bisogni-del-territorio")
    before = survey.all_submissions().count()
    client.post(survey.url, {"website": ""})
    client.post(survey.url, {"website": ""})
    assert survey.all_submissions().count() == before  # invalid, but each was processed
    assert client.get(survey.url).get("X-Page-Cache") is None


def test_signed_in_visitors_and_query_strings_bypass_the_cache(client, django_user_model):
    client.get("/it/progetto/")
    assert client.get("/it/progetto/")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get("/it/progetto/?utm_source=x")
    editor = django_user_model.objects.create_superuser("capo", "capo@example.com", "x")
    client.force_login(editor)
    assert "X-Page-Cache" not in client.get("/it/progetto/")


@pytest.fixture
def fragments():
    clear_page_cache()
    with override_settings(PAGE_CACHE_SECONDS=0, NAVIGATION_CACHE_SECONDS=300):
        yield
    clear_page_cache()


def test_every_uncached_page_needs_at_most_15_queries_with_shared_fragments(client, fragments):
    from tests.conftest import all_live_pages, count_queries

    over = {}
    for page in all_live_pages():
        queries, _response = count_queries(client, page.url)
        if queries > 15:
            over[page.url] = queries
    assert not over, sorted(over.items())


def test_menus_and_timelines_follow_a_publish(client, fragments):
    from bs4 import BeautifulSoup

    page = page_in(StandardPage, "it", slug="progetto")
    client.get("/it/")
    page.title = "Il progetto (nuovo titolo)"
    page.save_revision().publish()
    menu = BeautifulSoup(client.get("/it/").content, "html.parser").select_one(".main-nav")
    assert "Il progetto (nuovo titolo)" in menu.get_text()


def test_language_switcher_is_not_shared_between_sub_pages(client, fragments):
    from bs4 import BeautifulSoup

    register = page_in(NeedsIndexPage, "it")
    needs = list(Need.objects.filter(locale=register.locale).exclude(status="reported")[:2])
    for need in needs:
        url = register.url + f"{need.translation_key}/"
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        french = soup.select_one('.language-switcher a[hreflang="fr"]')["href"]
        assert french.endswith(f"/{need.translation_key}/")
