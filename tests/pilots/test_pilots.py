import json

import pytest
from bs4 import BeautifulSoup

from participation.models import Need
from pilots.models import PilotTerritoryPage
from tests.conftest import page_in

pytestmark = pytest.mark.django_db


def test_index_has_a_map_and_a_plain_list(client):
    soup = BeautifulSoup(client.get("/it/territori/").content, "html.parser")
    markers = json.loads(soup.select_one("#territory-markers").string)
    assert {marker["title"] for marker in markers} == {
        "Unione del Fossanese",
        "Unité des Communes valdôtaines Mont-Rose",
        "Comuni soci di ANCI Liguria",
        "Alpi della Région Sud",
        "Seyne",  # the commune that joined them
    }
    assert all(marker["url"].startswith("/it/territori/") for marker in markers)
    items = soup.select(".territory-list h3 a")  # works without JavaScript
    assert len(items) == 5
    assert soup.select_one("#territory-map")["data-tile-url"]
    assert soup.select_one('script[src$="leaflet.js"]')["src"].startswith("/static/")


def test_territory_page_shows_facts_hubs_partner_and_related_content(client):
    soup = BeautifulSoup(client.get("/fr/territoires/mont-rose/").content, "html.parser")
    text = soup.get_text(" ", strip=True)
    assert "Vallée d'Aoste" in text
    assert "Pont-Saint-Martin" in [li.get_text() for li in soup.select(".inline-list li")]
    assert soup.select_one(".hub h3").get_text() == "Pôle local DigiVillae – Pont-Saint-Martin (AO)"
    partner_link = soup.find("a", href="/fr/partenaires/montrose/")
    assert partner_link is not None  # the French partner page, not the Italian one
    assert "À Turin, le lancement de DigiVillae" in text
    assert "Comité de pilotage" in text


def test_territory_page_links_its_partner_in_the_reader_language_in_one_query(client):
    """The partner is stored against one language version; each language's territory page
    links that partner's version in its own language, found in one query, and no link when
    that version is not live."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.i18n import localized_version
    from partners.models import PartnerPage

    italian = page_in(PilotTerritoryPage, "it", slug="mont-rose")
    french = page_in(PilotTerritoryPage, "fr", slug="mont-rose")
    french_partner = page_in(PartnerPage, "fr", slug="montrose")
    PilotTerritoryPage.objects.filter(pk__in=[italian.pk, french.pk]).update(partner=french_partner)

    def partner_links(page) -> list[str]:
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        return [a["href"] for a in soup.select("main a[href*='/montrose/']")]

    assert partner_links(italian) == ["/it/partner/montrose/"]
    assert partner_links(french) == ["/fr/partenaires/montrose/"]
    with CaptureQueriesContext(connection) as queries:
        found = localized_version(french_partner.pk, italian.locale_id)
    assert (found.pk, len(queries)) == (page_in(PartnerPage, "it", slug="montrose").pk, 1)
    assert localized_version(None, italian.locale_id) is None

    page_in(PartnerPage, "it", slug="montrose").unpublish()
    assert partner_links(italian) == []
    assert partner_links(french) == ["/fr/partenaires/montrose/"]


def test_partner_page_lists_its_territories_in_the_reader_language(client):
    soup = BeautifulSoup(client.get("/en/partners/aktantis/").content, "html.parser")
    assert [a["href"] for a in soup.select(".facts a[href*='/territories/']")] == [
        "/en/territories/alps-region-sud/"
    ]
    assert "France" in soup.get_text()
    assert (
        soup.select_one("img.partner-logo")["alt"]
        == "Logo: AKTANTIS (ex Pôle Solutions Communicantes Sécurisées)"
    )


def test_partner_index_groups_by_role(client):
    soup = BeautifulSoup(client.get("/it/partner/").content, "html.parser")
    headings = [h.get_text() for h in soup.select("main h2")]
    assert headings == ["Capofila", "Partner"]
    assert len(soup.select(".partner-card")) == 6


@pytest.mark.parametrize("language", ["it", "fr"])
def test_territory_page_counts_its_public_needs(client, language):
    """The count and the register link come from one query (participation's needs_tags); a
    reported need leaves the count."""

    territory = page_in(PilotTerritoryPage, language, slug="fossanese")
    public = Need.objects.filter(
        locale=territory.locale, live=True, territory__translation_key=territory.translation_key
    ).exclude(status=Need.Status.REPORTED)
    expected = public.count()
    assert expected > 0

    def shown() -> str:
        soup = BeautifulSoup(client.get(territory.url).content, "html.parser")
        section = soup.select_one('section[aria-labelledby="needs-heading"]')
        link = section.select_one("a")["href"]
        assert link.endswith(f"?territory={territory.translation_key}")
        return " ".join(section.p.get_text().split())

    assert shown().startswith(f"{expected} ")
    Need.objects.filter(pk=public.first().pk).update(status=Need.Status.REPORTED)
    assert shown().startswith(f"{expected - 1} ")
