"""Every export (survey answers as CSV and XLSX, open-data CSVs) is safe to open in a
spreadsheet whatever separator it splits on: no cell becomes a formula."""

import csv
import io
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from core.exports import FORMULA_TRIGGERS, to_csv, to_xlsx
from participation.models import Proposal

HOSTILE = [
    'x;=HYPERLINK("http://evil.example";"clic")',
    "x;=1+1",
    "x,=1+1",
    "x\t=1+1",
    "=cmd| /C calc!A0",
    " @SUM(A1:A2)",
    "-2+3",
    "+39 011 000",
    "riga\n=1+1",
]
PLAIN_NUMBER = re.compile(r"-?\d+([.,]\d+)?")


def formula_cells(text: str) -> list[str]:
    """Cells that a spreadsheet splitting on `,`, `;` or tab would take for a formula."""
    found = []
    for delimiter in (",", ";", "\t"):
        for row in csv.reader(io.StringIO(text), delimiter=delimiter):
            for cell in row:
                stripped = cell.lstrip(' "')
                if stripped.startswith(FORMULA_TRIGGERS) and not PLAIN_NUMBER.fullmatch(stripped):
                    found.append(f"{delimiter!r}: {cell!r}")
    return found


def test_csv_cells_never_become_formulas_with_any_separator():
    body = to_csv(["risposta", "numero"], [[value, -3] for value in HOSTILE])
    text = body.decode("utf-8-sig")
    assert formula_cells(text) == []
    # Read back as a program splitting on commas would: every value intact, apart from the
    # apostrophes that mark would-be formulas as text; numbers untouched.
    rows = list(csv.reader(io.StringIO(text)))[1:]
    assert [row[0].replace("'", "") for row in rows] == HOSTILE
    assert {row[1] for row in rows} == {"-3"}


def test_xlsx_cells_are_text_never_formulas():
    body = to_xlsx(["risposta", "numero"], [[value, Decimal("-3.5")] for value in HOSTILE])
    sheet = load_workbook(io.BytesIO(body)).active
    cells = list(sheet.iter_rows(min_row=2))
    assert all(cell.data_type != "f" for row in cells for cell in row)
    assert [row[0].value.replace("'", "") for row in cells] == HOSTILE
    assert {row[1].value for row in cells} == {-3.5}


@pytest.mark.django_db
def test_open_data_csv_neutralises_a_hostile_proposal_title(client):
    proposal = Proposal.objects.get(status=Proposal.Status.SELECTED)
    Proposal.objects.filter(pk=proposal.pk).update(
        title='Sensori;=HYPERLINK("http://evil.example";"clic")', summary="x,=1+1"
    )
    response = client.get("/open-data/proposals.csv?language=it")
    text = response.getvalue().decode("utf-8-sig")
    assert "HYPERLINK" in text and formula_cells(text) == []


@pytest.mark.django_db
def test_answer_exports_stream_every_answer_and_survive_control_characters(client):
    from participation.models import SurveyPage, SurveySubmission
    from tests.conftest import page_in
    from tests.participation.conftest import grow_answers
    from tests.participation.surveys.test_survey_admin import staff

    survey = page_in(SurveyPage, "it", slug="bisogni-del-territorio")
    grow_answers(survey, 2500)  # more than one batch of the database cursor
    first = survey.all_submissions().earliest("pk")
    first.form_data["main_need"] = "Un bisogno\x01 con un carattere di controllo"
    first.save(update_fields=["form_data"])
    total = survey.all_submissions().count()
    client.force_login(staff("Editors"))
    url = f"/admin/surveys/{survey.translation_key}/answers/"

    response = client.get(url, {"export": "csv"})
    assert response.streaming
    chunks = list(response.streaming_content)
    assert len(chunks) > 2  # sent as the answers are read, not built first
    rows = list(csv.reader(io.StringIO(b"".join(chunks).decode("utf-8-sig"))))
    assert len(rows) == total + 1

    response = client.get(url, {"export": "xlsx"})
    assert response.streaming
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(values) == total + 1
    assert any("Un bisogno con un carattere di controllo" in map(str, row) for row in values)
    assert SurveySubmission.objects.filter(page__translation_key=survey.translation_key).count()
