import csv
import io
import re

import pytest

from tests.browser.conftest import EDITOR_PASSWORD

pytestmark = pytest.mark.browser
ORIGINAL = re.compile(r"Di che cosa ha bisogno il tuo comune\?(?!\s*—)")
IT_SURVEY = "/it/partecipa/bisogni-del-territorio/"
FR_SURVEY = "/fr/participez/besoins-du-territoire/"


def fill_survey(page, territory, role, theme, frequency, need):
    page.get_by_label(re.compile("^(Il tuo territorio|Votre territoire)")).select_option(
        label=territory
    )
    page.get_by_role("radio", name=role).check()
    page.get_by_role("checkbox", name=theme).check()
    page.get_by_role("group", name=re.compile("internet")).get_by_role("radio", name="4").check()
    page.get_by_label(re.compile("^(Quanto spesso|À quelle fréquence)")).select_option(
        label=frequency
    )
    page.get_by_label(re.compile("^(Descrivi|Décrivez)")).fill(need)


def test_two_visitors_answer_in_two_languages_and_the_editor_sees_both(page, live_site):
    # An Italian resident answers.
    page.goto(IT_SURVEY)
    fill_survey(
        page,
        "Unione del Fossanese",
        "Residente",
        "Mobilità e trasporti",
        "Ogni mese",
        "Un bus anche la domenica",
    )
    page.get_by_role("button", name="Invia le mie risposte").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Grazie!"

    # A French resident makes two mistakes, reads why, fixes them and answers.
    page.goto(FR_SURVEY)
    page.get_by_role("radio", name="Habitant").check()
    page.get_by_label(re.compile("^E-mail")).fill("pas-une-adresse")
    page.get_by_role("button", name="Envoyer mes réponses").click()
    summary = page.locator(".error-summary")
    assert "Veuillez corriger les réponses signalées ci-dessous." in summary.inner_text()
    assert "Votre territoire: Champ requis." in summary.inner_text()
    assert "Saisissez une adresse de courriel valide." in summary.inner_text()
    fill_survey(
        page,
        "Unione del Fossanese",
        "Habitant",
        "Mobilité et transports",
        "Chaque mois",
        "Une navette le dimanche",
    )
    page.get_by_label(re.compile("^E-mail")).fill("")
    page.get_by_role("button", name="Envoyer mes réponses").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Merci !"

    # The editor logs in and finds both answers counted together.
    page.goto("/admin/login/")
    page.get_by_label(re.compile("Nome utente|Username")).fill("editor")
    page.get_by_label(re.compile("Password")).fill(EDITOR_PASSWORD)
    page.get_by_role("button", name=re.compile("Accedi|Sign in")).click()
    page.goto("/admin/surveys/")
    # The survey itself, not the copies made for territories that joined ("… — Seyne").
    row = page.locator("tr", has_text=ORIGINAL)
    row.get_by_role("link", name="Risultati").click()
    section = page.locator("section.result", has_text="Rispondi come…")
    residents = section.locator("table tbody tr", has_text="Residente").locator("td").first
    total = int(residents.inner_text())
    assert total >= 2
    free_texts = page.locator(".free-texts").inner_text()
    assert "Un bus anche la domenica" in free_texts and "Une navette le dimanche" in free_texts

    page.select_option("#id_language", "fr")
    page.get_by_role("button", name="Filtra").click()
    french_only = page.locator(".free-texts").inner_text()
    assert "Une navette le dimanche" in french_only
    assert "Un bus anche la domenica" not in french_only

    page.goto("/admin/surveys/")
    page.locator("tr", has_text=ORIGINAL).get_by_role("link", name="Risposte").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Scarica CSV").click()
    content = open(download_info.value.path(), encoding="utf-8-sig").read()  # noqa: SIM115
    rows = list(csv.reader(io.StringIO(content)))
    needs_column = rows[0].index("Descrivi il bisogno più importante per te")
    answers = {row[needs_column] for row in rows[1:]}
    assert {"Un bus anche la domenica", "Une navette le dimanche"} <= answers
    languages = {row[1] for row in rows[1:]}
    assert {"Italiano", "Français"} <= languages
