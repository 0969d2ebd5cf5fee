"""The whole chain in a real browser: a company proposes, an evaluator scores, the editor
shortlists, a citizen supports through the e-mail link, the editor selects and records a pilot
indicator value, and the public timeline shows it all in Italian and in French."""

import io
import re

import pytest
from PIL import Image

from tests.browser.conftest import (
    EDITOR_PASSWORD,
    add_inline_form,
    log_in,
    manage_live,
    no_violations,
    save_in_editor,
    sent_mails,
)

pytestmark = pytest.mark.browser

CALL_IT = "/it/sfide/coworking-nei-borghi/"
CALL_FR = "/fr/defis/coworking-villages/"
EVALUATOR_PASSWORD = "evaluator-browser-only"  # noqa: S105 (throw-away account)
TITLE = "Coworking condiviso con la biblioteca"


def pdf_file(tmp_path):
    buffer = io.BytesIO()
    Image.new("RGB", (300, 400), (255, 255, 255)).save(buffer, "PDF")
    path = tmp_path / "scheda-tecnica.pdf"
    path.write_bytes(buffer.getvalue())
    return path


def let_time_pass(state: str) -> None:
    """Move the call's dates (every language version) so that it is in ``state`` now."""
    offsets = {"evaluation": (-2, 10), "closed": (-20, -1)}[state]
    manage_live(
        "import datetime\n"
        "from django.utils import timezone\n"
        "from participation.models import ChallengeCallPage\n"
        "now = timezone.now()\n"
        "call = ChallengeCallPage.objects.get(slug='coworking-nei-borghi')\n"
        "ChallengeCallPage.objects.filter(translation_key=call.translation_key).update(\n"
        f"    questions_until=now + datetime.timedelta(days={offsets[0]} - 1),\n"
        f"    submission_deadline=now + datetime.timedelta(days={offsets[0]}),\n"
        f"    evaluation_ends_at=now + datetime.timedelta(days={offsets[1]}),\n"
        ")\n"
    )


def open_proposal_in_admin(page) -> None:
    page.goto("/admin/proposals/")
    page.get_by_role("link", name="Sfida: coworking nei borghi").click()
    page.get_by_role("link", name=TITLE).click()


def decide(page, status: str, reason: str, territory: str = "") -> None:
    page.get_by_label("Nuovo stato").select_option(label=status)
    page.get_by_label("Motivazione, inviata al proponente").fill(reason)
    if territory:
        page.get_by_label(re.compile("Territorio della sperimentazione")).select_option(
            label=territory
        )
    page.get_by_role("button", name="Salva la decisione").click()


def test_need_to_pilot_in_the_browser(page, live_site, tmp_path):
    # A company finds the open call and sends a proposal with a PDF; a wrong file first.
    page.goto(CALL_IT)
    no_violations(page)
    page.get_by_role("link", name="Invia una proposta").click()
    page.locator("#id_organisation_name").fill("Esempio – Borghi al lavoro Srl")
    page.locator("#id_country").select_option(label="Italia")
    page.locator("#id_registration_number").fill("IT09876543210")
    page.locator("#id_organisation_size").select_option(label="Microimpresa (meno di 10 persone)")
    page.locator("#id_contact_name").fill("Referente di prova")
    page.locator("#id_contact_email").fill("impresa@example.com")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("Postazioni di lavoro nella biblioteca comunale.")
    page.locator("#id_description").fill("Dettagli per i valutatori.")
    page.locator("#id_maturity").select_option(label="Sul mercato (TRL 9)")
    page.locator("#id_estimated_cost").fill("12000")
    fake = tmp_path / "programma.pdf"
    fake.write_bytes(b"MZ\x90\x00" + b"\x00" * 2000)
    page.locator("#id_attachments").set_input_files([str(fake)])
    page.get_by_role("button", name="Invia la proposta").click()
    summary = page.locator(".error-summary")
    assert "«programma.pdf» non è un documento PDF" in summary.inner_text()
    assert "Dai il tuo consenso" in summary.inner_text()
    no_violations(page)
    page.locator("#id_attachments").set_input_files([str(pdf_file(tmp_path))])
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Invia la proposta").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Proposta ricevuta"
    reference = page.locator(".notice strong").inner_text()
    assert re.fullmatch(r"DV\d\d-[0-9A-F]{6}", reference)
    [(subject, body)] = [m for m in sent_mails() if reference in m[0]]
    assert subject == f"Proposta {reference} ricevuta"
    assert "my-proposal/" in body and "ora italiana" in body

    # The deadline passes. The editor declares it admissible; the evaluator scores it.
    let_time_pass("evaluation")
    manage_live(
        "from django.contrib.auth.models import Group, User\n"
        "from participation.models import ChallengeCallPage, EvaluatorAssignment\n"
        f"user = User.objects.create_user('valutatrice', password='{EVALUATOR_PASSWORD}')\n"
        "user.groups.add(Group.objects.get(name='Evaluators'))\n"
        "call = ChallengeCallPage.objects.get(slug='coworking-nei-borghi')\n"
        "EvaluatorAssignment.objects.create(call=call, evaluator=user)\n"
    )
    log_in(page, "editor", EDITOR_PASSWORD)
    open_proposal_in_admin(page)
    decide(page, "Ammissibile", "Proposta completa.")
    assert "Ammissibile" in page.locator(".proposal-facts").inner_text()

    log_in(page, "valutatrice", EVALUATOR_PASSWORD)
    open_proposal_in_admin(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="scheda-tecnica.pdf").click()
    assert download.value.suggested_filename == "scheda-tecnica.pdf"
    for select in page.locator("select[name^=score_]").all():
        select.select_option("4")
    page.locator("#id_no_conflict").check()
    page.get_by_role("button", name="Salva i miei punteggi").click()
    assert "I tuoi punteggi sono salvati." in page.locator(".messages").inner_text()
    assert "80,0 / 100" in page.locator(".proposal-facts").inner_text()

    # The editor shortlists it; a citizen supports it from the French page.
    log_in(page, "editor", EDITOR_PASSWORD)
    open_proposal_in_admin(page)
    decide(page, "In lista", "Sopra le soglie minime.")
    page.context.clear_cookies()
    page.goto(CALL_FR)
    page.locator(".proposal-list").get_by_role("link", name=TITLE).click()
    assert page.locator("h1").get_attribute("lang") == "it"
    page.get_by_label("Votre adresse e-mail").fill("citoyenne@example.com")
    no_violations(page)
    page.get_by_role("button", name="Envoyez-moi le lien de confirmation").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Consultez vos e-mails"
    [(subject, body)] = [m for m in sent_mails() if "Confirmez votre soutien" in m[0]]
    link = re.search(r"http://\S+/support/\S+/", body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Je confirme mon soutien").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Merci"
    page.goto(link)
    page.get_by_role("button", name="Je confirme mon soutien").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Déjà confirmé"

    # Evaluation closes. The editor selects it, completes the pilot page and publishes it.
    let_time_pass("closed")
    log_in(page, "editor", EDITOR_PASSWORD)
    open_proposal_in_admin(page)
    decide(page, "Selezionata", "Miglior punteggio.", territory="Unione del Fossanese")
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    page.locator("#id_status").select_option("running")
    page.locator("#id_starts_on").fill("2026-10-01")
    page.locator("#id_ends_on").fill("2027-09-30")
    add_inline_form(page, "indicators", 0, "name").fill("Postazioni prenotate")
    page.locator("#id_indicators-0-unit").fill("prenotazioni al mese")
    page.locator("#id_indicators-0-baseline").fill("0")
    page.locator("#id_indicators-0-target").fill("80")
    save_in_editor(page, "publish")
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))

    # It records the first measured value, once for every language.
    page.goto("/admin/indicator_values/new/")
    option = page.locator("select[name=indicator] option", has_text="Postazioni prenotate")
    page.get_by_label("Indicatore").select_option(option.get_attribute("value"))
    page.get_by_label("Misurato il").fill("2026-11-15")
    page.get_by_label("Valore").fill("24")
    page.get_by_role("button", name=re.compile("^(Crea|Create)$")).click()
    page.wait_for_url(re.compile(r"/admin/indicator_values/$"))

    # The public timeline shows the whole chain, in Italian and in French.
    page.context.clear_cookies()
    for url, labels, expected in (
        (
            CALL_IT,
            ["Bisogno locale", "Sfida", "Soluzione proposta", "Sperimentazione", "Risultati"],
            ["Spazio di lavoro condiviso nei borghi", "Sfida: coworking nei borghi"],
        ),
        (
            CALL_FR,
            ["Besoin local", "Défi", "Solution proposée", "Pilote", "Résultats"],
            ["Espace de travail partagé dans les villages", "Défi : coworking dans les villages"],
        ),
    ):
        page.goto(url)
        trace = page.locator(".trace")
        assert [label.inner_text() for label in trace.locator(".trace-label").all()] == labels
        text = trace.inner_text()
        for item in [*expected, TITLE, "Postazioni prenotate", "24"]:
            assert item in text, (url, item)
        assert "80" in page.locator(".results-table").inner_text()
        no_violations(page)
        # Follow the chain to the pilot page: its timeline leads back to the need.
        trace.locator(".trace-pilot a").first.click()
        assert "Postazioni prenotate" in page.locator(".trace").inner_text()
        no_violations(page)
        page.locator(".trace-need a").first.click()
        assert page.locator(".trace-current").count() == 1
        no_violations(page)
