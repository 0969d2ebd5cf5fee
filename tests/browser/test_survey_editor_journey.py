"""An editor builds a survey in the admin without code, translates it into French with
wagtail-localize's translation editor, and publishes both versions."""

import re

import pytest

from tests.browser.conftest import (
    EDITOR_PASSWORD,
    add_inline_form,
    log_in,
    save_in_editor,
    upload_french_translation,
)

pytestmark = pytest.mark.browser

FRENCH = {
    "Mobilità nei borghi": "Mobilité dans les villages",
    "Come ti muovi ogni giorno nel tuo comune?": "Comment vous déplacez-vous chaque jour ?",
    "Grazie per la risposta.": "Merci pour votre réponse.",
    "Il tuo comune": "Votre commune",
    "Mezzo principale": "Moyen principal",
    # Each choice is its own segment (participation.surveys.fields), never "A <br/>B <br/>C".
    "Auto": "Voiture",
    "Autobus": "Bus",
    "Bicicletta": "Vélo",
    "Soddisfazione per i trasporti": "Satisfaction pour les transports",
    "Ultimo viaggio in autobus": "Dernier trajet en bus",
    "Chilometri al giorno": "Kilomètres par jour",
}


def type_rich_text(page, field_name: str, text: str) -> None:
    editor = page.locator(f'[data-contentpath="{field_name}"] [role="textbox"]')
    editor.scroll_into_view_if_needed()
    editor.click()
    editor.press_sequentially(text)
    page.locator("#id_title").click()  # leaving the editor stores its content in the form
    page.wait_for_function(
        "([name, text]) => document.getElementById('id_' + name).value.includes(text)",
        arg=[field_name, text],
    )


def add_question(page, index: int, label: str, field_type: str, choices: str = "") -> None:
    add_inline_form(page, "form_fields", index, "label").fill(label)
    page.locator(f"#id_form_fields-{index}-field_type").select_option(field_type)
    if choices:
        page.locator(f"#id_form_fields-{index}-choices").fill(choices)


def translate_into_french(page, survey_id: str, french: dict, slugs: dict) -> None:
    """Translate the survey through a PO file (``french``; ``slugs`` for the slug), then
    publish the French version."""
    catalogue = upload_french_translation(
        page, survey_id, lambda msgid: slugs.get(msgid) or french.get(msgid, msgid)
    )
    assert not any("<br" in entry.msgid for entry in catalogue)  # one segment per choice
    page.locator("button", has_text=re.compile("Français")).first.click()
    page.wait_for_load_state("networkidle")


def test_editor_builds_translates_and_publishes_a_survey(page, live_site):
    log_in(page, "editor", EDITOR_PASSWORD)

    # Find the Italian surveys section and add a survey page under it.
    page.goto("/admin/pages/search/?q=Partecipa")
    page.get_by_role("link", name="Partecipa").first.click()
    section_id = re.search(r"/admin/pages/(\d+)/", page.url).group(1)
    page.goto(f"/admin/pages/add/participation/surveypage/{section_id}/")

    page.locator("#id_title").fill("Mobilità nei borghi")
    type_rich_text(page, "introduction", "Come ti muovi ogni giorno nel tuo comune?")
    page.locator("#id_opens_at").fill("2026-01-01 09:00")
    page.locator("#id_closes_at").fill("2035-12-31 18:00")
    add_question(page, 0, "Il tuo comune", "singleline")
    add_question(page, 1, "Mezzo principale", "radio", "Auto\nAutobus\nBicicletta")
    add_question(page, 2, "Soddisfazione per i trasporti", "rating")
    add_question(page, 3, "Ultimo viaggio in autobus", "date")
    add_question(page, 4, "Chilometri al giorno", "number")
    page.locator("#id_form_fields-3-required").uncheck()
    page.locator("#id_form_fields-4-required").uncheck()
    type_rich_text(page, "thank_you_text", "Grazie per la risposta.")
    assert (
        "Grazie per la risposta."
        in page.locator('[data-contentpath="thank_you_text"] [role="textbox"]').inner_text()
    )
    # Wagtail autosaves the new page as a draft; wait for it, as an editor sees "Saved".
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"), timeout=20_000)
    save_in_editor(page, "publish")
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))

    # The Italian survey is live and takes answers.
    page.goto("/it/partecipa/mobilita-nei-borghi/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mobilità nei borghi"
    assert page.get_by_role("radio", name="Bicicletta").count() == 1

    # Translate it with wagtail-localize: submit for French, then fill the PO file.
    page.goto("/admin/pages/search/?q=Mobilit%C3%A0")
    page.get_by_role("link", name="Mobilità nei borghi").first.click()
    survey_id = re.search(r"/admin/pages/(\d+)/", page.url).group(1)
    translate_into_french(
        page, survey_id, FRENCH, {"mobilita-nei-borghi": "mobilite-dans-les-villages"}
    )

    # French visitors see the translated survey; its answers share the Italian storage keys.
    page.goto("/fr/participez/mobilite-dans-les-villages/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mobilité dans les villages"
    page.get_by_label("Votre commune").fill("Genola")
    page.get_by_role("radio", name="Vélo").check()
    page.get_by_role("group", name="Satisfaction pour les transports").get_by_role(
        "radio", name="5"
    ).check()
    page.get_by_role("button", name="Envoyer mes réponses").click()
    assert "Merci pour votre réponse." in page.inner_text("main")

    page.goto("/it/partecipa/mobilita-nei-borghi/")
    page.get_by_label("Il tuo comune").fill("Trinità")
    page.get_by_role("radio", name="Bicicletta").check()
    page.get_by_role("group", name="Soddisfazione per i trasporti").get_by_role(
        "radio", name="4"
    ).check()
    page.get_by_role("button", name="Invia le mie risposte").click()
    assert "Grazie per la risposta." in page.inner_text("main")

    page.goto("/admin/surveys/")
    page.locator("tr", has_text="Mobilità nei borghi").get_by_role("link", name="Risultati").click()
    section = page.locator("section.result", has_text="Mezzo principale")
    bicycle = section.locator("table tbody tr", has_text="Bicicletta").locator("td").first
    assert bicycle.inner_text() == "2"  # "Vélo" and "Bicicletta" are one answer
