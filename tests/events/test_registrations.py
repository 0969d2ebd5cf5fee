"""Signing up for an event with limited places: a place or the waiting list, a confirmation
with the event as .ics, cancelling by private link moves the first waiting person up (both get
an e-mail), a reminder the day before, the organiser's attendee list, registrations forgotten
after the event; bad input answered in the visitor's language with nothing changed."""

import datetime
import re
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.core import mail
from django.core.cache import caches
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client, override_settings
from django.utils import timezone
from icalendar import Calendar
from wagtail.test.utils.form_data import nested_form_data, streamfield

from events.models import EventPage, Registration
from events.registrations.services import forget_past, send_reminders
from tests.conftest import count_queries, form_values, page_in, text_of, user_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clear_rate_limits")]

STEERING_IT = "/it/eventi/comitato-di-pilotaggio/"
STEERING_FR = "/fr/evenements/comite-de-pilotage/"


@pytest.fixture
def workshop(db):
    """The steering committee, taking registrations for 2 people in every language."""
    event = page_in(EventPage, "it", slug="comitato-di-pilotaggio")
    EventPage.objects.filter(translation_key=event.translation_key).update(
        takes_registrations=True, capacity=2
    )
    Registration.objects.filter(event_key=event.translation_key).delete()
    event.refresh_from_db()
    return event


def sign_up(client, captured, event, name, email):
    data = {"name": name, "email": email, "consent": "on", "website": ""}
    with captured(execute=True):
        return client.post(f"/{event.locale.language_code}/events/registration/{event.pk}/", data)


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def cancel_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+/cancel/\S+/)", message.body).group(1)


def test_places_then_waiting_list_then_a_cancellation_moves_the_first_up(
    workshop, client, django_capture_on_commit_callbacks
):
    page = BeautifulSoup(client.get(STEERING_IT).content, "html.parser")
    assert "2 posti disponibili" in page.find("section", class_="registration").get_text(" ")

    for name, email in [("Anna", "anna@example.org"), ("Bruno", "bruno@example.org")]:
        response = sign_up(client, django_capture_on_commit_callbacks, workshop, name, email)
        assert response.status_code == 200
        assert "Il tuo posto è confermato" in text_of(response)
    [confirmation] = mails_to("anna@example.org")
    [(filename, ics, kind)] = confirmation.attachments
    assert kind == "text/calendar" and filename.endswith(".ics")
    assert str(Calendar.from_ical(ics).walk("VEVENT")[0]["summary"]) == "Comitato di pilotaggio"

    # The event is full: the page (purged from the cache) says so, in French too.
    french = page_in(EventPage, "fr", translation_key=workshop.translation_key)
    full = text_of(client.get(STEERING_FR))
    assert "liste d’attente" in full or "liste d'attente" in full
    response = sign_up(
        client, django_capture_on_commit_callbacks, french, "Chloé", "chloe@example.org"
    )
    assert "Vous êtes sur la liste d’attente" in text_of(response) or "liste d'attente" in text_of(
        response
    )
    [waiting] = mails_to("chloe@example.org")
    assert "numéro 1" in waiting.body and not waiting.attachments

    # Anna cancels from her e-mail: a button, not the link, cancels.
    link = cancel_link(confirmation)
    assert "Sì, annulla la mia iscrizione" in text_of(client.get(link))
    assert Registration.objects.get(email="anna@example.org").status == "confirmed"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)
    assert "Iscrizione annullata" in text_of(response)
    chloe = Registration.objects.get(email="chloe@example.org")
    assert chloe.status == "confirmed" and chloe.promoted_at is not None
    [_waiting, promoted] = mails_to("chloe@example.org")
    assert promoted.subject.startswith("Une place s’est libérée") or "place" in promoted.subject
    assert promoted.attachments and promoted.attachments[0][2] == "text/calendar"
    assert [m.subject for m in mails_to("anna@example.org")][-1].startswith("Iscrizione annullata")

    # The same link again changes nothing and says why.
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(link)
    assert again.status_code == 409
    assert "già stata annullata" in text_of(again)
    assert (
        Registration.objects.filter(event_key=workshop.translation_key, status="confirmed").count()
        == 2
    )


def test_bad_input_changes_nothing_and_says_why_in_french(
    workshop, client, django_capture_on_commit_callbacks
):
    french = page_in(EventPage, "fr", translation_key=workshop.translation_key)
    url = f"/fr/events/registration/{french.pk}/"
    response = client.post(url, {"name": "Léa", "email": "pas-une-adresse", "consent": "on"})
    assert response.status_code == 400
    assert "Saisissez une adresse de courriel valide" in text_of(response)
    response = client.post(url, {"name": "Léa\x00", "email": "lea@example.org"})
    assert response.status_code == 400
    assert "consentement" in text_of(response)
    assert not Registration.objects.filter(event_key=workshop.translation_key).exists()

    # A double click registers once; the second answer explains.
    data = {"name": "Léa", "email": "Lea@Example.org", "consent": "on", "website": ""}
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, data)
        second = client.post(url, data)
    assert first.status_code == 200 and second.status_code == 409
    assert "déjà inscrite" in text_of(second) or "déjà inscrit" in text_of(second)
    assert Registration.objects.filter(event_key=workshop.translation_key).count() == 1
    assert len(mails_to("lea@example.org")) == 1

    # A forged cancel link, a robot, and a past event.
    assert (
        client.get(
            "/fr/events/registration/cancel/00000000-0000-0000-0000-000000000000/"
        ).status_code
        == 404
    )
    assert (
        client.post(url, data | {"email": "robot@example.org", "website": "spam"}).status_code
        == 400
    )
    EventPage.objects.filter(translation_key=workshop.translation_key).update(
        start=timezone.now() - datetime.timedelta(days=2),
        end=timezone.now() - datetime.timedelta(days=1),
    )
    closed = client.post(url, data | {"email": "tard@example.org"})
    assert closed.status_code == 409 and "fermées" in text_of(closed)
    assert Registration.objects.filter(event_key=workshop.translation_key).count() == 1


def test_reminder_the_day_before_once_and_forgetting_after_the_event(
    workshop, django_capture_on_commit_callbacks
):
    client = Client()
    sign_up(client, django_capture_on_commit_callbacks, workshop, "Anna", "anna@example.org")
    day_before = workshop.start - datetime.timedelta(hours=20)
    mail.outbox.clear()
    assert send_reminders(now=workshop.start - datetime.timedelta(days=3)) == 0
    assert send_reminders(now=day_before) == 1
    assert send_reminders(now=day_before) == 0  # once
    [reminder] = mail.outbox
    assert reminder.subject == "Domani: Comitato di pilotaggio"
    assert reminder.attachments[0][2] == "text/calendar"

    assert forget_past(now=workshop.end + datetime.timedelta(days=29)) == 0
    assert forget_past(now=workshop.end + datetime.timedelta(days=31)) == 1
    assert not Registration.objects.filter(event_key=workshop.translation_key).exists()


def test_the_organiser_downloads_the_attendee_list(
    workshop, client, django_capture_on_commit_callbacks
):
    for name, email in [
        ("Anna", "anna@example.org"),
        ("Bruno", "bruno@example.org"),
        ("=cmd", "c@example.org"),
    ]:
        sign_up(Client(), django_capture_on_commit_callbacks, workshop, name, email)
    url = f"/admin/events/{workshop.pk}/attendees.csv"
    assert client.get(url).status_code == 302  # signed out: to the login page
    stranger = User.objects.create_user("stranger", password="x-Secret-123")
    client.force_login(stranger)
    assert client.get(url).status_code in (302, 403)
    # Those who may edit the page but do not organise: no list, and no button for it.
    for group in ("Translators", "Editors"):
        client.force_login(user_in(group))
        edit = client.get(f"/admin/pages/{workshop.pk}/edit/")
        assert edit.status_code == 200 and url not in edit.content.decode(), group
        refused = client.get(url)
        assert refused.status_code in (302, 403), group
        assert b"anna@example.org" not in refused.content
    client.force_login(user_in("Communication officers"))
    edit = client.get(f"/admin/pages/{workshop.pk}/edit/")
    assert url in edit.content.decode()
    response = client.get(url)
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith('"Stato","Nome"')
    assert [line.split(",")[1] for line in lines[1:]] == ['"Anna"', '"Bruno"', '"\'=cmd"']
    assert lines[3].startswith('"In lista d')


def test_event_page_queries_do_not_grow_with_registrations(
    workshop, client, django_capture_on_commit_callbacks
):
    few, _response = count_queries(client, STEERING_IT)
    for number in range(30):
        sign_up(
            Client(),
            django_capture_on_commit_callbacks,
            workshop,
            f"P{number}",
            f"p{number}@example.org",
        )
    many, response = count_queries(client, STEERING_IT)
    assert many == few
    assert "lista d" in text_of(response)


def test_a_mail_server_that_is_down_keeps_the_registration(
    workshop, client, django_capture_on_commit_callbacks
):
    with mock.patch(
        "django.core.mail.EmailMessage.send", side_effect=ConnectionRefusedError("down")
    ):
        response = sign_up(
            client, django_capture_on_commit_callbacks, workshop, "Anna", "anna@example.org"
        )
    assert response.status_code == 200 and "Il tuo posto è confermato" in text_of(response)
    assert Registration.objects.get(email="anna@example.org").status == "confirmed"
    assert not mail.outbox


def test_broken_bytes_and_a_hostile_name_are_refused_in_the_visitors_language(workshop, client):
    url = f"/it/events/registration/{workshop.pk}/"
    response = client.post(
        url, b"name=\xff\xfe%00&email=\xc3(", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    response = client.post(
        url, {"name": "<script>alert(1)</script>\x07", "email": "a@example.org", "consent": "on"}
    )
    assert response.status_code == 400
    assert "Scrivi il tuo nome in lettere" in text_of(response)
    assert "<script>alert(1)" not in response.content.decode()
    assert not Registration.objects.filter(event_key=workshop.translation_key).exists()


def test_a_registration_purges_the_event_in_every_language(
    workshop, django_capture_on_commit_callbacks
):
    """The event page shows the places left: a sign-up or a cancellation purges its cached
    views, every language version of it, and nothing else."""
    with mock.patch("events.registrations.services.purge") as purge:
        sign_up(Client(), django_capture_on_commit_callbacks, workshop, "Anna", "anna@example.org")
    [call] = purge.call_args_list
    purged = call.kwargs["pages"]
    assert {page.translation_key for page in purged} == {workshop.translation_key}
    assert {page.locale.language_code for page in purged} == {"it", "fr", "en"}


def test_the_registration_form_comes_from_the_cache_with_each_visitors_own_token(
    workshop, django_capture_on_commit_callbacks
):
    caches["pages"].clear()
    with override_settings(WAGTAIL_CACHE=True):
        visitors = [Client(enforce_csrf_checks=True) for _number in range(5)]
        responses = [visitor.get(STEERING_IT) for visitor in visitors]
        assert [r["X-Wagtail-Cache"] for r in responses] == ["miss"] + ["hit"] * 4
        fields = [
            BeautifulSoup(r.content, "html.parser").select_one("[name=csrfmiddlewaretoken]")
            for r in responses
        ]
        tokens = [field["value"] for field in fields]
        cookies = [r.cookies["csrftoken"].value for r in responses]
        assert len(set(cookies)) == 5
        assert [_unmask_cipher_token(token) for token in tokens] == cookies
        # A visitor's token from the cached page is accepted; the sign-up purges the page.
        visitor = visitors[3]
        data = {"name": "Anna", "email": "anna@example.org", "consent": "on", "website": ""}
        data["csrfmiddlewaretoken"] = tokens[3]
        with django_capture_on_commit_callbacks(execute=True):
            response = visitor.post(f"/it/events/registration/{workshop.pk}/", data)
        assert response.status_code == 200
        again = Client().get(STEERING_IT)
        assert again["X-Wagtail-Cache"] == "miss"
        assert "Un posto disponibile." in text_of(again)
    caches["pages"].clear()


def test_registrations_sent_back_for_a_mistake_do_not_use_up_the_hourly_allowance(
    workshop, client, django_capture_on_commit_callbacks, settings
):
    settings.FOLLOW_REQUESTS_PER_HOUR = 2
    for _mistake in range(3):
        bad = sign_up(client, django_capture_on_commit_callbacks, workshop, "", "non-valida")
        assert bad.status_code == 400
    for name in ("Anna", "Bruno"):
        email = f"{name.lower()}@example.org"
        response = sign_up(client, django_capture_on_commit_callbacks, workshop, name, email)
        assert response.status_code == 200
    refused = sign_up(client, django_capture_on_commit_callbacks, workshop, "Carla", "c@ex.org")
    assert refused.status_code == 429
    assert "Troppe richieste" in text_of(refused)
    assert Registration.objects.filter(event_key=workshop.translation_key).count() == 2


def test_administrators_can_give_the_attendee_list_permission_to_another_group(admin_client):
    from django.contrib.auth.models import Group, Permission

    permission = Permission.objects.get(codename="download_attendee_list")
    editors = Group.objects.get(name="Editors")
    assert not editors.permissions.filter(pk=permission.pk).exists()
    page = BeautifulSoup(
        admin_client.get(f"/admin/groups/edit/{editors.pk}/").content, "html.parser"
    )
    box = page.select_one(f'input[name="permissions"][value="{permission.pk}"]')
    assert box is not None and not box.has_attr("checked")


def publish_places(client, event, places: int):
    """The organiser changes the number of places in the admin's editor and publishes."""
    edit = f"/admin/pages/{event.pk}/edit/"
    form = BeautifulSoup(client.get(edit).content, "html.parser").select_one("form#page-edit-form")
    data = form_values(form)
    # The body editor is drawn by JavaScript: send it as the editor would, empty here.
    data.update(nested_form_data({"body": streamfield([])}))
    data.update({"takes_registrations": "on", "capacity": str(places), "action-publish": "1"})
    response = client.post(edit, data)
    assert response.status_code == 302, text_of(response)[:1500]


def statuses(event) -> dict[str, str]:
    return dict(
        Registration.objects.filter(event_key=event.translation_key).values_list("name", "status")
    )


def test_places_added_to_a_full_event_go_to_the_first_people_waiting(
    workshop, client, django_capture_on_commit_callbacks
):
    people = ["Anna", "Bruno", "Chloé", "Dario", "Elena"]
    for name in people:
        email = f"{name[:4].lower()}@ex.org"
        sign_up(Client(), django_capture_on_commit_callbacks, workshop, name, email)
    assert list(statuses(workshop).values()) == ["confirmed"] * 2 + ["waiting"] * 3
    mail.outbox.clear()

    client.force_login(user_in("Communication officers"))
    with django_capture_on_commit_callbacks(execute=True):
        publish_places(client, workshop, 4)
    assert statuses(workshop) == {
        "Anna": "confirmed",
        "Bruno": "confirmed",
        "Chloé": "confirmed",
        "Dario": "confirmed",
        "Elena": "waiting",
    }
    # The two moved up get the e-mail of a freed place, with the event's .ics.
    assert sorted(m.to[0] for m in mail.outbox) == ["chlo@ex.org", "dari@ex.org"]
    for message in mail.outbox:
        assert message.attachments and message.attachments[0][2] == "text/calendar"

    # The page offers no place to a newcomer while someone waits, and a newcomer queues.
    section = BeautifulSoup(Client().get(STEERING_IT).content, "html.parser").find(
        "section", class_="registration"
    )
    assert "posti disponibili" not in section.get_text(" ")
    newcomer = sign_up(Client(), django_capture_on_commit_callbacks, workshop, "Fabio", "f@ex.org")
    assert newcomer.status_code == 200 and "lista d" in text_of(newcomer)
    assert statuses(workshop)["Fabio"] == "waiting"

    # Fewer places than people confirmed: nobody loses theirs, nobody moves up on a cancellation
    # until there is a place free again; then the first waiting (Elena, not Fabio) moves up.
    with django_capture_on_commit_callbacks(execute=True):
        publish_places(client, workshop, 2)
    assert list(statuses(workshop).values()).count("confirmed") == 4
    for leaving in ("Anna", "Bruno"):
        token = Registration.objects.get(name=leaving).token
        with django_capture_on_commit_callbacks(execute=True):
            Client().post(f"/it/events/registration/cancel/{token}/")
    assert statuses(workshop)["Elena"] == "waiting"
    token = Registration.objects.get(name="Chloé").token
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(f"/it/events/registration/cancel/{token}/")
    assert statuses(workshop)["Elena"] == "confirmed" and statuses(workshop)["Fabio"] == "waiting"
    assert list(statuses(workshop).values()).count("confirmed") == 2
