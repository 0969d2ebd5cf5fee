"""Following without an account: double opt-in, consent recorded, a private link to change
preferences, one-click leaving (RFC 8058), unconfirmed addresses forgotten after 7 days, and
bad input (an invalid address, a forged, reused or expired link, a robot, too many requests, a
mail server down) answered in the visitor's language with nothing changed."""

import datetime
import re
import time

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from pilots.models import PilotTerritoryPage
from subscriptions.models import Follow, Subscriber
from tests.conftest import count_queries, page_in, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clear_rate_limits")]

FOLLOW_FR = "/fr/follow/"


@pytest.fixture
def no_demo_followers(db):
    """The demo's followers removed, so a test counts its own."""
    Subscriber.objects.all().delete()


def ask(client, captured, url=FOLLOW_FR, **data):
    mont_rose = page_in(PilotTerritoryPage, "fr", slug="mont-rose")
    fields = {
        "email": "Lea@Example.org",
        "topics": ["news"],
        "territories": [str(mont_rose.translation_key)],
        "consent": "on",
        "website": "",
    } | data
    with captured(execute=True):
        return client.post(url, fields)


def link_in(message, kind: str) -> str:
    return re.search(rf"https?://\S+/follow/{kind}/\S+/", message.body).group(0)


def test_following_in_french_needs_the_confirmation_link(
    no_demo_followers, client, django_capture_on_commit_callbacks
):
    form = BeautifulSoup(client.get(FOLLOW_FR).content, "html.parser")
    assert form.find("h1").get_text() == "Suivre DigiVillae"
    privacy = form.find("a", string="Lire la politique de confidentialité")
    assert privacy is not None and privacy["href"].startswith("/fr/")
    response = ask(client, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "Consultez votre boîte de réception" in text_of(response)
    subscriber = Subscriber.objects.get(email="lea@example.org")
    assert not subscriber.is_confirmed and not subscriber.follows.exists()  # nothing yet

    (message,) = mail.outbox
    assert message.subject == "Confirmez ce que vous suivez sur DigiVillae"
    assert "dans les 7 jours" in message.body
    leave_url = link_in(message, "leave")
    assert message.extra_headers["List-Unsubscribe"] == f"<{leave_url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    confirm_url = link_in(message, "confirm")
    assert "Confirmer" in text_of(client.get(confirm_url))  # opening the link changes nothing
    assert not Subscriber.objects.get(pk=subscriber.pk).is_confirmed
    confirmed = client.post(confirm_url)
    assert confirmed.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.is_confirmed and subscriber.language == "fr"
    assert subscriber.consent_language == "fr" and subscriber.consent_at is not None
    assert subscriber.consent_text.startswith("J’accepte que DigiVillae conserve cette adresse")
    follows = {(f.topic, f.territory_key) for f in subscriber.follows.all()}
    mont_rose = page_in(PilotTerritoryPage, "fr", slug="mont-rose")
    assert follows == {("news", None), ("territory", mont_rose.translation_key)}
    assert "Confirmé : merci." in text_of(client.get(confirmed.url))

    reused = client.post(confirm_url)  # a double click, or the link opened again
    assert reused.status_code == 400
    assert "Ce lien a déjà été utilisé" in text_of(reused)


def test_forged_and_expired_links_change_nothing(
    no_demo_followers, client, django_capture_on_commit_callbacks
):
    ask(client, django_capture_on_commit_callbacks)
    confirm_url = link_in(mail.outbox[0], "confirm")
    forged = client.post(confirm_url[:-3] + "xx/")
    assert forged.status_code == 400
    assert "Ce lien n’est pas valide" in text_of(forged)

    later = time.time() + 8 * 24 * 3600
    original = time.time
    try:
        time.time = lambda: later
        expired = client.post(confirm_url)
    finally:
        time.time = original
    assert expired.status_code == 400
    assert "Ce lien a expiré" in text_of(expired)
    assert not Follow.objects.exists()


def test_someone_typing_your_address_cannot_change_what_you_follow(
    no_demo_followers, client, django_capture_on_commit_callbacks
):
    ask(client, django_capture_on_commit_callbacks)
    client.post(link_in(mail.outbox[0], "confirm"))
    ask(client, django_capture_on_commit_callbacks, topics=["events"], territories=[])
    subscriber = Subscriber.objects.get()
    assert {f.topic for f in subscriber.follows.all()} == {"news", "territory"}  # unchanged
    assert "events" in subscriber.pending["topics"]  # waits for its own link


def test_preferences_change_from_the_private_link_and_leaving_takes_one_click(
    no_demo_followers, client, django_capture_on_commit_callbacks
):
    ask(client, django_capture_on_commit_callbacks)
    manage_url = client.post(link_in(mail.outbox[0], "confirm")).url.split("?")[0]
    empty = client.post(manage_url, {"language": "it"})
    assert empty.status_code == 400
    assert "Choisissez au moins une chose à suivre." in text_of(empty)
    saved = client.post(manage_url, {"topics": ["events", "surveys"], "language": "it"})
    assert "Vos choix sont enregistrés." in text_of(saved)
    subscriber = Subscriber.objects.get()
    assert {f.topic for f in subscriber.follows.all()} == {"events", "surveys"}
    assert subscriber.language == "it"

    mail_program = Client(enforce_csrf_checks=True)  # no token: RFC 8058's one-click POST
    leave_url = link_in(mail.outbox[0], "leave")
    left = mail_program.post(
        leave_url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert left.status_code == 200
    assert not Subscriber.objects.exists() and not Follow.objects.exists()
    assert "rien à faire" in text_of(client.get(leave_url))
    assert client.get(manage_url).status_code == 404


def test_bad_input_gets_a_message_in_french_and_saves_nothing(
    no_demo_followers, client, settings, django_capture_on_commit_callbacks
):
    invalid = ask(client, django_capture_on_commit_callbacks, email="pas une adresse")
    assert invalid.status_code == 400
    assert "Saisissez une adresse de courriel valide." in text_of(invalid)
    nothing = ask(client, django_capture_on_commit_callbacks, topics=[], territories=[])
    assert "Choisissez au moins une chose à suivre." in text_of(nothing)
    no_consent = ask(client, django_capture_on_commit_callbacks, consent="")
    assert no_consent.status_code == 400
    assert "Cochez la case pour donner votre consentement" in text_of(no_consent)
    robot = ask(client, django_capture_on_commit_callbacks, website="https://spam.example")
    assert robot.status_code == 400
    assert "semble automatique" in text_of(robot)
    assert not Subscriber.objects.exists() and not mail.outbox

    settings.FOLLOW_REQUESTS_PER_HOUR = 2  # the refused requests above were not counted
    for _attempt in range(2):
        assert ask(client, django_capture_on_commit_callbacks).status_code == 200
    too_many = ask(client, django_capture_on_commit_callbacks)
    assert too_many.status_code == 429
    assert "Trop de demandes" in text_of(too_many)


def test_a_mail_server_that_is_down_does_not_lose_the_request(
    no_demo_followers, client, monkeypatch, django_capture_on_commit_callbacks
):
    def refused(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("core.mail.EmailMessage.send", refused)
    response = ask(client, django_capture_on_commit_callbacks)
    assert response.status_code == 200  # the request is kept; the mail is retried in production
    assert Subscriber.objects.get().pending["topics"] == ["news"]


def test_unconfirmed_addresses_are_forgotten_after_seven_days(no_demo_followers):
    old = Subscriber.objects.create(email="old@example.org", language="it")
    recent = Subscriber.objects.create(email="recent@example.org", language="it")
    kept = Subscriber.objects.create(
        email="kept@example.org", language="fr", confirmed_at=timezone.now()
    )
    eight_days_ago = timezone.now() - datetime.timedelta(days=8)
    Subscriber.objects.filter(pk__in=[old.pk, kept.pk]).update(created_at=eight_days_ago)
    call_command("forget_unconfirmed_subscribers")
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        recent.email,
        kept.email,
    }


def test_the_follow_page_runs_a_bounded_number_of_queries(client):
    queries, response = count_queries(client, FOLLOW_FR)
    assert queries <= 20
    assert "Territoires pilotes" in text_of(response)


def test_subscribers_are_in_the_respondents_data_export_and_erasure(
    no_demo_followers, client, django_capture_on_commit_callbacks
):
    from tests.participation.surveys.test_survey_admin import staff

    ask(client, django_capture_on_commit_callbacks)
    client.post(link_in(mail.outbox[0], "confirm"))
    client.force_login(staff("Editors"))
    found = client.get("/admin/surveys/respondent/", {"email": "lea@example.org"})
    assert "Iscrizioni" in text_of(found) and "Le notizie del progetto" in text_of(found)
    export = client.get("/admin/surveys/respondent/", {"email": "lea@example.org", "export": "csv"})
    assert "J’accepte que DigiVillae" in export.content.decode("utf-8-sig")
    client.post("/admin/surveys/respondent/", {"email": "lea@example.org", "action": "erase"})
    assert not Subscriber.objects.exists()


def test_the_demo_has_followers_in_both_languages():
    confirmed = Subscriber.objects.filter(confirmed_at__isnull=False)
    assert set(confirmed.values_list("language", flat=True)) == {"it", "fr"}
    assert all(s.consent_text and s.follows.exists() for s in confirmed)
    french = confirmed.filter(language="fr").first()
    assert french.consent_text.startswith("J’accepte")
    assert Subscriber.objects.filter(confirmed_at__isnull=True).count() == 1
    assert all(s.email.endswith("@example.org") for s in Subscriber.objects.all())


def test_follow_pages_make_a_bounded_number_of_queries(no_demo_followers, client):
    """The form, and the private page with one or with every topic and territory followed."""
    form_queries, _response = count_queries(client, FOLLOW_FR)
    assert form_queries <= 12
    subscriber = Subscriber.objects.create(
        email="lea@example.org", language="fr", confirmed_at=timezone.now()
    )
    Follow.objects.create(subscriber=subscriber, topic="news")
    few, _response = count_queries(client, f"/fr/follow/manage/{subscriber.token}/")
    keys = PilotTerritoryPage.objects.filter(locale__language_code="fr").values_list(
        "translation_key", flat=True
    )
    Follow.objects.bulk_create(
        [Follow(subscriber=subscriber, topic=t) for t in ("events", "calls", "surveys")]
        + [Follow(subscriber=subscriber, topic="territory", territory_key=k) for k in keys]
    )
    many, _response = count_queries(client, f"/fr/follow/manage/{subscriber.token}/")
    assert many == few <= 12
    leave, _response = count_queries(client, f"/fr/follow/leave/{subscriber.token}/")
    assert leave <= 12
