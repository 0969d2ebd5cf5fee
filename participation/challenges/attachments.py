"""Checking uploaded PDFs with bounded work: size, declared object count, then one sandboxed
reader process per file (`pdf_sandbox.py`), all started at once and all given the same
deadline, so a form with three hostile files is still answered within about a second."""

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings

SANDBOX = Path(__file__).with_name("pdf_sandbox.py")
PDF_MAGIC = b"%PDF-"
MAX_DECLARED_OBJECTS = 200_000
DECLARED_SIZE = re.compile(rb"/Size\s+(\d{1,15})")


def declared_objects(data: bytes) -> int:
    """The largest object count a trailer or cross-reference stream declares."""
    return max((int(match) for match in DECLARED_SIZE.findall(data)), default=0)


def quick_verdict(data: bytes) -> str | None:
    """A verdict that needs no reader, or None when the file must be opened."""
    if PDF_MAGIC not in data[:1024]:
        return "not_pdf"
    if declared_objects(data) > MAX_DECLARED_OBJECTS:
        return "too_complex"
    return None


def _start(data: bytes) -> subprocess.Popen:
    """The file goes in through a temporary file, not a pipe, so every reader starts at once."""
    with tempfile.TemporaryFile() as source:
        source.write(data)
        source.seek(0)
        return subprocess.Popen(  # noqa: S603 — our own script, run by our own interpreter
            [sys.executable, "-I", str(SANDBOX)],
            stdin=source,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )


def _collect(process: subprocess.Popen, deadline: float) -> str:
    try:
        out, _ = process.communicate(timeout=max(deadline - time.monotonic(), 0.01))
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return "too_complex"
    answer = out.decode("ascii", "replace").strip()
    if process.returncode != 0 or answer not in {"ok", "not_pdf", "encrypted", "too_complex"}:
        return "too_complex"  # killed by its memory or CPU cap, or died on the file
    return answer


def pdf_verdicts(contents: list[bytes]) -> list[str]:
    """One verdict per file: ok, not_pdf, encrypted, too_complex or unavailable (the checker
    could not be started: the visitor is asked to send again, nothing is accepted unchecked)."""
    verdicts: list[str | None] = [quick_verdict(data) for data in contents]
    deadline = time.monotonic() + settings.PDF_CHECK_SECONDS
    running: dict[int, subprocess.Popen] = {}
    for index, data in enumerate(contents):
        if verdicts[index] is None:
            try:
                running[index] = _start(data)
            except OSError:
                verdicts[index] = "unavailable"
    for index, process in running.items():
        verdicts[index] = _collect(process, deadline)
    return verdicts
