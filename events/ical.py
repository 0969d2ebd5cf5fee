"""iCalendar files (RFC 5545) for one event or a section's upcoming events."""

import datetime
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.utils.html import strip_tags
from icalendar import Calendar, Event

from core.i18n import EVENT_TIME_ZONE


def build_calendar(events, absolute_url, name: str) -> Calendar:
    """``absolute_url(path)`` makes the events' links absolute (a request's, or the site's for
    mail sent in the background)."""
    calendar = Calendar()
    calendar.add("prodid", "-//DigiVillae//Portal//IT")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", str(EVENT_TIME_ZONE))
    host = urlsplit(absolute_url("/")).hostname
    for event in events:
        entry = Event()
        entry.add("uid", f"event-{event.translation_key}-{event.locale_id}@{host}")
        entry.add("summary", event.title)
        entry.add("dtstart", event.local_start)
        entry.add("dtend", event.local_end)
        entry.add("dtstamp", datetime.datetime.now(tz=datetime.UTC))
        entry.add("description", strip_tags(event.summary))
        location = ", ".join(part for part in (event.venue_name, event.address) if part)
        if location or event.online_url:
            entry.add("location", location or event.online_url)
        entry.add("url", absolute_url(event.get_url()))
        if event.last_published_at:
            entry.add("last-modified", event.last_published_at)
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar


def calendar_response(events, request, filename: str, name: str) -> HttpResponse:
    calendar = build_calendar(events, request.build_absolute_uri, name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
