"""Newsletters from the admin: preview as an e-mail and as plain text, a test to oneself, then
each language version to the confirmed followers of the news in that language (a language
without a translation gets nothing), with one-click unsubscribe; counts of sent, failed and
bounced; a double click or a mail server that is down never sends anyone a newsletter twice;
a provider's bounce report stops mail to that address."""

import base64
import json
from unittest import mock

import pytest
from django.core import mail
from django.test import override_settings
from wagtail.models import Locale

from outreach.models import Delivery, Newsletter, Sending
from outreach.sending import send_until_done, start
from subscriptions.models import Subscriber
from subscriptions.services import replace_follows
from tests.conftest import text_of, user_in

pytestmark = pytest.mark.django_db

SUBJECTS = {"it": "Notizie dai borghi", "fr": "Nouvelles des villages"}


def follower(email, language, topics=("news",), **fields):
    subscriber = Subscriber.objects.create(
        email=email, language=language, confirmed_at="2026-11-01T10:00Z", **fields
    )
    replace_follows(subscriber, list(topics), [])
    return subscriber


@pytest.fixture
def audience(db):
    """Two Italian and one French follower of the news; an English one (no English version),
    an unconfirmed one, a stopped one, one following only calls."""
    Subscriber.objects.all().delete()
    follower("uno@example.org", "it")
    follower("due@example.org", "it")
    follower("un@example.org", "fr")
    follower("one@example.org", "en")
    Subscriber.objects.create(email="attesa@example.org", language="it")
    follower("fermo@example.org", "it", stopped_at="2026-11-02T10:00Z")
    follower("bandi@example.org", "it", topics=("calls",))


@pytest.fixture
def newsletter(db):
    italian = Newsletter.objects.create(
        locale=Locale.objects.get(language_code="it"),
        subject=SUBJECTS["it"],
        preheader="Un laboratorio a Fossano",
        body=[
            ("heading", "Dai bisogni alle soluzioni"),
            ("paragraph", "<p>Testo <b>ricco</b>.</p>"),
        ],
    )
    french = italian.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.subject = SUBJECTS["fr"]
    french.body = [("heading", "Des besoins aux solutions"), ("paragraph", "<p>Texte.</p>")]
    french.save()
    return italian


def basic_auth(secret: str) -> str:
    return "Basic " + base64.b64encode(secret.encode()).decode()


def test_preview_test_and_send_from_the_admin(
    audience, newsletter, client, django_capture_on_commit_callbacks
):
    officer = user_in("Communication officers", email="ufficio@example.org")
    client.force_login(officer)
    listing = client.get("/admin/snippets/outreach/newsletter/")
    assert listing.status_code == 200
    assert "Notizie dai borghi" in text_of(listing)

    # The e-mail and plain-text previews, as Wagtail's preview panel shows them.
    html = newsletter.get_preview_context(None, "")["html"]
    assert '<html lang="it">' in html and "<h2>Dai bisogni alle soluzioni</h2>" in html
    text = newsletter.get_preview_context(None, "text")["text"]
    assert "## Dai bisogni alle soluzioni" in text and "Testo ricco." in text

    send_url = f"/admin/snippets/outreach/newsletter/send/{newsletter.pk}/"
    page = client.get(send_url)
    assert page.status_code == 200
    page_text = text_of(page)
    assert "en (1)" in page_text  # English followers, no English version: not sent

    client.post(send_url, {"action": "test"})
    [test] = mail.outbox
    assert test.to == ["ufficio@example.org"] and test.subject == "[Test] Notizie dai borghi"
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(send_url, {"action": "send"})
        client.post(send_url, {"action": "send"})  # a double click
    received = sorted((message.to[0], message.subject) for message in mail.outbox)
    assert received == [
        ("due@example.org", SUBJECTS["it"]),
        ("un@example.org", SUBJECTS["fr"]),
        ("uno@example.org", SUBJECTS["it"]),
    ]
    french = next(m for m in mail.outbox if m.to == ["un@example.org"])
    assert french.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/fr/follow/leave/" in french.extra_headers["List-Unsubscribe"]
    [(alternative, kind)] = french.alternatives
    assert kind == "text/html" and '<html lang="fr">' in alternative
    assert "Des besoins aux solutions" in french.body  # the plain-text part

    listing = text_of(client.get("/admin/snippets/outreach/newsletter/"))
    assert "2 inviate, 0 non riuscite, 0 respinte" in listing
    assert "1 inviate, 0 non riuscite, 0 respinte" in listing


def test_people_without_the_right_cannot_send(newsletter, client):
    client.force_login(user_in("Translators"))
    response = client.post(
        f"/admin/snippets/outreach/newsletter/send/{newsletter.pk}/", {"action": "send"}
    )
    assert response.status_code in (302, 403)
    assert not Sending.objects.filter(newsletter=newsletter).exists() and not mail.outbox


def test_a_mail_server_that_is_down_delays_and_nobody_gets_it_twice(audience, newsletter):
    start(newsletter)
    sending = Sending.objects.get(newsletter=newsletter)
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=ConnectionRefusedError("down"),
    ):
        assert send_until_done(sending.pk) == "server-down"
    assert not mail.outbox
    assert set(sending.deliveries.values_list("status", flat=True)) == {"queued"}
    assert send_until_done(sending.pk) == "done"
    assert sorted(m.to[0] for m in mail.outbox) == ["due@example.org", "uno@example.org"]
    assert send_until_done(sending.pk) == "done" and len(mail.outbox) == 2  # nothing more


def test_an_interrupted_message_is_never_sent_again(audience, newsletter):
    """A sender that died while sending left one delivery "being sent": it may have left, so
    the next sender marks it interrupted and sends the others."""
    start(newsletter)
    sending = Sending.objects.get(newsletter=newsletter)
    first = sending.deliveries.order_by("pk").first()
    Delivery.objects.filter(pk=first.pk).update(status=Delivery.Status.SENDING)
    assert send_until_done(sending.pk) == "done"
    assert len(mail.outbox) == 1
    first.refresh_from_db()
    assert first.status == Delivery.Status.UNCERTAIN


@override_settings(ANYMAIL={"WEBHOOK_SECRET": "hook:s3cret"})
def test_a_bounce_reported_by_the_provider_stops_mail_to_that_address(audience, newsletter, client):
    start(newsletter)
    send_until_done(Sending.objects.get(newsletter=newsletter).pk)
    delivery = Delivery.objects.get(subscriber__email="uno@example.org")
    payload = {
        "event": "hard_bounce",
        "email": "uno@example.org",
        "message-id": delivery.message_id,
        "date": "2026-11-30 10:00:00",
        "reason": "mailbox does not exist",
    }
    refused = client.post(
        "/anymail/brevo/tracking/", json.dumps(payload), content_type="application/json"
    )
    assert refused.status_code in (400, 401, 403)  # no secret: ignored
    assert Subscriber.objects.get(email="uno@example.org").stopped_at is None
    response = client.post(
        "/anymail/brevo/tracking/",
        json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION=basic_auth("hook:s3cret"),
    )
    assert response.status_code == 200
    stopped = Subscriber.objects.get(email="uno@example.org")
    assert stopped.stopped_at is not None and "bounced" in stopped.stop_reason
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.BOUNCED

    # The next newsletter skips that address.
    second = Newsletter.objects.create(
        locale=Locale.objects.get(language_code="it"), subject="Seconda", body=[]
    )
    report = start(second)
    assert report["queued"]["it"] == 1


def test_translated_with_wagtail_localize_links_to_the_translated_pages(db):
    """A newsletter is translated like a page: its texts become segments, and a linked page
    becomes that page's translation in the French version."""
    from wagtail_localize.models import StringTranslation, TranslationSource

    from events.models import EventPage
    from tests.conftest import page_in

    workshop = page_in(EventPage, "it", slug="laboratorio-bisogni-fossano")
    italian = Newsletter.objects.create(
        locale=Locale.objects.get(language_code="it"),
        subject="Un laboratorio a Fossano",
        body=[("links", [{"page": workshop, "text": ""}])],
    )
    source, _created = TranslationSource.get_or_create_from_instance(italian)
    french_locale = Locale.objects.get(language_code="fr")
    for segment in source.stringsegment_set.select_related("string"):
        if segment.string.data == "Un laboratorio a Fossano":
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=french_locale,
                context=segment.context,
                data="Un atelier à Fossano",
            )
    french, _created = source.create_or_update_translation(french_locale)
    assert french.subject == "Un atelier à Fossano"
    text = french.get_preview_context(None, "text")["text"]
    assert "Atelier des besoins au pôle local de Fossano" in text
    assert "/fr/evenements/atelier-besoins-fossano/" in text


def test_an_image_keeps_its_alternative_text_and_an_absolute_address(db):
    from django.utils.html import escape
    from wagtail.images import get_image_model

    image = get_image_model().objects.exclude(description="").first()
    newsletter = Newsletter.objects.create(
        locale=Locale.objects.get(language_code="it"),
        subject="Con immagine",
        body=[("image", {"image": image, "caption": "Il polo locale"})],
    )
    context = newsletter.get_preview_context(None, "")
    assert 'src="http://' in context["html"]
    assert f'alt="{escape(image.description)}"' in context["html"]
    assert "<figcaption>Il polo locale</figcaption>" in context["html"]
    assert "[Il polo locale]" in context["text"]
