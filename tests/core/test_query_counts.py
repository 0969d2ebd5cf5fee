"""Every public page type needs a bounded number of queries, whatever it lists (every page of
the demo is held to MAX_QUERIES in test_page_types)."""

import datetime

import pytest

from core.models import CustomImage
from events.models import EventIndexPage
from news.models import NewsIndexPage
from participation.models import ChallengeCallPage, NeedsIndexPage, Proposal
from partners.models import PartnerIndexPage
from pilots.models import PilotTerritoryIndexPage, PilotTerritoryPage
from tests.conftest import MAX_QUERIES, all_live_pages, count_queries, page_in
from tests.factories import (
    EventPageFactory,
    NewsPageFactory,
    PartnerPageFactory,
    PilotTerritoryPageFactory,
)

pytestmark = pytest.mark.django_db


def add_news(count: int) -> None:
    index = page_in(NewsIndexPage, "it")
    image = CustomImage.objects.first()
    territory = page_in(PilotTerritoryPage, "it", slug="fossanese")
    for number in range(count):
        NewsPageFactory(
            parent=index,
            lead_image=image,
            tags=["bench", f"tag-{number % 7}"],
            territories=[territory],
        )


def add_events(count: int) -> None:
    """Half upcoming, half past: both halves of the events page grow."""
    index = page_in(EventIndexPage, "it")
    territory = page_in(PilotTerritoryPage, "it", slug="fossanese")
    for number in range(count):
        start = datetime.datetime(2030 if number % 2 else 2020, 1, 1, 10, tzinfo=datetime.UTC)
        start += datetime.timedelta(days=number)
        EventPageFactory(parent=index, start=start, territories=[territory])


def add_partners_and_territories(count: int) -> None:
    partners = page_in(PartnerIndexPage, "it")
    territories = page_in(PilotTerritoryIndexPage, "it")
    image = CustomImage.objects.first()
    for _number in range(count):
        PartnerPageFactory(parent=partners, logo=image)
        PilotTerritoryPageFactory(parent=territories)


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
    # "Many" is more than any page, feed or calendar shows (at most FEED_SIZE = 20 items; past
    # and upcoming events each get half).
    add_news(5)
    add_events(5)
    add_partners_and_territories(3)
    few = snapshot(client, LISTING_URLS)
    add_news(22)
    add_events(24)
    add_partners_and_territories(12)
    many = snapshot(client, LISTING_URLS)
    assert few == many
    for url, queries in many.items():
        assert queries <= MAX_QUERIES, (url, queries)


COLD_QUERIES = 12  # every public page type, every cache empty


def one_page_of_each_type() -> list[str]:
    """A live page of every page type in Italian and French, a need and a public proposal."""
    urls, seen = [], set()
    for page in all_live_pages():
        kind = (type(page), page.locale.language_code)
        if kind[1] in {"it", "fr"} and kind not in seen and not page.alias_of_id:
            seen.add(kind)
            urls.append(page.url)
    register = page_in(NeedsIndexPage, "fr")
    need = register.public_needs().first()
    urls.append(register.url + register.reverse_subpage("need_detail", args=[need.translation_key]))
    proposal = Proposal.objects.public().first()
    call = ChallengeCallPage.objects.get(pk=proposal.call_id)
    urls.append(call.url + call.reverse_subpage("proposal_detail", args=[proposal.reference]))
    return urls


def test_every_page_type_renders_cold_in_at_most_twelve_queries(client, settings):
    dummy = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    settings.CACHES = dict.fromkeys(settings.CACHES, dummy)
    settings.WAGTAIL_CACHE = False
    urls = one_page_of_each_type()
    assert len(urls) >= 30
    counts = {url: count_queries(client, url)[0] for url in urls}
    assert max(counts.values()) <= COLD_QUERIES, {u: n for u, n in counts.items() if n > 12}
