"""The spreadsheet writer every export uses (survey answers, open data, event attendees),
with the time format of exports.

Spreadsheet cells that start with =, +, -, @, tab or a line break are run as formulas by
spreadsheet programs; such values are prefixed with an apostrophe so they are shown as text,
and so is a formula sign after a `,`, `;`, tab or line break inside a value: a program that
splits on semicolons (as Italian and French spreadsheets do) reads ``x;=HYPERLINK(…)`` from a
comma-separated file as two cells, quotes or not. Every CSV cell is also quoted (OWASP's advice
on CSV injection). Numbers stay numbers.
"""

import contextlib
import csv
import datetime
import io
import itertools
import os
import queue
import re
import threading
from collections.abc import Iterable, Iterator
from decimal import Decimal
from xml.sax.saxutils import escape as xml_escape

from django.conf import settings
from django.db import connections
from django.utils import timezone, translation
from stream_zip import ZIP_32, ZIP_64, stream_zip

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


def csv_chunks(headings: list[str], rows: Iterable[list], rows_per_chunk: int = 500):
    """The CSV file, a few hundred rows at a time: a response can stream it as the rows are
    read, however many there are."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    buffer.write("\ufeff")  # BOM: spreadsheet programs then read UTF-8
    writer.writerow([neutralise(heading) for heading in headings])
    for number, row in enumerate(rows, start=1):
        writer.writerow([neutralise(value) for value in row])
        if number % rows_per_chunk == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def to_csv(headings: list[str], rows: list[list]) -> bytes:
    return b"".join(csv_chunks(headings, rows))


# The smallest workbook spreadsheet programs open: one sheet of inline strings and numbers,
# written row by row into a zip that is streamed as it grows (stream-zip). openpyxl, even in
# write-only mode, finishes the whole file before its first byte can be sent.
XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _cell(value) -> str:
    value = neutralise(value)
    if isinstance(value, int | float | Decimal):
        return f"<c><v>{value}</v></c>"
    text = xml_escape(XML_ILLEGAL.sub("", value))
    return f'<c t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _sheet(headings, rows, rows_per_chunk):
    yield (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData>"
    )
    chunk = []
    for row in itertools.chain([headings], rows):
        chunk.append("<row>" + "".join(_cell(value) for value in row) + "</row>")
        if len(chunk) == rows_per_chunk:
            yield "".join(chunk).encode()
            chunk = []
    yield ("".join(chunk) + "</sheetData></worksheet>").encode()


def xlsx_chunks(headings: list[str], rows: Iterable[list], sheet_name: str = "Answers"):
    """The workbook, streamed as its rows are read (see ``XLSX_PARTS``)."""
    modified = datetime.datetime.now()  # noqa: DTZ005 (zip times are local and naive)
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{xml_escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>"
    )
    parts = [(name, modified, 0o600, ZIP_32, (body.encode(),)) for name, body in XLSX_PARTS.items()]
    parts.append(("xl/workbook.xml", modified, 0o600, ZIP_32, (workbook.encode(),)))
    parts.append(("xl/worksheets/sheet1.xml", modified, 0o600, ZIP_64, _sheet(headings, rows, 500)))
    yield from stream_zip(parts)


def to_xlsx(headings: list[str], rows: list[list]) -> bytes:
    return b"".join(xlsx_chunks(headings, rows))


_FINISHED = object()


def at_low_priority(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """The chunks of a large export, produced by a thread of lower CPU priority
    (``settings.EXPORT_NICENESS``) while the worker's own thread only sends them.

    A million-answer export keeps a CPU busy for minutes; on a small server that is the CPU
    the page workers need. Linux gives each thread its own nice value, so lowering the
    producer's priority slows the export only while pages are waiting for the CPU, and the
    worker is back at normal priority once the export ends (raising a nice value again needs
    privileges a web worker doesn't have, so the worker's own thread is never lowered). The
    thread reads with its own database connection, closed at the end, in the request's
    language and time zone. A queue of a few chunks keeps memory flat; a visitor who stops
    the download stops the producer.
    """
    niceness = settings.EXPORT_NICENESS
    if not niceness:
        yield from chunks
        return
    ready: queue.Queue = queue.Queue(maxsize=4)
    stopped = threading.Event()
    language, zone = translation.get_language(), timezone.get_current_timezone()

    def hand_over(item) -> bool:
        while not stopped.is_set():
            try:
                ready.put(item, timeout=0.5)
            except queue.Full:
                continue
            return True
        return False

    def produce():
        # Not on Linux, the export simply runs at normal priority.
        with contextlib.suppress(AttributeError, OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), niceness)
        try:
            with translation.override(language), timezone.override(zone):
                for chunk in chunks:
                    if not hand_over(chunk):
                        return
            hand_over(_FINISHED)
        except Exception as error:  # noqa: BLE001 (re-raised in the response, as inline)
            hand_over(error)
        finally:
            chunks.close()
            connections.close_all()

    producer = threading.Thread(target=produce, name="export", daemon=True)
    producer.start()
    try:
        while (item := ready.get()) is not _FINISHED:
            if isinstance(item, Exception):
                raise item
            yield item
    finally:
        stopped.set()
