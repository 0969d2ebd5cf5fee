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


def places_of(events: list[EventPage]) -> int:
    """An event's number of places: the one last published, in whichever language (a
    translation not yet brought up to date with its source keeps the old number meanwhile)."""
    live = [event for event in events if event.live] or events
    latest = max(
        live,
        key=lambda event: (
            event.last_published_at is not None,
            event.last_published_at or 0,
            event.pk,
        ),
    )
    return latest.capacity or 0


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
    """A place if one is free once those already waiting have had theirs, or else the end of
    the waiting list: first come, first served."""
    email = email.strip().lower()
    try:
        with transaction.atomic():
            versions = lock_event(event.translation_key)
            event.refresh_from_db(fields=["capacity", "takes_registrations", "end"])
            if not event.registration_open:
                raise RegistrationError("closed")
            if (
                Registration.objects.filter(event_key=event.translation_key, email=email)
                .exclude(status=Status.CANCELLED)
                .exists()
            ):
                raise RegistrationError("already")
            places = places_of(versions)
            fill_free_places(event.translation_key, places)
            full = confirmed_count(event.translation_key) >= places
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
        versions = lock_event(registration.event_key)
        registration.refresh_from_db()
        if registration.status == Status.CANCELLED:
            raise RegistrationError("cancelled")
        registration.status = Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        mail_later(registration, "cancelled")
        fill_free_places(registration.event_key, places_of(versions), now)
    return registration


def fill_free_places(event_key, places: int, now=None) -> list[Registration]:
    """Move the first people waiting up into the places that are free, in the order they
    registered; each gets the e-mail with the event's .ics. Call with the event locked. With
    fewer places than people already confirmed (the organiser lowered the number), nobody
    loses a place and nobody moves up until enough have cancelled."""
    free = places - confirmed_count(event_key)
    if free <= 0:
        return []
    now = now or timezone.now()
    moved = list(
        Registration.objects.filter(event_key=event_key, status=Status.WAITING).order_by(
            "created_at", "pk"
        )[:free]
    )
    for registration in moved:
        registration.status = Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        mail_later(registration, "promoted")
    return moved


def places_changed(event: EventPage) -> list[Registration]:
    """After an event page is published (its number of places may have changed): the first
    people waiting take the places now free."""
    if not event.takes_registrations:
        return []
    with transaction.atomic():
        versions = lock_event(event.translation_key)
        return fill_free_places(event.translation_key, places_of(versions))


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


def on_event_published(sender, instance, **kwargs) -> None:
    """``page_published`` of ``EventPage``: whatever changed, the places are filled again."""
    places_changed(instance)
