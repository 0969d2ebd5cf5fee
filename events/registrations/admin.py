"""For the organiser: the list of people registered for an event (places, then the waiting
list in order), as a spreadsheet file from the event page's "More" menu in the admin."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from core.exports import local_iso, to_csv

from ..models import EventPage, Registration


def attendees_csv(request, page_id):
    event = get_object_or_404(EventPage, pk=page_id)
    if not event.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    registrations = Registration.objects.filter(event_key=event.translation_key).exclude(
        status=Registration.Status.CANCELLED
    )
    ordered = sorted(registrations, key=lambda r: (r.status != "confirmed", r.created_at, r.pk))
    rows = [
        [
            registration.get_status_display(),
            registration.name,
            registration.email,
            registration.language,
            local_iso(registration.created_at),
        ]
        for registration in ordered
    ]
    headings = [_("Status"), _("Name"), _("E-mail address"), _("Language"), _("Registered at")]
    response = HttpResponse(to_csv(headings, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="attendees-{event.pk}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


@hooks.register("register_admin_urls")
def attendee_urls():
    return [path("events/<int:page_id>/attendees.csv", attendees_csv, name="event_attendees")]


@hooks.register("register_page_header_buttons")
def attendees_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, EventPage) and page.specific_deferred.takes_registrations:
        yield Button(
            gettext_lazy("Attendees (CSV)"),
            reverse("event_attendees", args=[page.pk]),
            icon_name="download",
            priority=80,
        )
