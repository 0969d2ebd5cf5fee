"""A provider's report (through django-anymail's webhooks) that an address bounced for good,
complained, or was rejected stops all mail to it: newsletters, digests and confirmations."""

import logging

from django.utils import timezone

from subscriptions.models import Subscriber

from .models import Delivery

logger = logging.getLogger(__name__)
STOPPING_EVENTS = {"bounced", "complained", "rejected", "unsubscribed"}


def stop_mail_on_bounce(sender, event, esp_name, **kwargs) -> None:
    if event.event_type not in STOPPING_EVENTS or not event.recipient:
        return
    email = event.recipient.strip().lower()
    stopped = Subscriber.objects.filter(email__iexact=email, stopped_at__isnull=True).update(
        stopped_at=timezone.now(), stop_reason=f"{esp_name}: {event.event_type}"[:40]
    )
    if event.message_id:
        Delivery.objects.filter(message_id=event.message_id).update(
            status=Delivery.Status.BOUNCED, error=(event.description or event.event_type)[:250]
        )
    logger.info("Mail stopped after %s from %s (%d address)", event.event_type, esp_name, stopped)
