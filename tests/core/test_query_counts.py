"""Every public page type needs a bounded number of queries, whatever it lists."""

import datetime

import pytest

from core.models import CustomImage
from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from partners.models import PartnerIndexPage, PartnerPage
from pilots.models import PilotTerritoryIndexPage, PilotTerritoryPage
from tests.conftest import all_live_pages, count_queries, page_in

pytestmark = pytest.mark.django_db

MAX_QUERIES = 35  # flat in the number of items; issue 14 brings cold pages down to 12


def add_news(count: int, start: int = 0) -> None:
    index = page_in(NewsIndexPage, "it")
    image = CustomImage.objects.first()
    territory = page_in(PilotTerritoryPage, "it", slug="fossanese")
    for number in range(start, start + count):
        page = NewsPage(
            title=f"Notizia {number}",
            slug=f"notizia-{number}",
            summary="Sintesi.",
            lead_image=image,
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
        )
        page.tags.add("bench", f"tag-{number % 7}")
        index.add_child(instance=page)
        page.territory_links.create(territory=territory)


def add_events(count: int, start: int = 0) -> None:
    index = page_in(EventIndexPage, "it")
    territory = page_in(PilotTerritoryPage, "it", slug="fossanese")
    base = datetime.datetime(2030, 1, 1, 10, tzinfo=datetime.UTC)
    for number in range(start, start + count):
        begins = base + datetime.timedelta(days=number) * (1 if number % 2 else -3000 // 365)
        page = EventPage(
            title=f"Evento {number}",
            slug=f"evento-{number}",
            summary="Sintesi.",
            start=begins,
            end=begins + datetime.timedelta(hours=2),
            venue_name="Fossano",
        )
        index.add_child(instance=page)
        page.territory_links.create(territory=territory)


def add_partners_and_territories(count: int, start: int = 0) -> None:
    partners = page_in(PartnerIndexPage, "it")
    territories = page_in(PilotTerritoryIndexPage, "it")
    image = CustomImage.objects.first()
    for number in range(start, start + count):
        partners.add_child(
            instance=PartnerPage(
                title=f"Partner {number}",
                slug=f"partner-{number}",
                organisation_name="Org",
                country="IT",
                role="partner",
                logo=image,
            )
        )
        territories.add_child(
            instance=PilotTerritoryPage(
                title=f"Territorio {number}",
                slug=f"territorio-{number}",
                region="Piemonte",
                municipalities="Uno\nDue",
                latitude=44.5,
                longitude=7.5,
            )
        )


def snapshot(client, urls):
    return {url: count_queries(client, url)[0] for url in urls}


LISTING_URLS = [
    "/it/",
    "/it/notizie/",
    "/it/notizie/?tag=bench",
    "/it/eventi/",
    "/it/partner/",
    "/it/territori/",
    "/it/territori/fossanese/",
    "/it/notizie/rss/",
    "/it/eventi/calendar/",
    "/fr/",
    "/it/search/?q=notizia",
    "/it/partecipa/",
    "/it/partecipa/coworking/",
    "/it/bisogni/",
]


def test_listings_do_not_grow_with_their_items(client):
    add_news(10)
    add_events(10)
    add_partners_and_territories(5)
    few = snapshot(client, LISTING_URLS)
    add_news(190, start=10)
    add_events(190, start=10)
    add_partners_and_territories(45, start=5)
    many = snapshot(client, LISTING_URLS)
    assert few == many
    for url, queries in many.items():
        assert queries <= MAX_QUERIES, (url, queries)


def test_every_page_is_bounded(client):
    for page in all_live_pages():
        queries, _response = count_queries(client, page.url)
        assert queries <= MAX_QUERIES, (page.url, queries)
