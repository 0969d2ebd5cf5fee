"""Demo followers: confirmed subscribers in Italian and French (invented addresses on
example.org, never a person's), one waiting for confirmation, following the news, events,
calls, surveys and pilot territories, with the consent each gave in their language."""

import datetime

from django.utils import timezone, translation

from pilots.models import PilotTerritoryPage
from subscriptions.forms import CONSENT
from subscriptions.models import Subscriber
from subscriptions.services import replace_follows

SUBSCRIBERS = [
    # address, language, topics, territories (Italian slugs), confirmed
    ("lettrice.fossano@example.org", "it", ["news", "events"], ["fossanese"], True),
    ("abitante.liguria@example.org", "it", ["surveys", "calls"], ["liguria"], True),
    ("habitante.montrose@example.org", "fr", ["news", "surveys"], ["mont-rose"], True),
    ("entreprise.alpes@example.org", "fr", ["calls"], ["alpi-region-sud"], True),
    ("in.attesa@example.org", "it", ["news"], [], False),
]


def ensure_subscribers() -> None:
    if Subscriber.objects.exists():
        return
    keys = dict(
        PilotTerritoryPage.objects.filter(locale__language_code="it").values_list(
            "slug", "translation_key"
        )
    )
    now = timezone.now()
    for number, (email, language, topics, territories, confirmed) in enumerate(SUBSCRIBERS):
        with translation.override(language):
            consent = str(CONSENT)
        when = now - datetime.timedelta(days=20 - number)
        subscriber = Subscriber.objects.create(email=email, language=language)
        if confirmed:
            Subscriber.objects.filter(pk=subscriber.pk).update(
                confirmed_at=when,
                consent_at=when,
                consent_text=consent,
                consent_language=language,
            )
            replace_follows(
                subscriber, topics, [keys[slug] for slug in territories if slug in keys]
            )
        else:
            Subscriber.objects.filter(pk=subscriber.pk).update(
                pending={
                    "nonce": "demo",
                    "topics": topics,
                    "territories": [],
                    "language": language,
                    "consent_text": consent,
                }
            )
