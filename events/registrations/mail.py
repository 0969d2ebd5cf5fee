"""The e-mails of a registration, in the registrant's language and sent in the background: a
confirmed place (with the event as an .ics attachment), a place on the waiting list, a move
up from it, a cancellation, and the reminder the day before."""

from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django_tasks import task

from core.mail import absolute_url, deliver_or_queue_again

from ..ical import build_calendar
from ..models import EventPage, Registration

SUBJECTS = {
    "confirmed": lambda: _("Your place is confirmed: %(event)s"),
    "waiting": lambda: _("You are on the waiting list: %(event)s"),
    "promoted": lambda: _("A place is free for you: %(event)s"),
    "cancelled": lambda: _("Registration cancelled: %(event)s"),
    "reminder": lambda: _("Tomorrow: %(event)s"),
}


def body(kind: str, registration: Registration, event, cancel_url: str) -> str:
    when = formats.date_format(event.local_start, "DATETIME_FORMAT")
    where = ", ".join(p for p in (event.venue_name, event.address, event.online_url) if p)
    texts = {
        "confirmed": _("your place at “%(event)s” is confirmed."),
        "waiting": _(
            "“%(event)s” is full: you are number %(position)d on the waiting list. If a "
            "place becomes free, it is yours and we will write to you."
        ),
        "promoted": _("a place became free at “%(event)s”: it is yours, and confirmed."),
        "cancelled": _("your registration for “%(event)s” is cancelled."),
        "reminder": _("“%(event)s” is tomorrow, and your place is confirmed."),
    }
    position = (
        Registration.objects.filter(
            event_key=registration.event_key,
            status=Registration.Status.WAITING,
            created_at__lte=registration.created_at,
        ).count()
        if kind == "waiting"
        else 0
    )
    lines = [
        _("Hello %(name)s,") % {"name": registration.name},
        "",
        texts[kind] % {"event": event.title, "position": position},
        "",
        _("When: %(when)s (Italian time)") % {"when": when},
        _("Where: %(where)s") % {"where": where},
        _("Details: %(url)s") % {"url": absolute_url(event.get_url())},
    ]
    if kind != "cancelled":
        cancel = _("If you cannot come, cancel here to free your place: %(url)s")
        lines += ["", cancel % {"url": cancel_url}]
    return "\n".join(lines) + "\n"


def event_in(event_key, language):
    """The event in ``language``, or in any language it exists in."""
    events = EventPage.objects.live().filter(translation_key=event_key)
    return events.filter(locale__language_code=language).first() or events.first()


@task()
def send_registration_mail(registration_id: int, kind: str, attempt: int = 0):
    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is None:
        return False
    event = event_in(registration.event_key, registration.language)
    if event is None:
        return False
    with translation.override(registration.language):
        cancel_url = absolute_url(reverse("event_registration_cancel", args=[registration.token]))
        subject = SUBJECTS[kind]() % {"event": event.title}
        text = body(kind, registration, event, cancel_url)
        message = EmailMessage(subject, text, None, [registration.email])
        if kind in ("confirmed", "promoted", "reminder"):
            calendar = build_calendar([event], absolute_url, event.title)
            message.attach("event.ics", calendar.to_ical(), "text/calendar")
    return deliver_or_queue_again(
        message, task=send_registration_mail, attempt=attempt, args=(registration_id, kind)
    )
