"""Every page type renders in every language and accepts only sensible places in the tree."""

import re

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


NUMBER = r"-?\d+(\.\d+)?"
SVG_NUMBERS = {
    **dict.fromkeys(("x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "dx", "dy"), NUMBER),
    **dict.fromkeys(("width", "height"), NUMBER),
    "viewbox": rf"{NUMBER}( {NUMBER}){{3}}",
    "points": rf"{NUMBER},{NUMBER}( {NUMBER},{NUMBER})*",
}


def svg_numbers_that_are_not_numbers(soup) -> list[str]:
    """Geometry attributes of inline SVG that a browser cannot read (e.g. ``y1="220,0"``)."""
    wrong = []
    for svg in soup.find_all("svg"):
        for element in [svg, *svg.find_all(True)]:
            for name, value in element.attrs.items():
                pattern = SVG_NUMBERS.get(name.lower())
                if pattern and not re.fullmatch(pattern, value.strip()):
                    wrong.append(f"<{element.name} {name}={value!r}>")
    return wrong


def test_every_page_renders_in_its_language_within_its_query_budget(client):
    pages = all_live_pages()
    assert len(pages) > 60
    charts = {"it": 0, "fr": 0, "en": 0}
    for page in pages:
        queries, response = count_queries(client, page.url)
        assert queries <= MAX_QUERIES, (page.url, queries)
        soup = BeautifulSoup(response.content, "html.parser")
        language = page.locale.language_code
        assert soup.html["lang"] == language, page.url
        assert soup.h1 and soup.h1.get_text(strip=True), page.url
        assert page.title in soup.title.get_text(), page.url
        assert soup.select_one("main#main") and soup.select_one("a.skip-link")
        assert not svg_numbers_that_are_not_numbers(soup), (
            page.url,
            svg_numbers_that_are_not_numbers(soup),
        )
        charts[language] += len(soup.select("svg.indicator-chart"))
    assert all(charts.values()), charts  # the pilot's charts were checked in every language


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
