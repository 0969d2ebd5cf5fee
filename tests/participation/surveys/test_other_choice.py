"""“Other, please specify” on single and multiple choice questions: the box follows its
question, "Other" needs its words, answers from both languages count together, and editors see
the words in the results and the exports."""

import csv
import io

import pytest
from bs4 import BeautifulSoup

from participation.models import SurveyFormField
from tests.conftest import text_of
from tests.participation.conftest import valid_answers
from tests.participation.surveys.test_survey_admin import staff
from tests.participation.surveys.test_surveys import FR_URL, IT_URL

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_other(open_survey):
    keys = open_survey.form_fields.filter(
        clean_name__in=["respondent_type", "priority_themes"]
    ).values("translation_key")
    SurveyFormField.objects.filter(translation_key__in=keys).update(allow_other=True)
    return open_survey


def test_the_box_follows_its_question_in_the_visitors_language(client, with_other):
    soup = BeautifulSoup(client.get(FR_URL).content, "html.parser")
    names = [tag["name"] for tag in soup.select("form [name]") if tag.get("type") != "hidden"]
    position = names.index("respondent_type__other")
    assert names[position - 1] == "respondent_type"
    assert soup.find("label", string=lambda s: s and s.strip() == "Autre, précisez")
    assert soup.select_one('input[name="respondent_type"][value="other"]')


def test_other_needs_its_words_and_both_languages_count_together(client, with_other):
    missing = valid_answers(client, FR_URL, "fr") | {"respondent_type": "other"}
    refused = client.post(FR_URL, missing)
    assert refused.status_code == 400
    assert "Précisez ce que recouvre « Autre »" in text_of(refused)
    assert not with_other.all_submissions().exists()

    french = valid_answers(client, FR_URL, "fr") | {
        "respondent_type": "other",
        "respondent_type__other": "Pro Loco",
        "priority_themes": ["0", "other"],
        "priority_themes__other": "Sentieri",
    }
    italian = valid_answers(client, IT_URL, "it") | {
        "respondent_type": "other",
        "respondent_type__other": "Parrocchia",
    }
    not_chosen = valid_answers(client, IT_URL, "it") | {"respondent_type__other": "ignorato"}
    for url, data in ((FR_URL, french), (IT_URL, italian), (IT_URL, not_chosen)):
        assert client.post(url, data).status_code == 200
    stored = [submission.form_data for submission in with_other.all_submissions()]
    assert sorted(data["respondent_type__other"] for data in stored) == [
        "",
        "Parrocchia",
        "Pro Loco",
    ]

    client.force_login(staff("Editors"))
    soup = BeautifulSoup(
        client.get(f"/admin/surveys/{with_other.translation_key}/results/").content, "html.parser"
    )
    section = soup.find("h3", string="Rispondi come…").find_parent("section")
    counts = {row.th.get_text(): row.td.get_text() for row in section.select("tbody tr")}
    assert counts["Altro"] == "2"
    assert {li.get_text() for li in section.select(".other-texts li")} == {"Pro Loco", "Parrocchia"}
    themes = soup.find("h3", string=lambda s: s and "tem" in s.lower()).find_parent("section")
    theme_counts = {row.th.get_text(): row.td.get_text() for row in themes.select("tbody tr")}
    assert theme_counts["Altro"] == "1"  # each option counted, not each combination

    export = client.get(f"/admin/surveys/{with_other.translation_key}/answers/", {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(export.getvalue().decode("utf-8-sig"))))
    assert {row["Rispondi come… — altro"] for row in rows} == {"", "Parrocchia", "Pro Loco"}
