"""Sections shown one per step, conditions, and the grid, ranking and date questions: without
JavaScript (server-side steps), nothing stored before the last step, results per statement and
per option, and conditions the admin refuses when they point at nothing earlier."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone

from participation.models import SurveyFormField, SurveyPage
from tests.conftest import form_values as conftest_form_values
from tests.conftest import text_of
from tests.participation.surveys.conftest import URL
from tests.participation.surveys.test_survey_admin import staff

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def shown_step(soup) -> str:
    """The heading of the step the visitor sees (the first step has none)."""
    step = soup.select_one(".survey-step:not([hidden])")
    heading = step.select_one(".step-heading")
    return heading.get_text(strip=True) if heading else "(prima)"


def form_values(soup) -> dict:
    """What a browser would send from this page (every step's fields are in it)."""
    data = {}
    for tag in soup.select("form.survey-form [name]"):
        name = tag["name"]
        if tag.name == "select":
            selected = tag.select_one("option[selected]")
            if selected is not None and selected.get("value"):
                data[name] = selected["value"]
        elif tag.name == "textarea":
            if tag.get_text():
                data[name] = tag.get_text()
        elif tag.get("type") in {"radio", "checkbox"}:
            if tag.has_attr("checked"):
                data.setdefault(name, []).append(tag["value"])
        elif tag.get("type") != "submit" and tag.get("value"):
            data[name] = tag["value"]
    return data


def test_steps_work_without_javascript_and_keep_answers(client, sectioned):
    first = soup_of(client.get(URL))
    assert first.select_one(".step-indicator").get_text(strip=True) == "Passo 1 di 3"
    assert shown_step(first) == "(prima)"
    assert len(first.select(".survey-step[hidden]")) == 2

    missing = client.post(URL, form_values(first) | {"action": "next"})
    assert missing.status_code == 400
    assert "Questo campo è obbligatorio" in text_of(missing)
    assert shown_step(soup_of(missing)) == "(prima)"

    yes = client.post(URL, form_values(first) | {"da_casa": "0", "action": "next"})
    page = soup_of(yes)
    assert shown_step(page) == "Connessione"
    assert page.select_one(".step-indicator").get_text(strip=True) == "Passo 2 di 3"

    back = soup_of(client.post(URL, form_values(page) | {"action": "back"}))
    assert shown_step(back) == "(prima)"
    assert back.select_one('input[name="da_casa"][value="0"]').has_attr("checked")

    no = soup_of(client.post(URL, form_values(back) | {"da_casa": "1", "action": "next"}))
    assert shown_step(no) == "Servizi"  # the condition skips "Connessione"
    assert no.select_one(".step-indicator").get_text(strip=True) == "Passo 2 di 2"
    assert not sectioned.all_submissions().exists()  # nothing stored before the last step


def test_the_last_step_stores_one_answer_without_hidden_questions(client, sectioned):
    first = soup_of(client.get(URL))
    servizi = soup_of(client.post(URL, form_values(first) | {"da_casa": "1", "action": "next"}))
    answers = form_values(servizi) | {
        "rallenta": "typed before changing my mind",  # hidden by the condition: not kept
        "soddisfazione__0": "0",
        "soddisfazione__1": "2",
        "priorita__0": "2",
        "priorita__1": "1",
        "priorita__2": "2",
        "quando": "2019-05-01",
        "persone": "3",
        "action": "send",
    }
    twice = client.post(URL, answers)
    assert twice.status_code == 400
    assert "Ogni posizione può essere data a una sola opzione" in text_of(twice)
    assert shown_step(soup_of(twice)) == "Servizi"

    answers["priorita__2"] = "3"
    assert client.post(URL, answers).status_code == 200
    assert client.post(URL, answers).status_code == 200  # sent twice, stored once
    (stored,) = sectioned.all_submissions()
    assert stored.form_data == {
        "da_casa": "1",
        "soddisfazione": {"0": "0", "1": "2"},
        "priorita": ["1", "0", "2"],  # best first: Internet, Strade, Bus
        "quando": "2019-05-01",
        "persone": "3",
        "con_te": [],
    }


def test_a_required_question_behind_a_condition_is_required_only_when_shown(client, sectioned):
    first = soup_of(client.get(URL))
    connessione = soup_of(client.post(URL, form_values(first) | {"da_casa": "0", "action": "next"}))
    empty = client.post(URL, form_values(connessione) | {"action": "next"})
    assert empty.status_code == 400
    assert shown_step(soup_of(empty)) == "Connessione"


def answer(client, da_casa, grid, ranks, when):
    first = soup_of(client.get(URL))
    data = form_values(first) | {
        "da_casa": da_casa,
        "rallenta": "Il ripetitore",
        "soddisfazione__0": grid[0],
        "soddisfazione__1": grid[1],
        "quando": when,
        "persone": "2",
        "action": "send",
    }
    data |= {f"priorita__{i}": str(rank) for i, rank in enumerate(ranks)}
    assert client.post(URL, data).status_code == 200


def words(tag) -> str:
    return " ".join(tag.get_text().split())


def test_results_count_per_statement_per_option_and_per_month(client, sectioned):
    answer(client, "0", ("0", "1"), (1, 2, 3), "2020-01-10")
    answer(client, "1", ("0", "2"), (2, 1, 3), "2020-01-20")
    answer(client, "1", ("2", "2"), (1, 3, 2), "2021-06-01")
    client.force_login(staff("Editors"))
    soup = soup_of(client.get(f"/admin/surveys/{sectioned.translation_key}/results/"))

    grid = soup.find("h3", string="Quanto sei soddisfatto?").find_parent("section")
    table = {
        row.th.get_text(strip=True): [words(cell) for cell in row.select("td")]
        for row in grid.select("tbody tr")
    }
    assert table["Trasporti"] == ["2 (66,7%)", "0 (0,0%)", "1 (33,3%)", "3"]
    assert table["Sanità"] == ["0 (0,0%)", "1 (33,3%)", "2 (66,7%)", "3"]

    ranking = soup.find("h3", string="Metti in ordine").find_parent("section")
    order = [
        [row.th.get_text(strip=True)] + [words(cell) for cell in row("td")]
        for row in ranking.select("tbody tr")
    ]
    assert order == [
        ["Strade", "1,33", "2 (66,7%)"],
        ["Internet", "2,00", "1 (33,3%)"],
        ["Bus", "2,67", "0 (0,0%)"],
    ]
    months = soup.find("h3", string="Da quando vivi qui?").find_parent("section")
    assert {row.th.get_text(): row.td.get_text() for row in months.select("tbody tr")} == {
        "2020-01": "2",
        "2021-06": "1",
    }

    export = client.get(f"/admin/surveys/{sectioned.translation_key}/answers/", {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(export.getvalue().decode("utf-8-sig"))))
    by_date = {row["Da quando vivi qui?"]: row for row in rows}
    assert by_date["2020-01-10"]["Quanto sei soddisfatto? — Trasporti"] == "Soddisfatto"
    assert by_date["2020-01-10"]["Quanto sei soddisfatto? — Sanità"] == "Neutro"
    assert by_date["2020-01-10"]["Metti in ordine"] == "Strade > Internet > Bus"
    assert by_date["2020-01-20"]["Metti in ordine"] == "Internet > Strade > Bus"
    assert by_date["2020-01-20"]["Che cosa rallenta la connessione?"] == ""  # not shown


def edit_form(client, survey) -> tuple[BeautifulSoup, dict]:
    soup = soup_of(client.get(f"/admin/pages/{survey.pk}/edit/"))
    return soup, conftest_form_values(soup.select_one("form#page-edit-form"))


def question_prefix(data: dict, clean_label: str) -> str:
    for name, value in data.items():
        if name.endswith("-label") and value == clean_label:
            return name[: -len("label")]
    raise AssertionError(clean_label)


def test_the_admin_offers_earlier_answers_and_refuses_a_condition_on_a_later_question(
    client, sectioned
):
    client.force_login(staff("Editors"))
    soup, data = edit_form(client, sectioned)
    section = question_prefix(data, "Connessione")
    offered = [o.get_text() for o in soup.select(f'select[name="{section}show_when"] option')]
    assert "«Lavori da casa?» è «Sì»" in offered or "“Lavori da casa?” è “Sì”" in offered

    first = question_prefix(data, "Lavori da casa?")
    data[f"{first}ORDER"], data[f"{section}ORDER"] = data[f"{section}ORDER"], data[f"{first}ORDER"]
    moved = client.post(f"/admin/pages/{sectioned.pk}/edit/", data)
    assert moved.status_code == 200  # shown again with the message, not saved
    assert "dipende da una domanda che è stata eliminata o ora viene dopo" in text_of(moved)

    soup, data = edit_form(client, sectioned)
    data[f"{question_prefix(data, 'Lavori da casa?')}DELETE"] = "1"
    deleted = client.post(f"/admin/pages/{sectioned.pk}/edit/", data)
    assert "dipende da una domanda che è stata eliminata o ora viene dopo" in text_of(deleted)
    sectioned.refresh_from_db()
    assert sectioned.form_fields.count() == 9


def test_open_data_has_the_published_results_per_statement_and_option(client, sectioned):
    answer(client, "0", ("0", "1"), (1, 2, 3), "2020-01-10")
    answer(client, "1", ("0", "2"), (2, 1, 3), "2020-01-20")
    url = "/open-data/survey_results.csv"
    rows = list(csv.DictReader(io.StringIO(client.get(url).getvalue().decode("utf-8-sig"))))
    assert not [row for row in rows if row["survey"] == "Servizi e connessione"]  # still open

    SurveyPage.objects.filter(translation_key=sectioned.translation_key).update(
        results_published=True, closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    rows = list(csv.DictReader(io.StringIO(client.get(url).getvalue().decode("utf-8-sig"))))
    ours = [row for row in rows if row["survey"] == "Servizi e connessione"]
    grid = {
        (row["statement"], row["answer"]): row["count"]
        for row in ours
        if row["question_id"] == "soddisfazione"
    }
    assert grid[("Trasporti", "Soddisfatto")] == "2"
    assert grid[("Sanità", "Insoddisfatto")] == "1"
    ranking = [row for row in ours if row["question_id"] == "priorita"]
    assert [(row["answer"], row["average_rank"]) for row in ranking][0] == ("Strade", "1.5")
    assert not [row for row in ours if row["question_id"] == "rallenta"]  # free text: never


def test_steps_and_the_printable_form_do_not_grow_queries_with_questions(client, sectioned):
    from tests.conftest import count_queries

    few = [count_queries(client, URL)[0], count_queries(client, URL + "print/")[0]]
    for number in range(30):
        SurveyFormField.objects.create(
            page=sectioned,
            sort_order=100 + number,
            clean_name=f"extra_{number}",
            label=f"Domanda {number}",
            field_type="section" if number % 10 == 0 else "grid" if number % 3 else "radio",
            choices="Sì\nNo",
            rows="Uno\nDue",
            show_when="da_casa=0" if number % 5 == 0 else "",
        )
    many = [count_queries(client, URL)[0], count_queries(client, URL + "print/")[0]]
    assert few == many
    assert max(many) <= 30


def test_forged_steps_and_values_get_a_message_and_store_nothing(client, sectioned):
    first = soup_of(client.get(URL))
    for step in ("abc", "99", "-1"):
        response = client.post(URL, form_values(first) | {"step": step, "action": "next"})
        assert response.status_code == 400  # "da_casa" is missing: the first step again
        assert shown_step(soup_of(response)) == "(prima)"

    forged = form_values(first) | {
        "da_casa": "1",
        "soddisfazione__0": "7",  # no such point on the scale
        "soddisfazione__1": "0",
        "priorita__0": "-1",
        "priorita__1": "1",
        "priorita__2": "2",
        "persone": "3",
        "action": "whatever",  # anything but next or back sends
    }
    refused = client.post(URL, forged)
    assert refused.status_code == 400
    assert "Scegli un'opzione valida" in text_of(refused)
    assert shown_step(soup_of(refused)) == "Servizi"

    forged["soddisfazione__0"] = "0"
    forged["priorita__0"] = "3"
    without_token = {name: value for name, value in forged.items() if name != "submission_token"}
    assert client.post(URL, without_token).status_code == 400  # refused, never a server error

    broken = client.post(URL, forged | {"da_casa": "0", "rallenta": "testo\x00rotto"})
    assert broken.status_code == 400
    assert not sectioned.all_submissions().exists()


def answers_with_date(client, when: str) -> dict:
    first = soup_of(client.get(URL))
    servizi = soup_of(client.post(URL, form_values(first) | {"da_casa": "1", "action": "next"}))
    return form_values(servizi) | {
        "soddisfazione__0": "0",
        "soddisfazione__1": "2",
        "priorita__0": "1",
        "priorita__1": "2",
        "priorita__2": "3",
        "persone": "2",
        "quando": when,
        "action": "send",
    }


@pytest.mark.parametrize("when", ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01"])
def test_a_date_question_refuses_a_date_outside_a_sensible_window(client, sectioned, when):
    response = client.post(URL, answers_with_date(client, when))
    assert response.status_code == 400
    assert "Indica una data dal 1 gennaio 1900 al 31 dicembre 2100." in text_of(response)
    assert not sectioned.all_submissions().exists()
    picker = soup_of(response).select_one('input[name="quando"]')
    assert (picker["min"], picker["max"]) == ("1900-01-01", "2100-12-31")


def test_a_date_question_keeps_to_the_window_its_editor_set(client, sectioned):
    SurveyFormField.objects.filter(
        page__translation_key=sectioned.translation_key, clean_name="quando"
    ).update(earliest_date=datetime.date(1950, 1, 1), latest_date=datetime.date(2026, 12, 31))
    too_early = client.post(URL, answers_with_date(client, "1949-12-31"))
    assert too_early.status_code == 400
    assert "Indica una data dal 1 gennaio 1950 al 31 dicembre 2026." in text_of(too_early)
    assert client.post(URL, answers_with_date(client, "1950-01-01")).status_code == 200
    (stored,) = sectioned.all_submissions()
    assert stored.form_data["quando"] == "1950-01-01"


def test_the_editor_cannot_set_a_latest_date_before_the_earliest():
    question = SurveyFormField(
        clean_name="quando",
        field_type="date",
        label="Quando?",
        earliest_date=datetime.date(2020, 1, 1),
        latest_date=datetime.date(2019, 1, 1),
    )
    with pytest.raises(ValidationError) as refused:
        question.clean()
    assert "latest_date" in refused.value.message_dict
