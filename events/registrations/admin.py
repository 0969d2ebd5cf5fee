"""For the organiser: the list of people registered for an event (places, then the waiting
list in order), as a spreadsheet file from the event page's "More" menu in the admin, for those
with the permission to download attendee lists."""

from django.contrib.auth.models import Permission
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

ATTENDEE_LIST_PERMISSION = "events.download_attendee_list"


def may_download_attendees(user, event) -> bool:
    """Personal data go to those who organise: the permission of its own (communication
    officers, administrators), on an event they may edit."""
    return user.has_perm(ATTENDEE_LIST_PERMISSION) and (event.permissions_for_user(user).can_edit())


def attendees_csv(request, page_id):
    event = get_object_or_404(EventPage, pk=page_id)
    if not may_download_attendees(request.user, event):
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
    event = page.specific_deferred
    if (
        isinstance(event, EventPage)
        and event.takes_registrations
        and may_download_attendees(user, event)
    ):
        yield Button(
            gettext_lazy("Attendees (CSV)"),
            reverse("event_attendees", args=[page.pk]),
            icon_name="download",
            priority=80,
        )


@hooks.register("register_permissions")
def attendee_list_permission():
    """Offered in the admin's group editor, so administrators can give it to another group."""
    app_label, codename = ATTENDEE_LIST_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)
