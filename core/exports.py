"""The spreadsheet writer every export uses (survey answers, open data, event attendees),
with the time format of exports.

Spreadsheet cells that start with =, +, -, @, tab or a line break are run as formulas by
spreadsheet programs; such values are prefixed with an apostrophe so they are shown as text,
and so is a formula sign after a `,`, `;`, tab or line break inside a value: a program that
splits on semicolons (as Italian and French spreadsheets do) reads ``x;=HYPERLINK(…)`` from a
comma-separated file as two cells, quotes or not. Every CSV cell is also quoted (OWASP's advice
on CSV injection). Numbers stay numbers.
"""

import csv
import io
import re
from decimal import Decimal

from django.utils import timezone
from openpyxl import Workbook

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
# A program that splits on another separator than ours starts a cell after any `,`, `;`, tab or
# line break, even inside a quoted value: a formula sign there is marked as text too.
HIDDEN_FORMULA = re.compile(r"""([,;\t\r\n][ "]*)(?=[=+\-@])""")


def neutralise(value):
    """A cell value no spreadsheet runs as a formula, whatever separator it splits on."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    text = HIDDEN_FORMULA.sub(r"\1'", "" if value is None else str(value))
    if text.lstrip(' "').startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def local_iso(moment) -> str:
    """A time as exports give it: the project's local time, ISO 8601 with its UTC offset."""
    return timezone.localtime(moment).isoformat(timespec="seconds")


def to_csv(headings: list[str], rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    writer.writerow([neutralise(heading) for heading in headings])
    for row in rows:
        writer.writerow([neutralise(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: spreadsheet programs read UTF-8


def to_xlsx(headings: list[str], rows: list[list]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Answers")
    sheet.append([neutralise(heading) for heading in headings])
    for row in rows:
        sheet.append([neutralise(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
