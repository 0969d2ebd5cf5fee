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
