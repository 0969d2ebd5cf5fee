import datetime
import json
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation
from icalendar import Calendar

from events.models import EventIndexPage, EventPage
from tests.conftest import page_in
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db
ROME = zoneinfo.ZoneInfo("Europe/Rome")


def test_event_ics_parses_with_rome_time(client):
    response = client.get("/it/eventi/kick-off-meeting/ics/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    start = events[0].decoded("dtstart")
    assert start == datetime.datetime(2025, 10, 16, 9, 30, tzinfo=ROME)
    assert str(start.tzinfo) == "Europe/Rome"
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Rome"
    assert str(events[0]["summary"]) == "Kick-off meeting di DigiVillae"


def test_calendar_feed_lists_only_upcoming_events_in_its_language(client):
    response = client.get("/fr/evenements/calendar/")
    calendar = Calendar.from_ical(response.content)
    titles = [str(event["summary"]) for event in calendar.walk("VEVENT")]
    assert titles == ["Comité de pilotage", "Atelier des besoins au pôle local de Fossano"]


def test_index_separates_upcoming_and_past(client):
    soup = BeautifulSoup(client.get("/en/events/").content, "html.parser")
    upcoming = [a.get_text() for a in soup.select("section:nth-of-type(1) .event-list h3 a")]
    past = [a.get_text() for a in soup.select(".event-list.past h3 a")]
    assert upcoming == ["Steering committee", "Needs workshop at the Fossano local hub"]
    assert past == ["Online project meeting", "DigiVillae kick-off meeting"]


def items_and_pager(soup, heading_id):
    section = soup.find(id=heading_id).parent
    titles = [a.get_text() for a in section.select(".event-list h3 a")]
    pager = section.select_one("nav.pagination")
    return titles, pager


def test_upcoming_and_past_events_come_a_page_at_a_time_each_keeping_the_other(client):
    index = page_in(EventIndexPage, "it")
    for number in range(25):  # after the demo's two upcoming events
        EventPageFactory(parent=index, title=f"In arrivo {number:02}")
    for number in range(12):  # before the demo's two past events
        start = datetime.datetime(2020, 1, 1 + number, 10, tzinfo=datetime.UTC)
        EventPageFactory(parent=index, title=f"Passato {number:02}", start=start)

    soup = BeautifulSoup(client.get("/it/eventi/").content, "html.parser")
    upcoming, upcoming_pager = items_and_pager(soup, "upcoming-heading")
    past, past_pager = items_and_pager(soup, "past-heading")
    assert len(upcoming) == 12 and upcoming[-1] == "In arrivo 09"
    assert len(past) == 10
    assert upcoming_pager["aria-label"] == "Pagine dei prossimi eventi"
    assert past_pager["aria-label"] == "Pagine degli eventi passati"
    # Both lists are counted in one query; each pager has its own count.
    assert "Pagina 1 di 3" in upcoming_pager.get_text()
    assert "Pagina 1 di 2" in past_pager.get_text()
    assert upcoming_pager.select_one("a[rel=next]")["href"] == "?upcoming=2#upcoming-heading"
    assert past_pager.select_one("a[rel=next]")["href"] == "?page=2#past-heading"

    soup = BeautifulSoup(client.get("/it/eventi/?upcoming=2&page=2").content, "html.parser")
    upcoming, upcoming_pager = items_and_pager(soup, "upcoming-heading")
    past, past_pager = items_and_pager(soup, "past-heading")
    assert upcoming[0] == "In arrivo 10" and len(upcoming) == 12
    assert past == ["Passato 03", "Passato 02", "Passato 01", "Passato 00"]  # newest first
    assert upcoming_pager.select_one("a[rel=next]")["href"] == "?page=2&upcoming=3#upcoming-heading"
    assert past_pager.select_one("a[rel=prev]")["href"] == "?upcoming=2&page=1#past-heading"

    # A bad or too-large number shows the nearest page, never an error.
    for query, shown in (("?upcoming=%ff", 12), ("?upcoming=99", 3), ("?upcoming=-1", 3)):
        response = client.get("/it/eventi/" + query)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert len(items_and_pager(soup, "upcoming-heading")[0]) == shown, query


def test_event_page_has_schema_org_json_ld(client):
    soup = BeautifulSoup(client.get("/fr/evenements/comite-de-pilotage/").content, "html.parser")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "Event"
    assert data["name"] == "Comité de pilotage"
    assert data["startDate"] == "2027-01-28T10:00:00+01:00"
    assert data["location"]["@type"] == "Place"
    assert data["inLanguage"] == "fr"
    assert data["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")


def test_event_rules_are_explained_to_editors():
    index = page_in(EventIndexPage, "it")
    start = datetime.datetime(2027, 5, 1, 10, tzinfo=ROME)
    event = EventPage(
        title="X",
        slug="x",
        summary="s",
        start=start,
        end=start - datetime.timedelta(hours=1),
        venue_name="Aosta",
    )
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=event)
    # Wagtail validates a page in its own language: this one is Italian.
    assert "La fine deve seguire l'inizio." in str(error.value)
    no_place = EventPage(
        title="Y", slug="y", summary="s", start=start, end=start + datetime.timedelta(hours=1)
    )
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=no_place)
    with translation.override("en"):
        assert error.value.message_dict["venue_name"] == [
            "Give a venue, an address or an online meeting link."
        ]
