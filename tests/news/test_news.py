import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from core.querysets import restricted_paths
from events.models import EventIndexPage
from news.models import NEWS_PER_PAGE, NewsIndexPage
from pilots.links import linked_territories
from pilots.models import PilotTerritoryPage
from tests.conftest import page_in, text_of
from tests.factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "language", "title"),
    [
        ("/it/notizie/rss/", "it", "A Torino il kick-off di DigiVillae"),
        ("/fr/actualites/rss/", "fr", "À Turin, le lancement de DigiVillae"),
        ("/en/news/atom/", "en", "DigiVillae kicks off in Turin"),
    ],
)
def test_feeds_parse_in_their_language(client, url, language, title):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == language
    titles = [entry.title for entry in feed.entries]
    assert title in titles
    assert len(titles) == 3
    assert all(entry.link.startswith("http://testserver/") for entry in feed.entries)


def test_listing_is_paginated_and_filtered_by_tag(client):
    index = page_in(NewsIndexPage, "it")
    NewsPageFactory.create_batch(NEWS_PER_PAGE + 2, parent=index, tags=["extra"])
    first = BeautifulSoup(client.get("/it/notizie/").content, "html.parser")
    assert len(first.select(".card")) == NEWS_PER_PAGE
    assert first.select_one('.pagination a[rel="next"]')["href"] == "?page=2"
    second = BeautifulSoup(client.get("/it/notizie/?page=2").content, "html.parser")
    assert len(second.select(".card")) == 5  # 12 extra + 3 demo = 15 in all
    last = BeautifulSoup(client.get("/it/notizie/?page=99").content, "html.parser")
    assert "Pagina 2 di 2" in last.select_one(".pagination").get_text()  # last page, no error
    bad = BeautifulSoup(client.get("/it/notizie/?page=due").content, "html.parser")
    assert "Pagina 1 di 2" in bad.select_one(".pagination").get_text()
    tagged = BeautifulSoup(client.get("/it/notizie/?tag=extra&utm=x").content, "html.parser")
    assert tagged.select_one('.pagination a[rel="next"]')["href"] == "?tag=extra&page=2"
    filtered = BeautifulSoup(client.get("/it/notizie/?tag=capitalisation").content, "html.parser")
    titles = {a.get_text(strip=True) for a in filtered.select(".card-title a")}
    assert titles == {
        "Capitalizzazione: cosa insegna IoTXchange",
        "Cœur Résilient e Cœur Innovant: l'eredità delle Alte Valli",
    }
    assert filtered.select_one(".tag-filter a[aria-current]").get_text() == "capitalisation"
    empty = BeautifulSoup(client.get("/it/notizie/?tag=inesistente").content, "html.parser")
    assert "Nessuna notizia corrisponde a questo filtro." in empty.get_text()


def test_news_page_shows_date_image_tags_and_territories(client):
    soup = BeautifulSoup(client.get("/en/news/kick-off-turin/").content, "html.parser")
    assert soup.select_one("time")["datetime"] == "2025-10-20"
    image = soup.select_one("article figure img")
    assert image["alt"] == "Illustration: hills and mountains at dawn."
    assert image["loading"] == "lazy"
    assert soup.select_one("article figure source[type='image/webp']")
    territories = [a.get_text() for a in soup.select(".article-footer a[href*='/territories/']")]
    assert "Unione del Fossanese" in territories and len(territories) == 4
    assert {a.get_text() for a in soup.select("a.tag")} == {"ALCOTRA", "kick-off", "Smart Village"}
    # Each tag links to the news index in the page's language, filtered by it.
    assert {a["href"] for a in soup.select("a.tag")} == {
        "/en/news/?tag=alcotra",
        "/en/news/?tag=kick-off",
        "/en/news/?tag=smart-village",
    }
    french = BeautifulSoup(client.get("/fr/actualites/lancement-turin/").content, "html.parser")
    assert all(a["href"].startswith("/fr/actualites/?tag=") for a in french.select("a.tag"))
    assert french.select("a.tag")
    assert soup.select_one('meta[property="og:image"]')["content"].startswith("http://testserver/")
    # Link previews describe the shared lead image in the page's language, as the page does.
    assert soup.select_one('meta[property="og:image:alt"]')["content"] == image["alt"]
    og_alt = french.select_one('meta[property="og:image:alt"]')["content"]
    assert og_alt == french.select_one("article figure img")["alt"] != image["alt"]


@pytest.mark.parametrize("many_restrictions", [False, True])
def test_listings_leave_out_pages_behind_a_view_restriction(client, monkeypatch, many_restrictions):
    """Every kind of listing: the routed pages' (which know the restricted pages from the
    route's query), a territory page's related items (template tags) and the feeds; with more
    restrictions than the listings filter by path, the listings ask in SQL."""
    if many_restrictions:
        monkeypatch.setattr("core.routing.MAX_RESTRICTED_PATHS", 1)
    index = page_in(NewsIndexPage, "it")
    events = page_in(EventIndexPage, "it")
    territory = page_in(PilotTerritoryPage, "it", slug="fossanese")
    newest = datetime.date(2027, 1, 1)  # first on the home page too
    for suffix in ("aperta-7q", "chiusa-7q"):
        NewsPageFactory(
            parent=index, title=f"Notizia {suffix}", date=newest, territories=[territory]
        )
        EventPageFactory(parent=events, title=f"Evento {suffix}", territories=[territory])
    for title in ("Notizia chiusa-7q", "Evento chiusa-7q"):
        secret = Page.objects.get(title=title)
        PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    for url in (index.url, "/it/", events.url, territory.url, "/it/notizie/rss/"):
        response = client.get(url)
        text = response.content.decode()
        assert "aperta-7q" in text and "chiusa-7q" not in text, url
        by_path = restricted_paths(response.wsgi_request) is not None
        assert by_path != many_restrictions, url
    calendar = client.get("/it/eventi/calendar/").content.decode()
    assert "Evento aperta-7q" in calendar and "chiusa-7q" not in calendar
    # A restriction on the section hides everything below it, wherever it is listed.
    PageViewRestriction.objects.create(page=index, restriction_type="password", password="x")
    for url in ("/it/", territory.url):
        assert "Notizia aperta-7q" not in text_of(client.get(url)), url


def test_an_articles_territories_in_the_readers_language_and_order_in_preview_too(rf):
    """The territories an editor linked, as the reader's language names them, in the editor's
    order — on the live page and on a draft being previewed (links still in memory)."""
    article = page_in(NewsIndexPage, "fr").get_children().live().first().specific
    territories = article.get_context(rf.get("/"))["territories"]
    assert len(territories) > 1
    assert all(page.locale_id == article.locale_id for page in territories)
    draft = article.get_latest_revision_as_object()
    links = list(draft.territory_links.all())
    for position, link in enumerate(reversed(links)):
        link.sort_order = position
    draft.territory_links = list(reversed(links))  # not saved: what a preview shows
    previewed = draft.get_context(rf.get("/"))["territories"]
    assert [page.pk for page in previewed] == [page.pk for page in reversed(territories)]

    # The published page reads its stored links (one query, ``localized_link_targets``): the
    # order they are stored in, and a territory unpublished in this language left out.
    article = type(article).objects.get(pk=article.pk)  # the draft above was this very object
    stored = list(article.territory_links.order_by("sort_order"))
    for position, link in enumerate(reversed(stored)):
        type(link).objects.filter(pk=link.pk).update(sort_order=position)
    live = article.get_context(rf.get("/"))["territories"]
    assert [page.pk for page in live] == [page.pk for page in reversed(territories)]
    with CaptureQueriesContext(connection) as queries:
        assert linked_territories(article) == live
    assert len(queries) == 1
    territories[0].unpublish()
    live = article.get_context(rf.get("/"))["territories"]
    assert [page.pk for page in live] == [page.pk for page in reversed(territories[1:])]
