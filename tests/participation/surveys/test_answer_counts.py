"""The answer counts kept on write (``participation.surveys.tallies``) equal a plain count of
the stored answers: after online answers in two languages, hub entries, a facilitator's change
and a deletion; results, filters and the cross-tabulation read them without loading answers."""

from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation.models import SurveySubmission
from participation.surveys import tallies
from participation.surveys.results import summarise
from tests.participation.conftest import grow_answers
from tests.participation.surveys.test_hub_entry import (
    ANSWERS,
    entry_data,
    entry_url,
    facilitator,
    hubs,  # noqa: F401 (a fixture)
)
from tests.participation.surveys.test_survey_admin import staff

pytestmark = pytest.mark.django_db


def plain_count(survey, key: str) -> Counter:
    """How many answers gave each value to ``key``, read answer by answer (lists spread out,
    a grid per statement, a ranking per rank)."""
    counted = Counter()
    for data in survey.all_submissions().values_list("form_data", flat=True):
        value = data.get(key)
        if isinstance(value, dict):
            counted.update((statement, str(choice)) for statement, choice in value.items())
        elif isinstance(value, list):
            counted.update(str(item) for item in value)
        elif value not in (None, ""):
            counted[str(value)] += 1
    return counted


def kept_count(survey, key: str, field_type: str) -> Counter:
    counts = tallies.read(survey)
    if field_type == "grid":
        return Counter(
            {
                (part, value): n
                for (question, part), values in counts.table.items()
                if question == key and part != tallies.EVERY
                for value, n in values.items()
            }
        )
    if field_type == "ranking":  # every rank together: how often each option was ranked
        return sum(
            (
                Counter(values)
                for (question, part), values in counts.table.items()
                if question == key and part != tallies.EVERY
            ),
            Counter(),
        )
    return Counter(counts.of(key))


def assert_counts_match_the_answers(survey):
    fields = tallies.counted_fields(survey.get_form_fields())
    assert fields
    counts = tallies.read(survey)
    for key, field_type in fields.items():
        answered = sum(
            1
            for data in survey.all_submissions().values_list("form_data", flat=True)
            if data.get(key) not in (None, "", [], {})
        )
        assert counts.answered(key) == answered, key
        if field_type in tallies.COUNTED_TYPES:  # free text: only how many answered
            assert kept_count(survey, key, field_type) == plain_count(survey, key), key
    assert tallies.read(survey).answers == survey.all_submissions().count()
    kept = sorted(tallies.counts_of(survey).filter(count__gt=0).values_list(*tallies.KEY, "count"))
    tallies.recount(survey)
    assert sorted(tallies.counts_of(survey).values_list(*tallies.KEY, "count")) == kept


def test_the_demo_surveys_counts_equal_a_plain_count(needs_survey):
    assert needs_survey.all_submissions().count() > 10
    assert_counts_match_the_answers(needs_survey)
    results = {r.key: r for r in summarise(needs_survey, tallies.read(needs_survey), public=True)}
    chosen = plain_count(needs_survey, "territory")
    assert sum(option.count for option in results["territory"].options) == sum(chosen.values())


def test_entries_changes_and_deletions_move_the_counts(client, sectioned, hubs):  # noqa: F811
    client.force_login(facilitator("conta", hubs["fossano"], hubs["bene"]))
    for hub, da_casa, con_te in (("fossano", "0", ["0", "1"]), ("bene", "1", ["1"])):
        answers = ANSWERS | {"da_casa": da_casa, "con_te": con_te}
        client.post(entry_url(sectioned), entry_data(client, sectioned, hubs[hub], **answers))
    assert_counts_match_the_answers(sectioned)

    entry = SurveySubmission.objects.filter(page=sectioned).earliest("pk")
    changed = {"hub": str(hubs["bene"].translation_key), "channel": "phone"}
    changed["collected_on"] = entry.collected_on.isoformat()
    changed |= {f"q-{name}": value for name, value in ANSWERS.items()} | {"q-da_casa": "1"}
    assert client.post(f"/admin/surveys/entries/{entry.pk}/", changed).status_code == 302
    assert tallies.read(sectioned).of("da_casa") == {"1": 2}
    assert_counts_match_the_answers(sectioned)

    SurveySubmission.objects.filter(pk=entry.pk).delete()
    assert tallies.read(sectioned).of("da_casa") == {"1": 1}
    assert_counts_match_the_answers(sectioned)


def test_results_read_a_few_count_rows_however_many_answers(client, needs_survey):
    client.force_login(staff("Editors"))
    url = f"/admin/surveys/{needs_survey.translation_key}/results/"
    query = {"language": "it", "rows": "territory", "columns": "priority_themes"}

    def queries_for_results() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, query).status_code == 200
        return len(queries)

    few = queries_for_results()
    grow_answers(needs_survey, 400)
    assert queries_for_results() == few
    assert_counts_match_the_answers(needs_survey)
    # No query reads every answer's data: only the cross-tabulation groups them in the database.
    with CaptureQueriesContext(connection) as queries:
        client.get(url, query)
    reading_answers = [
        q["sql"] for q in queries if "form_data" in q["sql"] and "GROUP BY" not in q["sql"]
    ]
    assert all("LIMIT" in sql for sql in reading_answers), reading_answers


def test_a_dated_cross_tabulation_counts_the_same_answers(client, needs_survey):
    """Pairs are counted for all days together; with a date filter the cross-tabulation groups
    the answers of those days in the database instead, and finds the same."""

    client.force_login(staff("Editors"))
    url = f"/admin/surveys/{needs_survey.translation_key}/results/"
    query = {"rows": "territory", "columns": "priority_themes"}

    def cells(**filters) -> list[list[str]]:
        soup = BeautifulSoup(client.get(url, {**query, **filters}).content, "html.parser")
        table = soup.select_one("table.crosstab")
        return [[td.get_text() for td in row.select("td")] for row in table.select("tbody tr")]

    everything = cells()
    assert any(cell != "0" for row in everything for cell in row)
    assert cells(date_from="2000-01-01", date_to="2100-12-31") == everything  # the demo's dates
    assert all(cell == "0" for row in cells(date_to="2000-01-01") for cell in row)
