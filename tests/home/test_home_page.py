"""The home page's participation block lists what residents and businesses can take part in
now: open surveys and open challenge calls, in the visitor's language."""

import pytest
from bs4 import BeautifulSoup

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
