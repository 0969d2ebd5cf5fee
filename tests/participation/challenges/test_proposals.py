"""Sending a proposal: receipt, attachments checked by content and kept private, deadline,
amendment and withdrawal through the private link, and every refusal."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from participation.models import Proposal, ProposalAttachment
from tests.conftest import text_of
from tests.participation.conftest import (
    make_call,
    make_editor,
    make_evaluator,
    make_proposal,
    pdf_bytes,
    pdf_upload,
    proposal_data,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(committing_client):
    return committing_client


@pytest.fixture
def call():
    return make_call("open")


def submit_url(call) -> str:
    return call.url + "submit/"


def send(client, call, files=(), **overrides):
    data = proposal_data(**overrides)
    if files:
        data["attachments"] = list(files)
    return client.post(submit_url(call), data)


def test_company_submits_a_proposal_and_gets_a_receipt(client, call):
    response = send(client, call, files=[pdf_upload("scheda-tecnica.pdf")])
    assert response.status_code == 200
    proposal = Proposal.objects.get(call=call)
    assert re.fullmatch(r"DV\d\d-[0-9A-F]{6}", proposal.reference)
    assert proposal.reference in text_of(response)
    assert proposal.language == "it" and proposal.status == "submitted"
    assert proposal.consent_given_at is not None
    attachment = proposal.attachments.get()
    assert attachment.original_name == "scheda-tecnica.pdf"
    assert attachment.size == len(pdf_bytes())
    [receipt] = mail.outbox
    assert receipt.to == ["referente@example.com"]
    assert proposal.reference in receipt.subject
    local = timezone.localtime(proposal.submitted_at)
    assert local.strftime("%H:%M") in receipt.body
    private = call.full_url + f"my-proposal/{proposal.access_token}/"
    assert private.replace("http://localhost", "http://testserver") in receipt.body or (
        f"my-proposal/{proposal.access_token}/" in receipt.body
    )


def test_receipt_is_written_in_the_language_of_the_form(client, call):
    from wagtail.models import Locale

    french = call.copy_for_translation(Locale.objects.get(language_code="fr"), alias=False)
    french.save_revision().publish()
    response = client.post(french.url + "submit/", proposal_data())
    assert response.status_code == 200
    proposal = Proposal.objects.get(call=french)
    assert proposal.language == "fr"
    assert "reçue" in mail.outbox[0].subject
    # Proposals to every language version belong to the same call.
    assert list(call.all_proposals()) == [proposal]


def test_same_form_sent_twice_is_stored_once(client, call):
    data = proposal_data()
    assert client.post(submit_url(call), data).status_code == 200
    assert client.post(submit_url(call), data).status_code == 200
    assert call.all_proposals().count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            lambda: pdf_upload("offerta.pdf", b"MZ\x90\x00\x03" + b"\x00" * 4000),
            "«offerta.pdf» non è un documento PDF",
        ),
        (
            lambda: pdf_upload("finto.pdf", b"%PDF-1.7\nnot really a pdf at all\n%%EOF"),
            "«finto.pdf» non è un documento PDF",
        ),
        (
            lambda: pdf_upload(
                "enorme.pdf", pdf_bytes() + b"%" + b"0" * settings.PROPOSAL_ATTACHMENT_MAX_BYTES
            ),
            "«enorme.pdf» pesa",
        ),
    ],
    ids=["renamed-executable", "fake-pdf", "oversize"],
)
def test_bad_attachments_are_refused_and_nothing_is_stored(client, call, upload, message):
    response = send(client, call, files=[pdf_upload("buono.pdf"), upload()])
    assert response.status_code == 400
    assert message in text_of(response)
    assert "Nulla è stato salvato" in text_of(response)
    assert (
        not call.all_proposals().exists()
        and not ProposalAttachment.objects.filter(proposal__call=call).exists()
    )
    assert not mail.outbox


def test_a_fourth_attachment_is_refused(client, call):
    files = [pdf_upload(f"allegato-{n}.pdf") for n in range(4)]
    response = send(client, call, files=files)
    assert response.status_code == 400
    assert "al massimo 3 allegati" in text_of(response)
    assert not call.all_proposals().exists()


def test_missing_consent_and_bad_fields_are_explained(client, call):
    response = send(
        client,
        call,
        consent="",
        contact_email="non-una-email",
        registration_number="??",
        estimated_cost="-5",
    )
    text = text_of(response)
    assert response.status_code == 400
    assert "Dai il tuo consenso" in text
    assert "indirizzo email valido" in text
    assert "partita IVA" in text
    assert not call.all_proposals().exists()


def test_errors_are_in_the_visitors_language(client, call):
    from wagtail.models import Locale

    french = call.copy_for_translation(Locale.objects.get(language_code="fr"), alias=False)
    french.save_revision().publish()
    response = client.post(
        french.url + "submit/",
        {**proposal_data(consent=""), "attachments": [pdf_upload("x.pdf", b"MZ" * 100)]},
    )
    text = text_of(response)
    assert response.status_code == 400
    assert "n'est pas un document PDF" in text
    assert "Veuillez donner votre consentement" in text


def test_late_submission_is_refused_by_the_server(client):
    call = make_call("evaluation")
    page = client.get(submit_url(call))
    assert "non accetta proposte" in text_of(page)
    assert not BeautifulSoup(page.content, "html.parser").select("form.proposal-form")
    response = send(client, call, files=[pdf_upload()])
    assert response.status_code == 403
    assert "non è stata salvata" in text_of(response)
    assert (
        not call.all_proposals().exists()
        and not ProposalAttachment.objects.filter(proposal__call=call).exists()
    )


def test_honeypot_and_rate_limit(client, call):
    response = send(client, call, website="http://spam.example")
    assert response.status_code == 400
    assert not call.all_proposals().exists()
    with override_settings(PROPOSAL_SUBMISSIONS_PER_HOUR=2):
        for _mistake in range(3):  # sent back for a mistake: not counted
            assert send(client, call, contact_email="non-valido").status_code == 400
        assert send(client, call).status_code == 200
        assert send(client, call).status_code == 200
        refused = send(client, call)
    assert refused.status_code == 429
    assert "Troppe proposte" in text_of(refused)
    assert call.all_proposals().count() == 2


def test_attachments_are_stored_outside_the_public_media(client, call):
    send(client, call, files=[pdf_upload("segreto.pdf")])
    attachment = ProposalAttachment.objects.get(proposal__call=call)
    path = attachment.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert "segreto" not in path  # the applicant's file name is not used on disk


def test_no_attachment_is_reachable_without_permission(client, call):
    send(client, call, files=[pdf_upload("riservato.pdf")])
    attachment = ProposalAttachment.objects.get(proposal__call=call)
    relative = attachment.file.name
    guesses = [
        f"/media/{relative}",
        f"/media/proposals/{relative.split('/')[-1]}",
        f"/private-media/{relative}",
        f"/{relative}",
        f"/it/{relative}",
        f"/admin/proposals/attachment/{attachment.pk}/",
    ]
    for url in guesses:
        response = client.get(url)
        assert response.status_code in {302, 403, 404}, url
        assert b"%PDF" not in b"".join(getattr(response, "streaming_content", [response.content]))
    # Signed in without the right, or assigned to another call: refused too.
    outsider = make_evaluator("valutatore-esterno", call=make_call("open", slug="altra-sfida"))
    client.force_login(outsider)
    refused = client.get(f"/admin/proposals/attachment/{attachment.pk}/")
    assert refused.status_code in {302, 403}
    assert not hasattr(refused, "streaming_content") and b"%PDF" not in refused.content
    # An evaluator of this call and an editor get it, as a download.
    for user in (make_evaluator("valutatore-assegnato", call=call), make_editor()):
        client.force_login(user)
        response = client.get(f"/admin/proposals/attachment/{attachment.pk}/")
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        assert "riservato.pdf" in response["Content-Disposition"]
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content).startswith(b"%PDF")


def private_url(call, proposal) -> str:
    return call.url + f"my-proposal/{proposal.access_token}/"


def test_applicant_amends_the_proposal_through_the_private_link(client, call):
    send(client, call, files=[pdf_upload("prima.pdf")])
    proposal = call.all_proposals().get()
    mail.outbox.clear()
    page = client.get(private_url(call, proposal))
    assert page.status_code == 200 and "Modifica la proposta" in text_of(page)
    first = proposal.attachments.get()
    response = client.post(
        private_url(call, proposal),
        {
            **proposal_data(title="Titolo aggiornato"),
            "action": "amend",
            "remove_attachments": [first.pk],
            "attachments": [pdf_upload("seconda.pdf"), pdf_upload("terza.pdf")],
        },
    )
    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.title == "Titolo aggiornato"
    assert sorted(proposal.attachments.values_list("original_name", flat=True)) == [
        "seconda.pdf",
        "terza.pdf",
    ]
    assert not first.file.storage.exists(first.file.name)
    assert "modificata" in mail.outbox[0].subject


def test_amendment_cannot_exceed_three_attachments(client, call):
    send(client, call, files=[pdf_upload("a.pdf"), pdf_upload("b.pdf")])
    proposal = call.all_proposals().get()
    response = client.post(
        private_url(call, proposal),
        {
            **proposal_data(title="Altro"),
            "action": "amend",
            "attachments": [pdf_upload("c.pdf"), pdf_upload("d.pdf")],
        },
    )
    assert response.status_code == 400
    proposal.refresh_from_db()
    assert proposal.title == "Sportello digitale mobile"
    assert proposal.attachments.count() == 2


def test_applicant_withdraws_the_proposal(client, call):
    send(client, call)
    proposal = call.all_proposals().get()
    unconfirmed = client.post(private_url(call, proposal), {"action": "withdraw"})
    assert unconfirmed.status_code == 400
    proposal.refresh_from_db()
    assert proposal.status == "submitted"
    response = client.post(
        private_url(call, proposal), {"action": "withdraw", "confirm_withdraw": "yes"}
    )
    assert response.status_code == 200 and "ritirata" in text_of(response)
    proposal.refresh_from_db()
    assert proposal.status == "withdrawn"


def test_private_link_is_read_only_after_the_deadline(client, call):
    send(client, call)
    proposal = call.all_proposals().get()
    ChallengeCall = type(call)
    ChallengeCall.objects.filter(pk=call.pk).update(
        submission_deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    call.refresh_from_db()
    page = client.get(private_url(call, proposal))
    assert page.status_code == 200
    assert not BeautifulSoup(page.content, "html.parser").select("form.proposal-form")
    response = client.post(
        private_url(call, proposal), {**proposal_data(title="Troppo tardi"), "action": "amend"}
    )
    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.title != "Troppo tardi"


def test_a_wrong_private_link_is_not_found(client, call):
    import uuid

    make_proposal(call)
    assert client.get(call.url + f"my-proposal/{uuid.uuid4()}/").status_code == 404
    assert client.get(call.url + "my-proposal/not-a-uuid/").status_code == 404
