"""Demo outreach: a newsletter in Italian and French already sent to the followers of the news,
one follower's daily digest scheduled for later today, and the Fossano hub workshop full, with
two people on its waiting list (invented names and example.org addresses, never a person's)."""

import datetime

from django.utils import timezone
from wagtail.models import Locale
from wagtail.rich_text import RichText

from events.models import EventPage, Registration
from news.models import NewsPage
from outreach.models import Delivery, Newsletter, Sending
from outreach.sending import recipients
from subscriptions.models import Period, Subscriber

NEWSLETTER = {
    "it": {
        "subject": "DigiVillae: i primi passi nei territori pilota",
        "preheader": "Il kick-off di Torino e un laboratorio a Fossano",
        "heading": "Dai bisogni alle soluzioni",
        "paragraph": (
            "<p>DigiVillae, progetto Interreg VI-A Italia–Francia ALCOTRA, accompagna fino a "
            "marzo 2028 i piccoli comuni alpini nel trasformare i bisogni dei residenti in "
            "soluzioni sperimentate. Ecco le novità del mese.</p>"
        ),
    },
    "fr": {
        "subject": "DigiVillae : les premiers pas dans les territoires pilotes",
        "preheader": "Le lancement à Turin et un atelier à Fossano",
        "heading": "Des besoins aux solutions",
        "paragraph": (
            "<p>DigiVillae, projet Interreg VI-A France–Italie ALCOTRA, aide jusqu'en mars 2028 "
            "les petites communes alpines à transformer les besoins des habitants en solutions "
            "testées. Voici les nouvelles du mois.</p>"
        ),
    },
}

WORKSHOP_PEOPLE = [
    # name, language; the first 12 get a place, the others wait
    *[(f"Partecipante {number}", "it") for number in range(1, 8)],
    *[(f"Participant·e {number}", "fr") for number in range(1, 6)],
    ("Giulia in attesa", "it"),
    ("Camille en attente", "fr"),
]


def ensure_outreach() -> None:
    ensure_newsletter()
    schedule_digest()
    ensure_workshop_registrations()


def body(language: str) -> list:
    texts = NEWSLETTER[language]
    workshop = EventPage.objects.get(
        locale__language_code=language,
        slug__in=["laboratorio-bisogni-fossano", "atelier-besoins-fossano"],
    )
    kickoff = NewsPage.objects.get(
        locale__language_code=language, slug__in=["kick-off-torino", "lancement-turin"]
    )
    return [
        ("heading", texts["heading"]),
        ("paragraph", RichText(texts["paragraph"])),
        ("links", [{"page": kickoff, "text": ""}, {"page": workshop, "text": ""}]),
    ]


def ensure_newsletter() -> None:
    if Newsletter.objects.exists():
        return
    italian = Newsletter.objects.create(
        locale=Locale.objects.get(language_code="it"),
        subject=NEWSLETTER["it"]["subject"],
        preheader=NEWSLETTER["it"]["preheader"],
        body=body("it"),
    )
    french = italian.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.subject = NEWSLETTER["fr"]["subject"]
    french.preheader = NEWSLETTER["fr"]["preheader"]
    french.body = body("fr")
    french.save()
    sent_at = timezone.now() - datetime.timedelta(days=3)
    for version in (italian, french):
        sending = Sending.objects.create(newsletter=version, finished_at=sent_at)
        Delivery.objects.bulk_create(
            Delivery(sending=sending, subscriber=subscriber, status=Delivery.Status.SENT)
            for subscriber in recipients(version.locale.language_code)
        )


def schedule_digest() -> None:
    """The Fossano reader gets a daily digest; the next one is due in four hours."""
    Subscriber.objects.filter(
        email="lettrice.fossano@example.org", last_digest_at__isnull=True
    ).update(
        digest_period=Period.DAILY,
        last_digest_at=timezone.now() - datetime.timedelta(hours=20),
    )


def ensure_workshop_registrations() -> None:
    workshop = EventPage.objects.filter(slug="laboratorio-bisogni-fossano").first()
    if workshop is None or Registration.objects.filter(event_key=workshop.translation_key).exists():
        return
    start = timezone.now() - datetime.timedelta(days=10)
    Registration.objects.bulk_create(
        Registration(
            event_key=workshop.translation_key,
            name=name,
            email=f"iscrizione{number}@example.org",
            language=language,
            status=Registration.Status.CONFIRMED
            if number <= workshop.capacity
            else Registration.Status.WAITING,
        )
        for number, (name, language) in enumerate(WORKSHOP_PEOPLE, start=1)
    )
    # Registered one after the other, in this order (the waiting list is first come, first served).
    for offset, registration in enumerate(
        Registration.objects.filter(event_key=workshop.translation_key).order_by("pk")
    ):
        Registration.objects.filter(pk=registration.pk).update(
            created_at=start + datetime.timedelta(hours=offset)
        )
