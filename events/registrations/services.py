"""The rules of event registration: a place or the waiting list, cancelling (which moves the
first waiting person up), reminders the day before, and forgetting registrations after the
event. Every change locks the event's rows first, so two people can never take the last
place at the same moment."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.page_cache import purge

from ..models import EventPage, Registration
from .mail import send_registration_mail

Status = Registration.Status


class RegistrationError(Exception):
    """``kind``: "closed", "already" (this address is registered) or "cancelled"."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


def lock_event(event_key) -> list[EventPage]:
    """Lock every language version of the event (in one order: no deadlock); once the change
    is saved, their cached pages (which show the places left) are purged."""
    events = list(
        EventPage.objects.select_for_update().filter(translation_key=event_key).order_by("pk")
    )
    transaction.on_commit(lambda: purge(pages=events))
    return events


def confirmed_count(event_key) -> int:
    return Registration.objects.filter(event_key=event_key, status=Status.CONFIRMED).count()


def mail_later(registration: Registration, kind: str) -> None:
    transaction.on_commit(lambda: send_registration_mail.enqueue(registration.pk, kind))


def register(event: EventPage, name: str, email: str, language: str) -> Registration:
    email = email.strip().lower()
    try:
        with transaction.atomic():
            lock_event(event.translation_key)
            event.refresh_from_db(fields=["capacity", "takes_registrations", "end"])
            if not event.registration_open:
                raise RegistrationError("closed")
            if (
                Registration.objects.filter(event_key=event.translation_key, email=email)
                .exclude(status=Status.CANCELLED)
                .exists()
            ):
                raise RegistrationError("already")
            full = confirmed_count(event.translation_key) >= (event.capacity or 0)
            registration = Registration.objects.create(
                event_key=event.translation_key,
                name=name.strip(),
                email=email,
                language=language,
                status=Status.WAITING if full else Status.CONFIRMED,
            )
            mail_later(registration, registration.status)
    except IntegrityError as error:  # the same address in a parallel request
        raise RegistrationError("already") from error
    return registration


def cancel(token, now=None) -> Registration:
    """Cancel by private link; a freed place goes to the first person waiting."""
    now = now or timezone.now()
    with transaction.atomic():
        registration = Registration.objects.filter(token=token).first()
        if registration is None:
            raise RegistrationError("unknown")
        lock_event(registration.event_key)
        registration.refresh_from_db()
        if registration.status == Status.CANCELLED:
            raise RegistrationError("cancelled")
        had_place = registration.status == Status.CONFIRMED
        registration.status = Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        mail_later(registration, "cancelled")
        if had_place:
            promote_first_waiting(registration.event_key, now)
    return registration


def promote_first_waiting(event_key, now) -> Registration | None:
    first = (
        Registration.objects.filter(event_key=event_key, status=Status.WAITING)
        .order_by("created_at", "pk")
        .first()
    )
    if first is not None:
        first.status = Status.CONFIRMED
        first.promoted_at = now
        first.save(update_fields=["status", "promoted_at"])
        mail_later(first, "promoted")
    return first


def send_reminders(now=None) -> int:
    """Remind, once, everyone with a place at an event starting in the next 24 hours."""
    now = now or timezone.now()
    keys = EventPage.objects.filter(
        start__gt=now, start__lte=now + datetime.timedelta(days=1)
    ).values_list("translation_key", flat=True)
    due = Registration.objects.filter(
        event_key__in=keys, status=Status.CONFIRMED, reminded_at__isnull=True
    )
    sent = 0
    for registration_id in list(due.values_list("pk", flat=True)):
        # Claim before sending: a reminder run twice at once reminds nobody twice.
        if Registration.objects.filter(pk=registration_id, reminded_at__isnull=True).update(
            reminded_at=now
        ):
            send_registration_mail.enqueue(registration_id, "reminder")
            sent += 1
    return sent


def forget_past(now=None) -> int:
    """Delete the registrations of events ended longer ago than the retention period."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=settings.EVENT_REGISTRATION_RETENTION_DAYS)
    ended = EventPage.objects.filter(end__lt=limit).values_list("translation_key", flat=True)
    still_on = EventPage.objects.filter(end__gte=limit).values_list("translation_key", flat=True)
    deleted, _by_model = (
        Registration.objects.filter(event_key__in=ended).exclude(event_key__in=still_on).delete()
    )
    return deleted
