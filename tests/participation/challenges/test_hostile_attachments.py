"""Hostile PDFs sent as proposal attachments: each is answered with a form error in the
visitor's language, quickly, by a checker whose time and memory are capped, and nothing of the
proposal is stored. The files are built byte by byte in tests/participation/hostile_pdfs.py."""

import time

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import translation

from participation.challenges import attachments
from participation.challenges.forms import pdf_problems
from participation.models import ProposalAttachment
from tests.conftest import text_of
from tests.participation import hostile_pdfs
from tests.participation.conftest import make_call, pdf_bytes, pdf_upload, proposal_data

# Far below the 7–56 s a plain reader spends on these files, with room for a busy machine.
ANSWERED_WITHIN_S = 4


@pytest.fixture(scope="module")
def hostile_files():
    return {name: build() for name, build in hostile_pdfs.HOSTILE.items()}


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(hostile_pdfs.HOSTILE))
def test_every_hostile_pdf_gets_a_form_error_and_nothing_is_stored(
    committing_client, hostile_files, name
):
    call = make_call("open")
    data = proposal_data()
    data["attachments"] = [pdf_upload("buono.pdf"), pdf_upload(f"{name}.pdf", hostile_files[name])]
    started = time.monotonic()
    response = committing_client.post(call.url + "submit/", data)
    elapsed = time.monotonic() - started
    assert response.status_code == 400
    page = text_of(response)
    assert f"«{name}.pdf» non è un documento PDF" in page or (
        f"Non è stato possibile verificare «{name}.pdf»: una volta aperto" in page
    )
    assert "Nulla è stato salvato" in page
    assert not call.all_proposals().exists()
    assert not ProposalAttachment.objects.filter(proposal__call=call).exists()
    assert not mail.outbox
    assert elapsed < ANSWERED_WITHIN_S, f"{name} took {elapsed:.1f} s"


def test_a_real_pdf_still_passes_and_messages_speak_french():
    good = pdf_upload("fiche.pdf")
    bomb = pdf_upload("bombe.pdf", hostile_pdfs.deflate_bomb(300))
    locked = pdf_upload("verrou.pdf", hostile_pdfs.encrypted())
    with translation.override("fr"):
        problems = [str(problem) for problem in pdf_problems([good, bomb, locked])]
    assert problems == [
        "« bombe.pdf » n'a pas pu être vérifié : une fois ouvert, il est trop volumineux ou trop "
        "complexe. Enregistrez-le à nouveau comme PDF simple (par exemple avec « Imprimer en "
        "PDF ») et envoyez-le à nouveau.",
        "« verrou.pdf » est protégé par un mot de passe. Envoyez une copie sans mot de passe pour "
        "que les évaluateurs puissent l'ouvrir.",
    ]


def test_the_checker_is_killed_at_the_deadline(monkeypatch):
    """With the object-count pre-check lifted, a 10 KB file that costs a plain reader most of a
    minute reaches the sandbox; the deadline (1 s, as in production) or its CPU cap stops it.

    A good file sent with it shares its deadline and is still read. That half is checked with
    the test settings' deadline for a busy machine: a good file costs its reader about a third
    of a second of CPU on a slow machine, and beside the slow file and a second test worker
    running browsers it did not always get that within one second of wall time."""
    monkeypatch.setattr(attachments, "MAX_DECLARED_OBJECTS", 10**12)
    slow = hostile_pdfs.xref_stream_bomb(1_000_000)  # 7 MB inflated: under the inflate cap
    started = time.monotonic()
    with override_settings(PDF_CHECK_SECONDS=1.0):
        assert attachments.pdf_verdicts([slow]) == ["too_complex"]
    assert time.monotonic() - started < ANSWERED_WITHIN_S
    started = time.monotonic()
    assert attachments.pdf_verdicts([slow, pdf_bytes()]) == ["too_complex", "ok"]
    assert time.monotonic() - started < ANSWERED_WITHIN_S


def test_a_checker_that_hangs_is_killed(monkeypatch, tmp_path):
    hanging = tmp_path / "hang.py"
    hanging.write_text("import time\ntime.sleep(60)\n")
    monkeypatch.setattr(attachments, "SANDBOX", hanging)
    started = time.monotonic()
    with override_settings(PDF_CHECK_SECONDS=0.5):
        assert attachments.pdf_verdicts([pdf_bytes(), pdf_bytes()]) == ["too_complex"] * 2
    assert time.monotonic() - started < ANSWERED_WITHIN_S


def test_a_checker_that_cannot_start_refuses_without_accepting(monkeypatch):
    monkeypatch.setattr(attachments.sys, "executable", "/nonexistent/python")
    with translation.override("it"):
        problems = [str(problem) for problem in pdf_problems([pdf_upload("scheda.pdf")])]
    assert problems == [
        "Non è stato possibile verificare «scheda.pdf» in questo momento. Nulla è stato salvato: "
        "invia di nuovo il modulo tra un minuto."
    ]
