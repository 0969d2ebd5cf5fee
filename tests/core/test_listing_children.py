"""Listings find a section's pages as a range of tree paths (``ListingQuerySet.children_of``):
the same pages as Wagtail's ``child_of``, and, on PostgreSQL, a query whose reused (generic)
plan can still reach the pages through the path index."""

import re

import pytest
from django.conf import settings
from django.db import connection
from psycopg import sql
from wagtail.models import Page

from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from participation.models import ChallengeCallPage, ChallengeIndexPage, SurveyIndexPage, SurveyPage
from partners.models import PartnerIndexPage, PartnerPage
from pilots.models import PilotPage, PilotTerritoryIndexPage, PilotTerritoryPage
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

SECTIONS = [
    (NewsIndexPage, NewsPage),
    (EventIndexPage, EventPage),
    (PartnerIndexPage, PartnerPage),
    (PilotTerritoryIndexPage, PilotTerritoryPage),
    (SurveyIndexPage, SurveyPage),
    (ChallengeIndexPage, ChallengeCallPage),
    (PilotTerritoryPage, PilotPage),  # a territory's pilots
]


def listed(model, index, method: str) -> list[int]:
    queryset = model.objects.for_listing(index.locale_id)
    return sorted(getattr(queryset, method)(index).values_list("pk", flat=True))


@pytest.mark.parametrize("index_model,model", SECTIONS)
def test_every_demo_section_lists_the_pages_wagtail_finds_below_it(index_model, model):
    indexes = list(index_model.objects.all())
    assert {index.locale.language_code for index in indexes} >= {"it", "fr"}
    found = {}
    for index in indexes:
        pages = listed(model, index, "children_of")
        assert pages == listed(model, index, "child_of"), index
        found.setdefault(index.locale.language_code, []).extend(pages)
    assert found["it"] and found["fr"]  # the demo has such pages in both languages


def test_pages_past_the_ninth_and_below_a_child_are_found_as_wagtail_finds_them():
    """Paths count in base 36 (…0009, …000A, …000Z, …0010): forty events reach letters and
    the next digit; then one takes the last path a step can have. An event's own sub-page (a
    deeper path inside the range) is not a child."""
    index = EventIndexPage.objects.get(locale__language_code="it")
    for _number in range(40):
        EventPageFactory(parent=index)
    index.refresh_from_db()
    last = Page.objects.child_of(index).order_by("-path").first()
    assert re.search("[A-Z]", "".join(Page.objects.child_of(index).values_list("path", flat=True)))
    grandchild = EventPageFactory.build()
    last.add_child(instance=grandchild)
    assert grandchild.path.startswith(last.path)

    pages = listed(EventPage, index, "children_of")
    assert pages == listed(EventPage, index, "child_of")
    assert last.pk in pages and grandchild.pk not in pages

    # The last place a step can take (…ZZZZ), with the child below it.
    Page.objects.filter(pk=grandchild.pk).update(path=f"{index.path}ZZZZ0001")
    Page.objects.filter(pk=last.pk).update(path=f"{index.path}ZZZZ")
    pages = listed(EventPage, index, "children_of")
    assert pages == listed(EventPage, index, "child_of")
    assert last.pk in pages and grandchild.pk not in pages


def generic_plan(queryset) -> str:
    """PostgreSQL's plan for the query as a prepared statement reused with other values (the
    generic plan), which is how the site's connections run a listing after a few requests."""
    text, params = queryset.query.sql_with_params()
    numbered = iter(range(1, len(params) + 1))
    statement = re.sub(r"%s", lambda _match: f"${next(numbered)}", text).replace("%%", "%")
    raw = connection.connection
    with connection.cursor() as cursor:
        cursor.execute("SET plan_cache_mode = force_generic_plan")
        cursor.execute("SET enable_seqscan = off")  # a test database is small enough to scan
        try:
            cursor.execute(f"PREPARE listing AS {statement}")
            values = sql.SQL(", ").join(sql.Literal(value) for value in params).as_string(raw)
            cursor.execute(f"EXPLAIN EXECUTE listing({values})")
            return "\n".join(row[0] for row in cursor.fetchall())
        finally:
            cursor.execute("DEALLOCATE listing")
            cursor.execute("RESET plan_cache_mode")
            cursor.execute("RESET enable_seqscan")


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="prepared statements and their generic plans are PostgreSQL's",
)
def test_the_reused_plan_of_a_listing_reaches_its_pages_through_the_path_index():
    """The path condition alone (a listing adds its language and more, which on a test
    database this small the planner may prefer to start from)."""
    index = EventIndexPage.objects.get(locale__language_code="it")
    plan = generic_plan(EventPage.objects.children_of(index))
    assert re.search(r"Index Cond: .*\(path\)::text >= \$", plan), plan
    # Wagtail's child_of, a LIKE on a parameter: the reused plan cannot turn it into a range.
    plan = generic_plan(EventPage.objects.child_of(index))
    assert not re.search(r"Index Cond: .*\(path\)", plan), plan
