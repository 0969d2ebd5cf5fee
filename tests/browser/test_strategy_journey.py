"""A territory's plan, from its needs to its adoption, in the real admin and the real browser:
an editor builds it in the Italian admin from the needs register (evidence counted by itself),
links a call and a pilot, opens a consultation and submits it; an approver of another
territory cannot approve it, the territory's own approver does; adopted, it is translated into
French; the French page shows the register's figures, the consultation's results and the
adopted version, and the open data the same numbers."""

import json
import re
import urllib.request

import pytest

from tests.browser.conftest import LIVE, manage_live, no_violations, upload_french_translation

pytestmark = pytest.mark.browser
PASSWORD = "journey-Secret-123"  # noqa: S105 (throw-away accounts of a throw-away database)

SETUP = f"""
from django.contrib.auth.models import Group, User
from pilots.models import PilotTerritoryPage
from strategies.models import StrategyPage
from strategies.workflow import approvers_for
StrategyPage.objects.filter(slug__in=["liguria", "ligurie"]).delete()
def user(name, *groups):
    person = User.objects.create_user(name, password="{PASSWORD}")
    for group in groups:
        person.groups.add(group)
user("redattrice", Group.objects.get(name="Editors"))
user("traduttrice", Group.objects.get(name="Translators"))
for slug, name in (("liguria", "approva-liguria"), ("fossanese", "approva-fossano")):
    territory = PilotTerritoryPage.objects.get(locale__language_code="it", slug=slug)
    user(name, approvers_for(territory))
"""

OVERVIEW = """
from strategies.models import StrategiesIndexPage
print(StrategiesIndexPage.objects.get(locale__language_code="it").pk)
"""

PLAN = """
from strategies.models import StrategyPage
print(StrategyPage.objects.get(slug="strategia-dei-borghi-liguri", locale__language_code="it").pk)
"""

FRENCH_PLAN = """
from strategies.models import StrategyPage
plan = StrategyPage.objects.get(slug="strategia-dei-borghi-liguri", locale__language_code="it")
print(StrategyPage.objects.get(translation_key=plan.translation_key, locale__language_code="fr").pk)
"""

REGISTER = """
from participation.models import Need
need = Need.objects.get(locale__language_code="it", title="Spazio di lavoro condiviso nei borghi")
keys = Need.objects.filter(translation_key=need.translation_key).values("translation_key")
through = Need.source_answers.through.objects.filter(need__translation_key__in=keys)
print(len(set(through.values_list("surveysubmission_id", flat=True))))
"""

FRENCH = {
    "Strategia dei borghi liguri": "Stratégie des villages ligures",
    "Un piano per i borghi liguri, dai bisogni degli abitanti.": (
        "Un plan pour les villages ligures, à partir des besoins des habitants."
    ),
    "Lavorare nei borghi": "Travailler dans les villages",
    "Chi lavora a distanza resta se trova un luogo connesso.": (
        "Qui travaille à distance reste s'il trouve un lieu connecté."
    ),
    "Postazioni di coworking nel municipio": "Postes de coworking à la mairie",
    "Comune di Sassello": "Commune de Sassello",
}


def sign_in(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.get_by_label(re.compile("Nome utente|Username")).fill(username)
    page.get_by_label(re.compile("Password")).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Accedi|Sign in")).click()
    page.wait_for_url(re.compile(r"/admin/$"))


def choose(page, button, name: str, search: str = "") -> None:
    """Pick ``name`` in the chooser that ``button`` opens (searching for ``search`` first)."""
    button.click()
    modal = page.locator(".modal-dialog")
    modal.wait_for()
    page.wait_for_load_state("networkidle")
    if search:
        modal.locator("#id_q").fill(search)
        modal.get_by_role("link", name=name, exact=True).first.wait_for()
    modal.get_by_role("link", name=name, exact=True).first.click()
    modal.wait_for(state="hidden")


def add_item(page, scope, list_name: str):
    scope.locator(f'[data-contentpath="{list_name}"] .c-sf-add-button').first.click()
    page.wait_for_timeout(300)


def fill_date(page, selector: str, value: str) -> None:
    page.locator(selector).fill(value)
    page.keyboard.press("Escape")  # the date picker's calendar would cover the next field


def submit_for_approval(page) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1_000)  # let the autosave settle, as an editor waits for "Saved"
    page.get_by_role("button", name=re.compile("Altre azioni|More actions")).click()
    page.get_by_role("button", name=re.compile("^Invia a")).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/(edit/)?$"))


def approve(page, plan_id: str) -> None:
    page.goto(f"/admin/pages/{plan_id}/edit/")
    page.get_by_role("button", name=re.compile("Altre azioni|More actions")).click()
    page.get_by_role("button", name=re.compile("^Approva e pubblica$", re.IGNORECASE)).click()
    page.wait_for_load_state("networkidle")


def counts_on(page) -> list[int]:
    return [
        int(text.split()[0])
        for text in page.locator("section.priority .people-counts li").all_inner_texts()
    ]


def test_a_plan_from_needs_to_adoption_in_the_admin_and_in_public(page, live_site):
    manage_live(SETUP)

    # The editor builds the plan in the Italian admin.
    sign_in(page, "redattrice")
    overview_id = manage_live(OVERVIEW).strip().splitlines()[-1]
    page.goto(f"/admin/pages/add/strategies/strategypage/{overview_id}/")
    page.locator("#id_title").fill("Strategia dei borghi liguri")
    choose(
        page,
        page.get_by_role("button", name=re.compile(r"Scegli una pagina \(Pagina territorio")),
        "Comuni soci di ANCI Liguria",
        search="Liguria",
    )
    page.locator("#id_summary").fill("Un piano per i borghi liguri, dai bisogni degli abitanti.")
    page.locator('[data-contentpath="priorities"] .c-sf-add-button').first.click()
    page.locator("#priorities-0-value-title").fill("Lavorare nei borghi")
    page.locator("#priorities-0-value-why").fill(
        "Chi lavora a distanza resta se trova un luogo connesso."
    )
    priority = page.locator('[data-contentpath="priorities"]').first
    choose(
        page,
        priority.locator('[data-contentpath="theme"] button', has_text="Scegli").first,
        "Lavoro, coworking e smart working",
    )
    add_item(page, priority, "needs")
    choose(
        page,
        priority.locator('[data-contentpath="needs"] button', has_text="Scegli").first,
        "Spazio di lavoro condiviso nei borghi",
    )
    page.locator("[name='priorities-0-value-cited_result']").select_option(
        label="Useresti uno spazio di coworking vicino a casa?"
    )
    add_item(page, priority, "actions")
    action = "priorities-0-value-actions-0-value"
    page.locator(f"[name='{action}-title']").fill("Postazioni di coworking nel municipio")
    page.locator(f"[name='{action}-lead_name']").fill("Comune di Sassello")
    fill_date(page, f"[name='{action}-starts_on']", "2027-01-10")
    page.locator(f"[name='{action}-budget']").fill("15000")
    page.locator(f"[name='{action}-status']").select_option("in_progress")
    actions = priority.locator('[data-contentpath="actions"]').first
    add_item(page, actions, "calls")
    choose(
        page,
        actions.locator('[data-contentpath="calls"] button', has_text="Scegli").first,
        "Sfida: coworking nei borghi",
        search="coworking",
    )
    add_item(page, actions, "pilots")
    choose(
        page,
        actions.locator('[data-contentpath="pilots"] button', has_text="Scegli").first,
        "Pilota: sportello itinerante nelle valli del Monte Rosa",
        search="sportello",
    )
    page.locator("#id_stage").select_option("consultation")
    fill_date(page, "#id_consultation_opens", "2026-11-20")
    fill_date(page, "#id_consultation_closes", "2027-01-31")
    choose(
        page,
        page.locator('[data-contentpath="consultation_survey"] button', has_text="Scegli").first,
        "Spazi di coworking: li useresti?",
        search="coworking",
    )
    # An editor may not publish a plan: only submit it to its territory's approvers.
    page.get_by_role("button", name=re.compile("Altre azioni|More actions")).click()
    assert not page.get_by_role("button", name=re.compile("^Pubblica$")).count()
    page.keyboard.press("Escape")
    submit_for_approval(page)
    plan_id = manage_live(PLAN).strip().splitlines()[-1]
    page.goto("/admin/")
    assert "Strategia dei borghi liguri" in page.locator("#strategies-heading + table").inner_text()

    # An approver of another territory cannot approve it.
    sign_in(page, "approva-fossano")
    page.goto(f"/admin/pages/{plan_id}/edit/")
    editor = page.content()
    assert "Approva e pubblica" not in editor and 'name="action-publish"' not in editor
    assert (
        "Strategia dei borghi liguri"
        not in urllib.request.urlopen(  # noqa: S310
            f"{live_site}/it/strategie/"
        )
        .read()
        .decode()
    )

    # The territory's own approver does: the plan is public, in consultation.
    sign_in(page, "approva-liguria")
    approve(page, plan_id)
    page.goto("/it/strategie/strategia-dei-borghi-liguri/")
    assert page.get_by_role("heading", level=1).inner_text() == "Strategia dei borghi liguri"
    italian_counts = counts_on(page)
    register_answers = int(manage_live(REGISTER).strip().splitlines()[-1])
    assert italian_counts[0] == register_answers > 0
    assert page.locator(".consultation-results .result").count() >= 1
    assert page.locator(".cited-result table").count() == 1
    no_violations(page)

    # Adopted: the editor records the decision, the approver approves again.
    sign_in(page, "redattrice")
    page.goto(f"/admin/pages/{plan_id}/edit/")
    page.locator("#id_stage").select_option("adopted")
    fill_date(page, "#id_adopted_on", "2026-12-04")
    page.locator("#id_decision_reference").fill("Delibera n. 40 del 04/12/2026")
    submit_for_approval(page)
    sign_in(page, "approva-liguria")
    approve(page, plan_id)
    page.goto("/it/strategie/strategia-dei-borghi-liguri/")
    assert page.locator(".versions li").count() == 1

    # The translator translates it into French; the approver publishes the translation.
    sign_in(page, "traduttrice")
    translate(page, plan_id)
    sign_in(page, "approva-liguria")
    french_id = manage_live(FRENCH_PLAN).strip().splitlines()[-1]
    page.goto(f"/admin/pages/{french_id}/edit/")
    page.wait_for_load_state("networkidle")
    page.locator("button", has_text=re.compile("Pubblica in|Publish in")).first.click()
    page.wait_for_load_state("networkidle")

    page.goto("/fr/strategies/strategie-des-villages-ligures/")
    assert page.get_by_role("heading", level=1).inner_text() == "Stratégie des villages ligures"
    assert counts_on(page) == italian_counts
    assert page.locator(".consultation-results .result").count() >= 1
    assert "Version 1" in page.locator(".versions").inner_text()
    assert "Délibération" in page.inner_text("main") or "Delibera n. 40" in page.inner_text("main")
    no_violations(page)

    data = json.loads(
        urllib.request.urlopen(  # noqa: S310 (the live test server)
            f"{live_site}/open-data/digivillae.json?language=fr"
        ).read()
    )
    [row] = [
        r for r in data["strategy_priorities"] if r["strategy"] == "Stratégie des villages ligures"
    ]
    assert [row["survey_answers"], row["workshop_participants"], row["supports"]] == italian_counts
    assert row["version"] == 1 and row["stage"] == "adopted"
    LIVE["plan_id"] = plan_id


def translate(page, plan_id: str) -> None:
    """The translator submits the plan for French and uploads the translated PO file."""
    slugs = {"strategia-dei-borghi-liguri": "strategie-des-villages-ligures"}
    upload_french_translation(
        page, plan_id, lambda msgid: slugs.get(msgid) or FRENCH.get(msgid, msgid)
    )
