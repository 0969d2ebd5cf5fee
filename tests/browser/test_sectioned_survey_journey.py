"""A survey in steps, built in the admin without code: a condition, "other, please specify", a
grid, a ranking, a number with limits and a date; translated into French; answered online in
Italian with JavaScript and in French without it, and on paper by a hub facilitator (who cannot
enter answers for another territory's hub); results, filters, cross-tab, export and open data
agree with what was answered; axe finds nothing on the new public pages."""

import csv
import io
import re
import urllib.request

import pytest

from tests.browser.conftest import (
    EDITOR_PASSWORD,
    log_in,
    manage_live,
    no_violations,
    save_in_editor,
)
from tests.browser.test_survey_editor_journey import (
    add_question,
    translate_into_french,
    type_rich_text,
)

pytestmark = pytest.mark.browser

TITLE = "Connessione in valle"
SLUG_FR = "connexion-dans-la-vallee"
FRENCH = {
    TITLE: "Connexion dans la vallée",
    "Tre passi sulla connessione.": "Trois étapes sur la connexion.",
    "Grazie!": "Merci !",
    "Lavori da casa?": "Travaillez-vous à domicile ?",
    "Sì": "Oui",
    "No": "Non",
    "La tua connessione": "Votre connexion",
    "Che cosa la rallenta?": "Qu'est-ce qui la ralentit ?",
    "Lentezza": "Lenteur",
    "Interruzioni": "Coupures",
    "Servizi": "Services",
    "Soddisfazione": "Satisfaction",
    "Buona": "Bonne",
    "Scarsa": "Faible",
    "Trasporti": "Transports",
    "Sanità": "Santé",
    "Priorità": "Priorités",
    "Strade": "Routes",
    "Internet": "Internet",
    "Bus": "Bus",
    "Persone in casa": "Personnes au foyer",
    "Da quando vivi qui?": "Depuis quand vivez-vous ici ?",
}
PUBLIC_IT = "/it/partecipa/connessione-in-valle/"
FOSSANO_HUB = "Hub locale DigiVillae – Fossano (CN)"  # the demo's, on the territory page
MONT_ROSE_HUB = "Hub locale DigiVillae – Pont-Saint-Martin (AO)"
PUBLIC_FR = f"/fr/participez/{SLUG_FR}/"


def build_survey(page) -> str:
    """Build the survey in the admin as an editor; returns its admin id."""
    page.goto("/admin/pages/search/?q=Partecipa")
    page.get_by_role("link", name="Partecipa").first.click()
    section_id = re.search(r"/admin/pages/(\d+)/", page.url).group(1)
    page.goto(f"/admin/pages/add/participation/surveypage/{section_id}/")
    page.locator("#id_title").fill(TITLE)
    type_rich_text(page, "introduction", "Tre passi sulla connessione.")
    page.locator("#id_opens_at").fill("2026-01-01 09:00")
    page.locator("#id_closes_at").fill("2035-12-31 18:00")
    add_question(page, 0, "Lavori da casa?", "radio", "Sì\nNo")
    add_question(page, 1, "La tua connessione", "section")
    add_question(page, 2, "Che cosa la rallenta?", "checkboxes", "Lentezza\nInterruzioni")
    page.locator("#id_form_fields-2-allow_other").check()
    add_question(page, 3, "Servizi", "section")
    add_question(page, 4, "Soddisfazione", "grid", "Buona\nScarsa")
    page.locator("#id_form_fields-4-rows").fill("Trasporti\nSanità")
    add_question(page, 5, "Priorità", "ranking", "Strade\nInternet\nBus")
    add_question(page, 6, "Persone in casa", "number")
    page.locator("#id_form_fields-6-minimum").fill("1")
    page.locator("#id_form_fields-6-maximum").fill("20")
    add_question(page, 7, "Da quando vivi qui?", "date")
    page.locator("#id_form_fields-7-required").uncheck()
    type_rich_text(page, "thank_you_text", "Grazie!")
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"), timeout=20_000)  # autosaved
    survey_id = re.search(r"/admin/pages/(\d+)/", page.url).group(1)

    # The condition lists the questions saved so far: save a draft, then choose it.
    save_in_editor(page, "draft")
    page.wait_for_load_state("networkidle")
    page.locator("#id_form_fields-1-show_when").select_option("lavori_da_casa=0")
    save_in_editor(page, "publish")
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    return survey_id


def answer_in_italian_with_javascript(page) -> None:
    page.goto(PUBLIC_IT)
    no_violations(page)
    assert page.locator(".step-indicator").inner_text() == "Passo 1 di 3"
    page.get_by_role("radio", name="Sì").check()
    url = page.url
    page.get_by_role("button", name="Avanti").click()
    assert page.locator(".step-indicator").inner_text() == "Passo 2 di 3"  # no page load
    assert page.url == url
    assert page.get_by_role("heading", name="La tua connessione").is_visible()
    page.get_by_role("checkbox", name="Lentezza").check()
    page.get_by_role("checkbox", name="Altro").check()
    page.get_by_label("Altro, specifica").fill("Il router del comune")
    page.get_by_role("button", name="Avanti").click()
    assert page.locator(".step-indicator").inner_text() == "Passo 3 di 3"
    no_violations(page)
    grid = page.get_by_role("group", name=re.compile("Soddisfazione"))
    grid.get_by_role("group", name="Trasporti").get_by_role("radio", name="Buona").check()
    grid.get_by_role("group", name="Sanità").get_by_role("radio", name="Scarsa").check()
    page.get_by_label("Strade").select_option("2")
    page.get_by_label("Internet").select_option("1")
    page.get_by_label("Bus").select_option("3")
    page.get_by_label("Persone in casa").fill("3")
    page.get_by_role("button", name="Indietro").click()  # back keeps the answers
    assert page.get_by_role("checkbox", name="Lentezza").is_checked()
    page.get_by_role("button", name="Avanti").click()
    assert page.get_by_label("Persone in casa").input_value() == "3"
    page.get_by_role("button", name="Invia le mie risposte").click()
    assert "Grazie!" in page.inner_text("main")


def answer_in_french_without_javascript(browser, live_site) -> None:
    context = browser.new_context(base_url=live_site, locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    page.goto(PUBLIC_FR)
    assert page.locator(".step-indicator").inner_text() == "Étape 1 sur 3"
    page.get_by_role("radio", name="Non").check()
    page.get_by_role("button", name="Suivant").click()  # a form post: the server decides
    assert page.locator(".step-indicator").inner_text() == "Étape 2 sur 2"
    assert page.get_by_role("heading", name="Services").is_visible()
    grid = page.get_by_role("group", name=re.compile("Satisfaction"))
    grid.get_by_role("group", name="Transports").get_by_role("radio", name="Faible").check()
    grid.get_by_role("group", name="Santé").get_by_role("radio", name="Faible").check()
    page.get_by_label("Routes").select_option("1")
    page.get_by_label("Internet").select_option("1")  # twice rank 1: refused, kept
    page.get_by_label("Bus").select_option("3")
    page.get_by_label("Personnes au foyer").fill("25")  # over the maximum
    page.get_by_role("button", name="Envoyer mes réponses").click()
    main = page.inner_text("main")
    assert "Chaque rang ne peut être donné qu’à une seule option." in main
    assert "inférieure ou égale à 20" in main
    page.get_by_label("Internet").select_option("2")
    page.get_by_label("Personnes au foyer").fill("2")
    page.get_by_role("button", name="Envoyer mes réponses").click()
    assert "Merci !" in page.inner_text("main")
    context.close()


def facilitator_enters_a_paper_answer(page) -> None:
    manage_live(
        "from django.contrib.auth.models import Group, User\n"
        "from participation.models import Facilitator\n"
        "from pilots.models import PilotTerritoryPage\n"
        "user = User.objects.create_user('hub-fossano', password='facilitator-test-only')\n"
        "user.groups.add(Group.objects.get(name='Hub facilitators'))\n"
        "territory = PilotTerritoryPage.objects.get(slug='fossanese', locale__language_code='it')\n"
        "Facilitator.objects.create(user=user, territory=territory)\n"
    )
    log_in(page, "hub-fossano", "facilitator-test-only")
    page.goto("/admin/surveys/entries/")
    row = page.locator("tr", has_text=TITLE)
    row.get_by_role("link", name=re.compile("Italiano")).click()
    page.wait_for_url(re.compile(r"/enter/it/$"))
    hubs = page.locator("select[name=hub] option").all_inner_texts()
    assert FOSSANO_HUB in hubs and MONT_ROSE_HUB not in hubs
    page.select_option("select[name=hub]", label=FOSSANO_HUB)
    page.select_option("select[name=channel]", value="paper")
    page.get_by_role("radio", name="Sì").check()
    page.get_by_role("checkbox", name="Interruzioni").check()
    grid = page.get_by_role("group", name=re.compile("Soddisfazione"))
    grid.get_by_role("group", name="Trasporti").get_by_role("radio", name="Scarsa").check()
    grid.get_by_role("group", name="Sanità").get_by_role("radio", name="Buona").check()
    page.get_by_label("Strade").select_option("1")
    page.get_by_label("Internet").select_option("2")
    page.get_by_label("Bus").select_option("3")
    page.get_by_label(re.compile("Persone in casa")).fill("4")
    page.get_by_role("button", name="Salva questa risposta").click()
    assert "salvata" in page.inner_text("main")

    # Another territory's hub, forced into the form, is refused with a message.
    hub_id = manage_live(
        "from pilots.models import LocalHub\n"
        f"print(LocalHub.objects.get(name='{MONT_ROSE_HUB}').translation_key)"
    ).strip()
    page.evaluate(
        "(id) => { const s = document.querySelector('select[name=hub]');"
        " s.add(new Option('x', id)); s.value = id; }",
        hub_id,
    )
    page.get_by_role("radio", name="No").check()
    for name in ("Trasporti", "Sanità"):
        grid.get_by_role("group", name=name).get_by_role("radio", name="Buona").check()
    page.get_by_label(re.compile("Persone in casa")).fill("1")
    page.get_by_role("button", name="Salva questa risposta").click()
    assert "Puoi inserire risposte solo per gli hub del tuo territorio." in page.inner_text("main")


def check_results(page, live_site) -> None:
    log_in(page, "editor", EDITOR_PASSWORD)
    page.goto("/admin/surveys/")
    page.locator("tr", has_text=TITLE).get_by_role("link", name=re.compile("^Risultati$")).click()
    results_url = page.url

    def answered(question: str) -> str:
        section = page.locator("section.result", has_text=question).first
        return section.locator("p").first.inner_text()

    assert answered("Lavori da casa?") == "3 risposte"
    assert answered("Che cosa la rallenta?") == "2 risposte"  # the French "Non" skipped it
    problems = page.locator("section.result", has_text="Che cosa la rallenta?")
    counts = {
        row.locator("th").inner_text(): row.locator("td").first.inner_text()
        for row in problems.locator("tbody tr").all()
    }
    assert counts == {"Lentezza": "1", "Interruzioni": "1", "Altro": "1"}
    assert "Il router del comune" in problems.inner_text()

    page.goto(results_url + "?channel=paper")
    assert answered("Lavori da casa?") == "1 risposta"
    page.goto(results_url + "?language=fr")
    assert answered("Lavori da casa?") == "1 risposta"

    page.goto(results_url + "?rows=lavori_da_casa&columns=che_cosa_la_rallenta")
    table = page.locator("table.crosstab")
    cells = {
        row.locator("th").inner_text(): row.locator("td").all_inner_texts()
        for row in table.locator("tbody tr").all()
    }
    assert cells["Sì"] == ["1", "1", "1", "3"]
    assert cells["No"] == ["0", "0", "0", "0"]

    ranking = page.locator("section.result", has_text="Priorità")
    first_row = ranking.locator("tbody tr").first
    assert first_row.locator("th").inner_text() == "Strade"  # average rank 1.33

    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    request = urllib.request.Request(  # noqa: S310 (loopback)
        results_url.replace("/results/", "/answers/") + "?export=csv",
        headers={"Cookie": f"sessionid={cookies['sessionid']}"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        rows = list(csv.DictReader(io.StringIO(response.read().decode("utf-8-sig"))))
    assert len(rows) == 3
    assert sorted(row["Priorità"] for row in rows) == [
        "Internet > Strade > Bus",
        "Strade > Internet > Bus",
        "Strade > Internet > Bus",
    ]
    assert sorted(row["Soddisfazione — Trasporti"] for row in rows) == ["Buona", "Scarsa", "Scarsa"]

    # Open data once the survey has closed and its results are public.
    manage_live(
        "import datetime\nfrom django.utils import timezone\n"
        "from participation.models import SurveyPage\n"
        f"SurveyPage.objects.filter(title='{TITLE}').update(results_published=True,"
        " closes_at=timezone.now() - datetime.timedelta(minutes=1))\n"
    )
    with urllib.request.urlopen(f"{live_site}/open-data/survey_results.csv", timeout=30) as r:  # noqa: S310
        data = list(csv.DictReader(io.StringIO(r.read().decode("utf-8-sig"))))
    ours = [row for row in data if row["survey"] == TITLE]
    grid = {(r["statement"], r["answer"]): r["count"] for r in ours if r["question_type"] == "grid"}
    assert grid[("Trasporti", "Scarsa")] == "2" and grid[("Sanità", "Buona")] == "1"
    page.goto(PUBLIC_IT)
    no_violations(page)
    page.goto(PUBLIC_IT + "print/")
    no_violations(page)


def test_sectioned_survey_from_admin_to_results(page, browser, live_site):
    log_in(page, "editor", EDITOR_PASSWORD)
    survey_id = build_survey(page)
    translate_into_french(page, survey_id, FRENCH, {"connessione-in-valle": SLUG_FR})
    answer_in_italian_with_javascript(page)
    answer_in_french_without_javascript(browser, live_site)
    facilitator_enters_a_paper_answer(page)
    check_results(page, live_site)
