"""The rules of following: asking (nothing changes until the e-mailed link is used),
confirming, changing preferences, leaving, and forgetting unconfirmed addresses."""

import datetime
import uuid

from django.core import signing
from django.db import transaction
from django.utils import timezone

from .models import UNCONFIRMED_DAYS, Follow, Period, Subscriber, Topic
from .tasks import send_confirmation

SALT = "subscriptions.confirm"


class LinkError(Exception):
    """A confirmation link that cannot be used: ``kind`` is "invalid", "expired" or "used"."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


def ask_to_follow(
    email, language, topics, territories, consent_text, links, period=Period.WEEKLY
) -> Subscriber:
    """Record what the visitor asked for, and e-mail them the link that makes it true.

    ``links(subscriber, code)`` gives the absolute confirmation and leave URLs. The same
    answer whether the address is new or known: the page never tells who follows.
    """
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
            email=email.strip().lower(), defaults={"language": language}
        )
        subscriber.pending = {
            "nonce": uuid.uuid4().hex,
            "topics": sorted(topics),
            "territories": sorted(str(key) for key in territories),
            "language": language,
            "period": period,
            "consent_text": consent_text,
        }
        subscriber.save(update_fields=["pending"])
        confirm_url, leave_url = links(subscriber, confirmation_code(subscriber))
        transaction.on_commit(
            lambda: send_confirmation.enqueue(subscriber.pk, confirm_url, leave_url)
        )
    return subscriber


def confirmation_code(subscriber: Subscriber) -> str:
    return signing.dumps({"s": subscriber.pk, "n": subscriber.pending["nonce"]}, salt=SALT)


def confirm(code: str, now=None) -> Subscriber:
    """Apply the change a confirmation link stands for; a link works once, for 7 days."""
    try:
        data = signing.loads(code, salt=SALT, max_age=datetime.timedelta(days=UNCONFIRMED_DAYS))
    except signing.SignatureExpired as error:
        raise LinkError("expired") from error
    except signing.BadSignature as error:
        raise LinkError("invalid") from error
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(pk=data.get("s")).first()
        if subscriber is None:
            raise LinkError("expired")  # forgotten since: the link is older than it looks
        if subscriber.pending.get("nonce") != data.get("n"):
            raise LinkError("used")
        pending = subscriber.pending
        now = now or timezone.now()
        replace_follows(subscriber, pending["topics"], pending["territories"])
        subscriber.language = pending["language"]
        subscriber.digest_period = pending.get("period", Period.WEEKLY)
        subscriber.consent_at = now
        subscriber.consent_text = pending["consent_text"]
        subscriber.consent_language = pending["language"]
        subscriber.confirmed_at = subscriber.confirmed_at or now
        subscriber.pending = {}
        subscriber.save()
    return subscriber


def replace_follows(subscriber: Subscriber, topics, territories) -> None:
    subscriber.follows.all().delete()
    follows = [Follow(subscriber=subscriber, topic=topic) for topic in topics]
    follows += [
        Follow(subscriber=subscriber, topic=Topic.TERRITORY, territory_key=key)
        for key in territories
    ]
    Follow.objects.bulk_create(follows)


def change_preferences(subscriber: Subscriber, topics, territories, language, period) -> None:
    """From the private link: the address is already proven, the change applies at once."""
    with transaction.atomic():
        replace_follows(subscriber, topics, territories)
        subscriber.language = language
        subscriber.digest_period = period
        subscriber.save(update_fields=["language", "digest_period"])


def leave(subscriber: Subscriber) -> None:
    """Forget the address and everything it followed."""
    subscriber.delete()


def forget_unconfirmed(now=None) -> int:
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=UNCONFIRMED_DAYS)
    deleted, _by_model = Subscriber.objects.filter(
        confirmed_at__isnull=True, created_at__lt=limit
    ).delete()
    return deleted
