"""A new territory in an afternoon, in the real admin and the real browser: an administrator
working in the French admin adds it with one form; its survey opens in French and Italian; its
new hub facilitator can edit its pages and no other territory's; the checklist on the admin home
shrinks as the territory's details are filled in."""

import re

import pytest

from tests.browser.conftest import manage_live, no_violations

pytestmark = pytest.mark.browser
PASSWORD = "journey-Secret-123"  # noqa: S105 (throw-away accounts of a throw-away database)

SETUP = f"""
from django.contrib.auth.models import User
from wagtail.users.models import UserProfile
person = User.objects.create_superuser("administratrice", "admin@example.org", "{PASSWORD}")
profile = UserProfile.get_for_user(person)
profile.preferred_language = "fr"
profile.save()
from participation.models import SurveyPage
from partners.models import PartnerPage
survey = SurveyPage.objects.get(locale__language_code="it", slug="bisogni-del-territorio")
partner = PartnerPage.objects.get(locale__language_code="it", slug="aktantis")
from wagtail.models import Locale
fr = Locale.objects.get(language_code="fr")
print(survey.get_translation(fr).title)
print(partner.get_translation(fr).title)
"""

FACILITATOR = f"""
from django.contrib.auth.models import User
from pilots.models import PilotTerritoryPage
from replication.models import OnboardedTerritory
record = OnboardedTerritory.objects.get(territory__slug="ubaye")
person = User.objects.create_user("animatrice", password="{PASSWORD}")
person.groups.add(record.facilitators)
print(record.facilitators.name)
for language in ("fr", "it"):
    print(PilotTerritoryPage.objects.get(
        locale__language_code=language, translation_key=record.territory.translation_key
    ).pk)
print(PilotTerritoryPage.objects.get(locale__language_code="it", slug="fossanese").pk)
"""

SURVEYS = """
from participation.models import SurveyPage
from replication.models import OnboardedTerritory
record = OnboardedTerritory.objects.get(territory__slug="ubaye")
for survey in SurveyPage.objects.filter(translation_key=record.survey.translation_key):
    print(survey.locale.language_code, survey.live, survey.get_url())
"""


def sign_in(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def checklist(page) -> list[str]:
    page.goto("/admin/")
    panel = page.locator(".territory-checklist")
    if not panel.count():
        return []
    # The newest territory comes first.
    assert page.locator("#checklist-heading ~ h3").first.inner_text() == "Vallée de l'Ubaye"
    return panel.first.locator("li").all_inner_texts()


def test_an_administrator_adds_a_territory_and_its_people_take_it_from_there(page, live_site):
    survey_title, partner_title = manage_live(SETUP).strip().splitlines()[-2:]

    # The administrator works in French: the menu leads to the form, in French.
    sign_in(page, "administratrice")
    page.get_by_role("link", name="Nouveau territoire").click()
    page.wait_for_url(re.compile(r"/admin/territories/new/$"))
    assert page.get_by_role("heading", name="Nouveau territoire").count()
    no_violations(page)

    # A mistake first: nothing is created and the form says what to correct, in French.
    with page.expect_navigation():
        page.get_by_role("button", name="Ajouter le territoire").click()
    assert page.get_by_text("Champ requis.").first.is_visible()
    assert page.locator("#id_name").get_attribute("aria-invalid") == "true"

    page.locator("#id_name").fill("Vallée de l'Ubaye")
    page.locator("#id_slug").fill("ubaye")
    page.locator("#id_region").fill("Alpes-de-Haute-Provence")
    page.locator("#id_municipalities").fill("Barcelonnette\nJausiers\nLa Condamine-Châtelard")
    page.locator("#id_population").fill("4300")
    page.locator("#id_partner").select_option(label=partner_title)
    page.locator("input[name=languages][value=fr]").check()
    page.locator("input[name=languages][value=it]").check()
    page.locator("#id_hub_name").fill("Pôle de l'Ubaye")
    page.locator("#id_hub_address").fill("Place Manuel, 04400 Barcelonnette")
    page.locator("#id_survey").select_option(label=survey_title)
    page.get_by_role("button", name="Ajouter le territoire").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    assert "ajouté" in page.locator(".messages").inner_text()

    # What is left to fill is listed on the home, in French.
    left = checklist(page)
    assert "Les horaires d'ouverture du pôle local" in left, left
    assert len(left) >= 2

    # The survey is open in French and in Italian.
    surveys = {
        line.split()[0]: line.split()[1:]
        for line in manage_live(SURVEYS).strip().splitlines()
        if line[:3] in ("fr ", "it ")
    }
    assert set(surveys) == {"fr", "it"}
    for language, (live, url) in surveys.items():
        assert live == "True"
        page.goto(url)
        assert page.locator("form.survey-form, form[method=post]").first.is_visible()
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("button[type=submit]").first.is_enabled()
    page.goto(surveys["it"][1])
    assert page.get_by_role("heading", level=1).inner_text()

    # Its new facilitator can edit its pages, and not another territory's.
    lines = manage_live(FACILITATOR).strip().splitlines()
    group, french_id, italian_id, other_id = lines[-4:]
    assert group.startswith("Animateurs des pôles")
    sign_in(page, "animatrice")
    for territory_id in (french_id, italian_id):
        response = page.goto(f"/admin/pages/{territory_id}/edit/")
        assert response.ok
        assert page.url.endswith(f"/admin/pages/{territory_id}/edit/")
        # The source language in the page editor, the other in the translation editor.
        assert page.get_by_text("Vallée de l'Ubaye").first.is_visible()
        if page.locator("#id_title").count():
            page.locator("#id_region").fill("Alpes-de-Haute-Provence (Ubaye)")
            page.wait_for_load_state("networkidle")
            page.get_by_role("button", name=re.compile("^Salva bozza$")).click()
            page.wait_for_load_state("networkidle")
            assert page.locator(".messages").get_by_text("Vallée de l'Ubaye").count()
    page.goto(f"/admin/pages/{other_id}/edit/")
    assert not page.locator("#id_title").count()
    assert not re.search(rf"/admin/pages/{other_id}/edit/$", page.url), page.url

    # The administrator fills in the hub's opening hours from the checklist: it shrinks.
    sign_in(page, "administratrice")
    before = checklist(page)
    page.locator(".territory-checklist").first.get_by_role(
        "link", name="Les horaires d'ouverture du pôle local"
    ).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.get_by_label("Horaires d'ouverture").first.fill("Mardi et jeudi, 9 h – 12 h")
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name=re.compile("Plus d'actions|More actions")).click()
    page.get_by_role("button", name=re.compile("^Publier$")).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/(edit/)?$"))
    after = checklist(page)
    assert "Les horaires d'ouverture du pôle local" not in after
    assert len(after) == len(before) - 1, (before, after)
