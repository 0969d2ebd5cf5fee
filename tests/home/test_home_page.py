"""The home page's participation block lists what residents and businesses can take part in
now: open surveys and open challenge calls, in the visitor's language."""

import pytest
from bs4 import BeautifulSoup

from events.models import EventIndexPage
from home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "heading", "open_call", "closed_call", "open_survey"),
    [
        (
            "/it/",
            "Sfide di innovazione aperte",
            "Sfida: coworking nei borghi",
            "Sfida: sportelli digitali di prossimità",
            "Di che cosa ha bisogno il tuo comune?",
        ),
        (
            "/fr/",
            "Défis d'innovation ouverts",
            "Défi : coworking dans les villages",
            "Défi : guichets numériques de proximité",
            "De quoi votre commune a-t-elle besoin ?",
        ),
    ],
)
def test_participation_block_lists_open_calls_beside_open_surveys(
    client, url, heading, open_call, closed_call, open_survey
):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    block = soup.select_one("section.participation")
    headings = [h3.get_text(strip=True) for h3 in block.select("h3")]
    assert heading in headings
    links = [a.get_text(strip=True) for a in block.select("li a")]
    assert open_call in links and open_survey in links
    assert closed_call not in links
    assert "proposte fino al" in block.get_text() or "propositions jusqu'au" in block.get_text()


@pytest.mark.parametrize("in_menus", [True, False])
def test_section_links_whether_or_not_the_sections_are_in_the_menu(client, in_menus):
    """The home page links every section: found among the menu pages read with the route, or
    asked for when a section is kept out of the menu."""
    home = HomePage.objects.get(locale__language_code="fr")
    events = EventIndexPage.objects.get(locale=home.locale)
    EventIndexPage.objects.filter(pk=events.pk).update(show_in_menus=in_menus)
    soup = BeautifulSoup(client.get("/fr/").content, "html.parser")
    links = {a["href"] for a in soup.select("main a[href]")}
    for index in home.get_children().live().type(*HomePage.SECTIONS.values()):
        assert index.url in links, index.url
    menu = {a["href"] for a in soup.select(".main-nav a")}
    assert (events.url in menu) is in_menus
