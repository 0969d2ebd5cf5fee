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
    text = response.content.decode("utf-8-sig")
    assert "HYPERLINK" in text and formula_cells(text) == []
