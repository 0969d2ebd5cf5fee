"""Sending a newsletter: to whom, in batches, at a set rate, resuming after a crash without
mailing anyone twice.

- ``start`` creates, for the newsletter and each of its translations, one Sending and one
  Delivery per confirmed follower of the project's news in that language (a language without
  a translation gets nothing). It can be called twice: the unique constraints make the second
  call add nobody.
- ``send_batch`` takes the Sending's lease (only one sender at a time), then for each waiting
  delivery marks it "being sent", sends it, and marks it sent: each step is committed. After a
  crash at most the one message being sent stays "being sent"; the next sender marks it
  "interrupted" and never sends it again (it may have left), and goes on with the others.
- A mail server that is down puts the message back in the queue and ends the batch; an
  address the server refuses is marked failed and the batch goes on.
"""

import datetime
import smtplib
import time

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from subscriptions.links import leave_url, manage_url
from subscriptions.models import Subscriber, Topic
from subscriptions.tasks import list_unsubscribe_headers

from .email import build_message, render_newsletter
from .models import Delivery, Newsletter, Sending

Status = Delivery.Status
LEAVE_MARK = "https://leave.invalid/"
MANAGE_MARK = "https://manage.invalid/"


def recipients(language: str):
    return Subscriber.objects.filter(
        confirmed_at__isnull=False,
        stopped_at__isnull=True,
        language=language,
        follows__topic=Topic.NEWS,
    ).distinct()


def start(newsletter: Newsletter, user=None) -> dict:
    """Queue every language version; returns {"queued": {language: n}, "missing": [language]}."""
    versions = {
        version.locale.language_code: version
        for version in newsletter.get_translations(inclusive=True).select_related("locale")
    }
    report = {"queued": {}, "missing": []}
    for language, _name in settings.LANGUAGES:
        version = versions.get(language)
        if version is None:
            if recipients(language).exists():
                report["missing"].append(language)
            continue
        with transaction.atomic():
            sending, _created = Sending.objects.get_or_create(
                newsletter=version, defaults={"requested_by": user}
            )
            ids = recipients(language).values_list("pk", flat=True)
            Delivery.objects.bulk_create(
                [Delivery(sending=sending, subscriber_id=pk) for pk in ids.iterator()],
                batch_size=1000,
                ignore_conflicts=True,
            )
        report["queued"][language] = sending.deliveries.count()
    return report


def take_lease(sending_id: int, now=None) -> bool:
    now = now or timezone.now()
    lease = now + datetime.timedelta(seconds=settings.NEWSLETTER_LEASE_SECONDS)
    taken = (
        Sending.objects.filter(pk=sending_id, finished_at__isnull=True)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .update(lease_until=lease)
    )
    return bool(taken)


def send_batch(sending_id: int) -> str:
    """Send up to NEWSLETTER_BATCH_SIZE waiting messages.

    Returns "busy" (another sender holds it), "more" (messages wait), "done", or "server-down".
    """
    if not take_lease(sending_id):
        finished = Sending.objects.filter(pk=sending_id, finished_at__isnull=False).exists()
        return "done" if finished else "busy"
    sending = Sending.objects.select_related("newsletter__locale").get(pk=sending_id)
    # What a crashed sender left "being sent" may have left: never again.
    Delivery.objects.filter(sending=sending, status=Status.SENDING).update(
        status=Status.UNCERTAIN, changed_at=timezone.now()
    )
    batch = list(
        Delivery.objects.filter(sending=sending, status=Status.QUEUED)
        .select_related("subscriber")
        .order_by("pk")[: settings.NEWSLETTER_BATCH_SIZE]
    )
    outcome = "more"
    # Rendered once per batch; each message gets its reader's private links in place of these.
    template = render_newsletter(sending.newsletter, LEAVE_MARK, MANAGE_MARK)
    try:
        with get_connection() as connection:
            for delivery in batch:
                if not send_one(sending.newsletter, template, delivery, connection):
                    outcome = "server-down"
                    break
    except OSError:  # the connection could not even be opened: nothing was sent
        outcome = "server-down"
    pace = datetime.timedelta(minutes=len(batch) / settings.NEWSLETTER_MESSAGES_PER_MINUTE)
    waiting = Delivery.objects.filter(sending=sending, status=Status.QUEUED).exists()
    now = timezone.now()
    if not waiting and outcome == "more":
        outcome = "done"
    Sending.objects.filter(pk=sending.pk).update(
        lease_until=None,
        next_batch_at=now + pace,
        finished_at=None if waiting else now,
    )
    return outcome


def personalised(text: str, leave: str, manage: str) -> str:
    return text.replace(LEAVE_MARK, leave).replace(MANAGE_MARK, manage)


def send_one(newsletter: Newsletter, template, delivery: Delivery, connection) -> bool:
    """Send one message; False when the mail server cannot be reached (message queued again).
    ``template`` is the newsletter's (html, text) with placeholders for the private links."""
    subscriber = delivery.subscriber
    if subscriber is None or not subscriber.receives_mail:
        mark(delivery, Status.FAILED, error="address erased or stopped")
        return True
    mark(delivery, Status.SENDING)
    leave, manage = leave_url(subscriber), manage_url(subscriber)
    html, text = (personalised(part, leave, manage) for part in template)
    message = build_message(
        newsletter.subject,
        html,
        text,
        subscriber.email,
        headers=list_unsubscribe_headers(leave),
        connection=connection,
    )
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        mark(delivery, Status.FAILED, error=str(error)[:250])
        return True
    except OSError as error:  # server down, refused connection, time-out: nothing left
        mark(delivery, Status.QUEUED, error=str(error)[:250])
        return False
    status = getattr(message, "anymail_status", None)
    message_id = (status and status.message_id) or message.extra_headers["Message-ID"]
    mark(delivery, Status.SENT, message_id=str(message_id)[:250])
    return True


def mark(delivery: Delivery, status: str, **fields) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(
        status=status, changed_at=timezone.now(), **fields
    )


def counts(newsletter_ids) -> dict[int, dict[str, int]]:
    """Per newsletter row: how many deliveries have each status (one query)."""
    rows = (
        Delivery.objects.filter(sending__newsletter_id__in=newsletter_ids)
        .values("sending__newsletter_id", "status")
        .annotate(n=Count("pk"))
    )
    result: dict[int, dict[str, int]] = {}
    for row in rows:
        result.setdefault(row["sending__newsletter_id"], {})[row["status"]] = row["n"]
    return result


def unfinished():
    return Sending.objects.filter(finished_at__isnull=True)


def send_until_done(sending_id: int, sleep=time.sleep) -> str:
    """Batch after batch at the set rate, until done, held by another sender, or the mail
    server is down (the cron's ``send_newsletters`` takes it up again)."""
    while True:
        outcome = send_batch(sending_id)
        if outcome != "more":
            return outcome
        wait = Sending.objects.get(pk=sending_id).next_batch_at - timezone.now()
        if wait.total_seconds() > 0:
            sleep(wait.total_seconds())
