"""Citizens support shortlisted proposals by confirming a link sent to their e-mail."""

import datetime
import re

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from participation.models import Support
from tests.conftest import text_of
from tests.participation.conftest import make_call, make_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(committing_client):
    return committing_client


@pytest.fixture
def shortlisted():
    call = make_call("evaluation")
    return call, make_proposal(call, status="shortlisted", title="Proposta in lista")


def detail_url(call, proposal) -> str:
    return call.url + f"proposals/{proposal.reference}/"


def ask(client, call, proposal, email="cittadina@example.com", **extra):
    return client.post(
        detail_url(call, proposal) + "support/", {"email": email, "website": "", **extra}
    )


def link_in(message) -> str:
    return re.search(r"https?://\S+/support/\S+/", message.body).group(0)


def confirm(client, link):
    path = link.split("testserver", 1)[-1]
    page = client.get(path)
    assert page.status_code == 200, path
    return client.post(path)


def test_support_counts_only_once_confirmed(client, shortlisted):
    call, proposal = shortlisted
    response = ask(client, call, proposal)
    assert response.status_code == 200 and "Controlla la tua email" in text_of(response)
    support = Support.objects.get(proposal=proposal)
    assert support.confirmed_at is None
    assert "cittadina@example.com" not in str(Support.objects.values())
    detail = text_of(client.get(detail_url(call, proposal)))
    assert "Sostegni confermati dei cittadini 0" in detail
    [message] = mail.outbox
    assert message.to == ["cittadina@example.com"]
    confirmed = confirm(client, link_in(message))
    assert confirmed.status_code == 200 and "confermato" in text_of(confirmed)
    assert "Sostegni confermati dei cittadini 1" in text_of(client.get(detail_url(call, proposal)))


def test_one_support_per_address_per_proposal(client, shortlisted):
    call, proposal = shortlisted
    ask(client, call, proposal, email="Stessa@Example.com")
    confirm(client, link_in(mail.outbox[0]))
    again = ask(client, call, proposal, email="stessa@example.com ")
    # The page does not reveal whether this address already supports the proposal.
    assert again.status_code == 200 and "Controlla la tua email" in text_of(again)
    assert Support.objects.filter(proposal=proposal).count() == 1
    assert "già" in mail.outbox[1].body.lower() or "already" in mail.outbox[1].body.lower()


def test_reused_and_tampered_links_are_refused(client, shortlisted):
    call, proposal = shortlisted
    ask(client, call, proposal)
    link = link_in(mail.outbox[0])
    confirm(client, link)
    path = link.split("testserver", 1)[-1]
    reused = client.post(path)
    assert reused.status_code == 409 and "già stato usato" in text_of(reused)
    tampered = path.replace("/support/", "/support/x")
    for response in (client.get(tampered), client.post(tampered)):
        assert response.status_code == 400
        assert "non è valido" in text_of(response)
    assert Support.objects.filter(proposal=proposal, confirmed_at__isnull=False).count() == 1


def test_a_link_for_another_call_is_refused(client, shortlisted):
    call, proposal = shortlisted
    other = make_call("evaluation", slug="altra-sfida")
    ask(client, call, proposal)
    path = link_in(mail.outbox[0]).split("testserver", 1)[-1]
    response = client.post(path.replace(call.url, other.url))
    assert response.status_code == 400
    assert not Support.objects.filter(proposal=proposal, confirmed_at__isnull=False).exists()


def test_support_only_for_shortlisted_proposals_during_evaluation(client):
    closed = make_call("closed")
    proposal = make_proposal(closed, status="selected")
    response = ask(client, closed, proposal)
    assert response.status_code == 403 and "solo per le proposte" in text_of(response)
    submitted = make_proposal(make_call("evaluation", slug="sfida-2"), status="admissible")
    assert ask(client, submitted.call, submitted).status_code == 404
    assert not Support.objects.filter(proposal__in=[proposal, submitted]).exists()
    assert not mail.outbox


def test_bad_address_honeypot_and_rate_limit(client, shortlisted):
    call, proposal = shortlisted
    bad = ask(client, call, proposal, email="non-valido")
    assert bad.status_code == 400 and "indirizzo email valido" in text_of(bad)
    assert ask(client, call, proposal, website="spam").status_code == 400
    with override_settings(SUPPORT_REQUESTS_PER_HOUR=2):
        # Sent back for a mistake (or refused as a robot): none of it counts.
        assert ask(client, call, proposal, email="ancora-non-valido").status_code == 400
        ask(client, call, proposal, email="a@example.com")
        ask(client, call, proposal, email="b@example.com")
        limited = ask(client, call, proposal, email="c@example.com")
    assert limited.status_code == 429 and "Troppe richieste" in text_of(limited)
    assert Support.objects.filter(proposal=proposal).count() == 2


def test_addresses_are_never_shown(client, shortlisted):
    call, proposal = shortlisted
    ask(client, call, proposal, email="riservata@example.com")
    confirm(client, link_in(mail.outbox[0]))
    for url in (call.url, detail_url(call, proposal), "/open-data/digivillae.json"):
        assert b"riservata@example.com" not in client.get(url).content


def test_mail_failure_keeps_nothing(client, shortlisted, monkeypatch):
    call, proposal = shortlisted

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("participation.challenges.services.send_mail", broken)
    response = ask(client, call, proposal)
    assert response.status_code == 503 and "non è stato possibile" in text_of(response).lower()
    assert not Support.objects.filter(proposal=proposal).exists()


def test_public_proposal_page_shows_only_public_fields(client, shortlisted):
    call, proposal = shortlisted
    proposal.registration_number = "IT55544433322"
    proposal.description = "Dettagli riservati ai valutatori"
    proposal.contact_name = "Persona Riservata"
    proposal.estimated_cost = 98765
    proposal.save()
    page = client.get(detail_url(call, proposal)).content.decode()
    assert proposal.title in page and proposal.summary in page
    assert proposal.organisation_name in page
    for private in ("IT55544433322", "Dettagli riservati", "Persona Riservata", "98765", "98.765"):
        assert private not in page, private
    assert proposal.contact_email not in page
    # Proposals that never reached the shortlist are not public at all.
    hidden = make_proposal(call, status="admissible", title="Non pubblica")
    assert client.get(detail_url(call, hidden)).status_code == 404
    assert "Non pubblica" not in client.get(call.url).content.decode()


def test_a_line_break_in_a_proposal_title_never_breaks_the_mail(client):
    call = make_call("evaluation")
    title = "Sportello\r\nBcc: altri@example.com"
    proposal = make_proposal(call, status="shortlisted", title=title)
    response = ask(client, call, proposal)
    assert response.status_code == 200 and "Controlla la tua email" in text_of(response)
    [message] = mail.outbox
    assert message.subject == "Conferma il tuo sostegno a «Sportello Bcc: altri@example.com»"
    assert message.recipients() == ["cittadina@example.com"]


def test_asking_again_after_the_link_expired_sends_a_fresh_link(client, shortlisted):
    call, proposal = shortlisted
    ask(client, call, proposal)
    [first] = mail.outbox
    old_link = link_in(first)
    eight_days_ago = timezone.now() - datetime.timedelta(days=8)
    Support.objects.filter(proposal=proposal).update(created_at=eight_days_ago)
    expired = client.get(old_link.split("testserver", 1)[-1])
    assert expired.status_code == 400 and "scaduto" in text_of(expired)
    mail.outbox.clear()
    response = ask(client, call, proposal)
    assert response.status_code == 200 and "Controlla la tua email" in text_of(response)
    [second] = mail.outbox
    new_link = link_in(second)
    assert new_link != old_link
    assert confirm(client, new_link).status_code == 200
    assert Support.objects.get(proposal=proposal).confirmed_at is not None
    assert client.get(old_link.split("testserver", 1)[-1]).status_code == 400  # stays dead
