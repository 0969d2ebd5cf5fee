"""“Copy as a new survey”: questions, sections, conditions and translations are copied, answers
are not, and the copy's translations stay synchronised with its source."""

import pytest
from bs4 import BeautifulSoup

from participation.models import SurveyPage
from tests.conftest import form_values, page_in
from tests.participation.surveys.test_survey_admin import staff

pytestmark = pytest.mark.django_db


def copy_through_admin(client, survey, title: str) -> SurveyPage:
    client.force_login(staff("Editors"))
    url = f"/admin/surveys/{survey.translation_key}/copy/"
    form = BeautifulSoup(client.get(url).content, "html.parser").select_one("form[novalidate]")
    response = client.post(url, form_values(form) | {"title": title})
    assert response.status_code == 302
    return SurveyPage.objects.get(title=title, locale=survey.locale)


def labels(survey) -> list[str]:
    return [field.label for field in survey.form_fields.all()]


def test_a_copy_has_the_questions_and_translations_without_the_answers(client, needs_survey):
    assert needs_survey.all_submissions().exists()
    copy = copy_through_admin(client, needs_survey, "Bisogni della Valle Maira")
    assert not copy.live and not copy.all_submissions().exists()
    assert labels(copy) == labels(needs_survey)

    french_original = page_in(SurveyPage, "fr", slug="besoins-du-territoire")
    french_copy = copy.get_translation(french_original.locale)
    assert not french_copy.live
    assert labels(french_copy) == labels(french_original)  # the translators' words, kept
    assert [f.clean_name for f in french_copy.form_fields.all()] == [
        f.clean_name for f in copy.form_fields.all()
    ]
    assert french_copy.translation_key == copy.translation_key


def test_a_copy_keeps_sections_and_conditions(client, sectioned):
    copy = copy_through_admin(client, sectioned, "Servizi e connessione a Pigna")
    conditions = {f.clean_name: f.show_when for f in copy.form_fields.all() if f.show_when}
    assert conditions == {"s_connessione": "da_casa=0"}
    assert [f.field_type for f in copy.form_fields.all()] == [
        f.field_type for f in sectioned.form_fields.all()
    ]
