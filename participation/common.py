"""What the participation rooms (surveys, needs, challenges) share, and nothing else: one-line
e-mail subjects and the spreadsheet writer (with the time format of exports). The honeypot,
the rate limit and the privacy-notice link, which other apps use too, are in ``core``.

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
from django.utils.translation import get_language
from openpyxl import Workbook
from wagtail.models import Locale


def one_line(text) -> str:
    """An e-mail subject built from text people typed (a proposal or survey title): Django
    refuses a header with a line break (``BadHeaderError``), so breaks become spaces."""
    return " ".join(str(text).split())


def admin_locale() -> Locale:
    """The content locale matching the editor's admin language (the default one otherwise)."""
    return Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()


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
