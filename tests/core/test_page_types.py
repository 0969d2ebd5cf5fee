"""Every page type renders in every language and accepts only sensible places in the tree."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from events.models import EventIndexPage, EventPage
from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from participation.models import (
    ChallengeCallPage,
    ChallengeIndexPage,
    NeedsIndexPage,
    SurveyIndexPage,
    SurveyPage,
)
from partners.models import PartnerIndexPage, PartnerPage
from pilots.models import PilotPage, PilotTerritoryIndexPage, PilotTerritoryPage
from tests.conftest import MAX_QUERIES, all_live_pages, count_queries

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    HomePage,
    StandardPage,
    NewsIndexPage,
    NewsPage,
    EventIndexPage,
    EventPage,
    PartnerIndexPage,
    PartnerPage,
    PilotTerritoryIndexPage,
    PilotTerritoryPage,
    SurveyIndexPage,
    SurveyPage,
    NeedsIndexPage,
    ChallengeIndexPage,
    ChallengeCallPage,
    PilotPage,
]


def test_demo_has_every_page_type_in_every_language():
    for model in PAGE_TYPES:
        languages = set(model.objects.live().values_list("locale__language_code", flat=True))
        assert languages == {"it", "fr", "en"}, model


def test_every_page_renders_in_its_language_within_its_query_budget(client):
    pages = all_live_pages()
    assert len(pages) > 60
    for page in pages:
        queries, response = count_queries(client, page.url)
        assert queries <= MAX_QUERIES, (page.url, queries)
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.html["lang"] == page.locale.language_code, page.url
        assert soup.h1 and soup.h1.get_text(strip=True), page.url
        assert page.title in soup.title.get_text(), page.url
        assert soup.select_one("main#main") and soup.select_one("a.skip-link")


ALLOWED_CHILDREN = {
    Page: {HomePage},
    HomePage: {
        StandardPage,
        NewsIndexPage,
        EventIndexPage,
        PartnerIndexPage,
        PilotTerritoryIndexPage,
        SurveyIndexPage,
        NeedsIndexPage,
        ChallengeIndexPage,
    },
    StandardPage: {StandardPage},
    NewsIndexPage: {NewsPage},
    EventIndexPage: {EventPage},
    PartnerIndexPage: {PartnerPage},
    PilotTerritoryIndexPage: {PilotTerritoryPage},
    NewsPage: set(),
    EventPage: set(),
    PartnerPage: set(),
    PilotTerritoryPage: {PilotPage},
    PilotPage: set(),
    SurveyIndexPage: {SurveyPage},
    SurveyPage: set(),
    NeedsIndexPage: set(),
    ChallengeIndexPage: {ChallengeCallPage},
    ChallengeCallPage: set(),
}


@pytest.mark.parametrize("parent", list(ALLOWED_CHILDREN), ids=lambda m: m.__name__)
def test_tree_rules(parent):
    assert set(parent.allowed_subpage_models()) & set(PAGE_TYPES) == ALLOWED_CHILDREN[parent]


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_parent_rules(model):
    expected = {parent for parent, children in ALLOWED_CHILDREN.items() if model in children}
    assert set(model.allowed_parent_page_models()) & ({Page, *PAGE_TYPES}) == expected


def test_sections_are_unique_under_a_home_page():
    home = HomePage.objects.get(locale__language_code="it")
    for model in (
        NewsIndexPage,
        EventIndexPage,
        PartnerIndexPage,
        PilotTerritoryIndexPage,
        SurveyIndexPage,
        NeedsIndexPage,
        ChallengeIndexPage,
    ):
        assert not model.can_create_at(home), model
    assert StandardPage.can_create_at(home)
