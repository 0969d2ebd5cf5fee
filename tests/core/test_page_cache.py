"""Anonymous page views come from the shared cache (wagtail-cache); previews, drafts, signed-in
editors, restricted and personal pages never do; a change purges the pages that show it, in
every language, and leaves the others cached."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.db import connection
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.visitor_tokens import CSRF_MARKER
from home.models import StandardPage
from news.models import NewsPage
from participation.models import Need, NeedsIndexPage, SurveyPage
from tests.conftest import page_in
from tests.participation.conftest import valid_answers

pytestmark = pytest.mark.django_db

STATUS = "X-Wagtail-Cache"


@pytest.fixture(autouse=True)
def page_caching():
    caches["pages"].clear()
    with override_settings(WAGTAIL_CACHE=True):
        yield
    caches["pages"].clear()


def test_second_anonymous_view_is_served_from_the_cache_without_queries(client):
    first = client.get("/it/progetto/")
    assert first[STATUS] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/it/progetto/")
    assert second[STATUS] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert "script-src 'self'" in second["Content-Security-Policy"]
    # Browsers revalidate: only the shared cache keeps the page, so purges reach everyone.
    assert second["Cache-Control"] == "no-cache"


def test_publishing_purges_the_page_in_every_language(client):
    page = page_in(StandardPage, "it", slug="progetto")
    french = page.get_translation(page_in(NeedsIndexPage, "fr").locale)
    client.get(page.url)
    client.get(french.url)
    assert client.get(french.url)[STATUS] == "hit"
    page.title = "Il progetto DigiVillae, aggiornato"
    page.save_revision().publish()
    response = client.get(page.url)
    assert response[STATUS] == "miss"
    assert "Il progetto DigiVillae, aggiornato" in response.content.decode()
    assert client.get(french.url)[STATUS] == "miss"


def test_publishing_an_article_purges_its_listing_and_leaves_other_articles_cached(client):
    articles = list(NewsPage.objects.live().filter(locale__language_code="it")[:2])
    changed, other = articles
    index = changed.get_parent()
    for url in (changed.url, other.url, index.url):
        client.get(url)
    changed.title = "Notizia con un titolo nuovo"
    changed.save_revision().publish()
    assert "Notizia con un titolo nuovo" in client.get(index.url).content.decode()
    assert client.get(other.url)[STATUS] == "hit"


def test_unpublishing_purges_the_cache(client):
    page = page_in(StandardPage, "it", slug="progetto")
    client.get(page.url)
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_a_previewed_draft_never_reaches_anonymous_visitors(admin_client, client):
    page = page_in(StandardPage, "it", slug="progetto")
    client.get(page.url)  # the live page is cached
    page.title = "Testo di bozza mai pubblicato"
    page.save_revision()  # a draft, not published
    preview = admin_client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert "Testo di bozza mai pubblicato" in preview.content.decode()
    for visitor in (client, client.__class__()):
        assert "Testo di bozza mai pubblicato" not in visitor.get(page.url).content.decode()
    caches["pages"].clear()
    assert "Testo di bozza mai pubblicato" not in client.get(page.url).content.decode()


def test_a_new_restriction_applies_on_the_very_next_anonymous_request(client):
    page = page_in(StandardPage, "it", slug="progetto")
    assert client.get(page.url)[STATUS] == "miss"
    assert client.get(page.url)[STATUS] == "hit"
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="segreto"
    )
    response = client.get(page.url)
    assert STATUS not in response or response[STATUS] != "hit"
    assert 'name="password"' in response.content.decode()
    assert "private" in response["Cache-Control"]
    assert 'name="password"' in client.get(page.url).content.decode()


def test_a_support_confirmation_leaves_unrelated_pages_cached(client):
    from participation.models import Proposal, Support

    unrelated = page_in(StandardPage, "it", slug="progetto")
    client.get(unrelated.url)
    proposal = Proposal.objects.public().select_related("call").first()
    call = proposal.call
    client.get(call.url)
    Support.objects.create(proposal=proposal, email_digest="a" * 64, confirmed_at=timezone.now())
    assert client.get(unrelated.url)[STATUS] == "hit"
    assert client.get(call.url)[STATUS] == "miss"


def test_a_changed_need_shows_at_once(client):
    register = page_in(NeedsIndexPage, "it")
    need = Need.objects.filter(locale=register.locale, status="validated").first()
    client.get(register.url)
    need.title = "Bisogno rinominato"
    need.save()
    assert "Bisogno rinominato" in client.get(register.url).content.decode()


def test_a_renamed_hub_shows_at_once_on_the_register(client):
    """The demo's workshop need names its hub, kept on the territory page."""
    register = page_in(NeedsIndexPage, "it")
    need = Need.objects.get(locale=register.locale, origin="workshop")
    territory = need.territory.specific
    client.get(register.url)
    assert client.get(register.url)[STATUS] == "hit"
    hub = territory.local_hubs.get(translation_key=need.hub_key)
    hub.name = "Hub rinominato"
    hub.save()
    territory.save_revision().publish()
    assert "Hub rinominato" in client.get(register.url).content.decode()


def tokens_in(response) -> tuple[str, str, str]:
    """The CSRF token, the submission token and the CSRF cookie one visitor was given."""
    form = BeautifulSoup(response.content, "html.parser").select_one("form.survey-form")
    return (
        form.select_one("[name=csrfmiddlewaretoken]")["value"],
        form.select_one("[name=submission_token]")["value"],
        response.cookies["csrftoken"].value,
    )


def test_the_survey_page_comes_from_the_cache_with_tokens_of_each_visitors_own():
    survey = page_in(SurveyPage, "it", slug="bisogni-del-territorio")
    visitors = [Client() for _number in range(40)]
    responses = [visitor.get(survey.url) for visitor in visitors]
    assert responses[0][STATUS] == "miss"
    assert {response[STATUS] for response in responses[1:]} == {"hit"}
    tokens = [tokens_in(response) for response in responses]
    for kind in range(3):  # CSRF tokens, submission tokens, cookies: all different
        assert len({token[kind] for token in tokens}) == len(visitors)
    secrets = {_unmask_cipher_token(token[0]) for token in tokens}
    assert len(secrets) == len(visitors)
    for (csrf, _submission, cookie), response in zip(tokens, responses, strict=True):
        assert _unmask_cipher_token(csrf) == cookie  # the token matches that visitor's cookie
        assert "private" in response["Cache-Control"]
        assert int(response["Content-Length"]) == len(response.content)
    # The cached copy itself (locmem keeps pickled responses) holds markers, never a token.
    stored = b"".join(caches["pages"]._cache.values())
    assert str(CSRF_MARKER).encode() in stored
    assert not any(token[0].encode() in stored or token[1].encode() in stored for token in tokens)


def test_answers_sent_from_cached_survey_pages_are_each_stored_once():
    survey = page_in(SurveyPage, "it", slug="bisogni-del-territorio")
    before = survey.all_submissions().count()
    for _visitor in range(5):
        visitor = Client(enforce_csrf_checks=True)
        csrf, submission, _cookie = tokens_in(visitor.get(survey.url))
        answer = {
            **valid_answers(visitor, survey.url, "it"),
            "csrfmiddlewaretoken": csrf,
            "submission_token": submission,
        }
        for _double_click in range(2):
            response = visitor.post(survey.url, answer)
            assert response.status_code == 200, response.content.decode()[:500]
    assert survey.all_submissions().count() == before + 5


def test_a_survey_page_is_kept_no_longer_than_the_survey_stays_open(client):
    survey = page_in(SurveyPage, "it", slug="bisogni-del-territorio")
    survey.closes_at = timezone.now() + timezone.timedelta(seconds=90)
    survey.save_revision().publish()
    response = client.get(survey.url)
    assert response[STATUS] == "miss"
    expires = caches["pages"]._expire_info  # locmem: when each entry expires
    page_entries = [moment for key, moment in expires.items() if ".cache_page." in key]
    assert page_entries
    assert max(page_entries) <= timezone.now().timestamp() + 91


def test_posts_are_never_answered_from_the_cache(client):
    survey = page_in(SurveyPage, "it", slug="bisogni-del-territorio")
    before = survey.all_submissions().count()
    client.post(survey.url, {"website": ""})
    response = client.post(survey.url, {"website": ""})
    assert response.get(STATUS) != "hit"
    assert survey.all_submissions().count() == before


def test_signed_in_visitors_and_query_strings_bypass_the_cache(client, django_user_model):
    client.get("/it/progetto/")
    assert client.get("/it/progetto/")[STATUS] == "hit"
    assert client.get("/it/progetto/?utm_source=x").get(STATUS) != "hit"
    editor = django_user_model.objects.create_superuser("capo", "capo@example.com", "x")
    client.force_login(editor)
    assert client.get("/it/progetto/")[STATUS] == "skip"


def test_menus_follow_a_publish(client):
    page = page_in(StandardPage, "it", slug="progetto")
    client.get("/it/")
    page.title = "Il progetto (nuovo titolo)"
    page.save_revision().publish()
    menu = BeautifulSoup(client.get("/it/").content, "html.parser").select_one(".main-nav")
    assert "Il progetto (nuovo titolo)" in menu.get_text()


UNREACHABLE_REDIS = {
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there: the cache server is down
    "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
}


def test_with_the_cache_server_down_pages_render_and_publishing_works(client, settings):
    caches_setting = {**settings.CACHES, "pages": UNREACHABLE_REDIS}
    with override_settings(CACHES=caches_setting):
        first = client.get("/it/progetto/")
        assert first.status_code == 200
        assert first[STATUS] in {"err", "miss"}
        page = page_in(StandardPage, "it", slug="progetto")
        page.title = "Pubblicato con la cache spenta"
        page.save_revision().publish()  # the purge fails quietly, the publish does not
        second = client.get("/it/progetto/")
        assert second.status_code == 200
        assert "Pubblicato con la cache spenta" in second.content.decode()


def test_personal_pages_are_never_stored_anywhere(client):
    from participation.models import ChallengeCallPage, Proposal

    proposal = Proposal.objects.first()
    call = ChallengeCallPage.objects.get(pk=proposal.call_id)
    private = call.url + f"my-proposal/{proposal.access_token}/"
    for _visit in range(2):
        response = client.get(private)
        assert response.status_code == 200
        assert response.get(STATUS) != "hit"
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives, response["Cache-Control"]


def test_a_returning_visitor_keeps_their_csrf_cookie_on_a_cached_form_page():
    survey = page_in(SurveyPage, "it", slug="bisogni-del-territorio")
    Client().get(survey.url)  # cached
    visitor = Client()
    first = visitor.get(survey.url)
    assert first[STATUS] == "hit"
    again = visitor.get(survey.url)
    assert again[STATUS] == "hit"
    csrf, _submission, cookie = tokens_in(first)
    # Django sends the cookie again to renew it, with the secret the visitor already has.
    assert again.cookies["csrftoken"].value == cookie
    token = BeautifulSoup(again.content, "html.parser").select_one("[name=csrfmiddlewaretoken]")
    assert _unmask_cipher_token(token["value"]) == _unmask_cipher_token(csrf)


def test_a_visitor_with_a_session_never_reads_the_cache(client):
    client.get("/it/progetto/")
    assert client.get("/it/progetto/")[STATUS] == "hit"
    client.cookies["sessionid"] = "anything"
    assert client.get("/it/progetto/")[STATUS] == "skip"
