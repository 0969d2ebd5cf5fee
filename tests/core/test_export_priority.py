"""A large export is produced by a thread of lower CPU priority (core.exports.at_low_priority):
the same bytes arrive, in the request's language, errors still reach the response, a stopped
download stops the producer, and the worker's own thread keeps its priority."""

import os
import threading
import time

import pytest
from django.test import override_settings
from django.utils import translation

from core.exports import at_low_priority, csv_chunks

linux_only = pytest.mark.skipif(not hasattr(os, "setpriority"), reason="per-thread nice is Linux")


def own_priority() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def rows(seen: dict, count: int = 2_000):
    seen["priority"] = own_priority()
    seen["thread"] = threading.get_ident()
    seen["language"] = translation.get_language()
    for number in range(count):
        yield [number, f"risposta {number}", "=1+1"]


@linux_only
@override_settings(EXPORT_NICENESS=10)
def test_same_bytes_from_a_lower_priority_thread_in_the_requests_language():
    expected = b"".join(csv_chunks(["n", "testo", "formula"], rows({})))
    seen: dict = {}
    before = own_priority()
    with translation.override("fr"):
        produced = b"".join(at_low_priority(csv_chunks(["n", "testo", "formula"], rows(seen))))
    assert produced == expected
    assert seen["thread"] != threading.get_ident()
    assert seen["priority"] >= min(before + 10, 19)
    assert seen["language"] == "fr"
    assert own_priority() == before


@override_settings(EXPORT_NICENESS=10)
def test_an_error_while_producing_reaches_the_response():
    def broken():
        yield b"first"
        raise ValueError("database gone")

    chunks = at_low_priority(broken())
    assert next(chunks) == b"first"
    with pytest.raises(ValueError, match="database gone"):
        next(chunks)


@override_settings(EXPORT_NICENESS=10)
def test_a_stopped_download_stops_the_producer():
    produced = []

    def endless():
        while True:
            produced.append(1)
            yield b"x" * 1000

    chunks = at_low_priority(endless())
    next(chunks)
    chunks.close()  # what the server does when the visitor goes away
    time.sleep(1.5)
    settled = len(produced)
    time.sleep(0.5)
    assert len(produced) == settled <= 10
    assert not any(thread.name == "export" for thread in threading.enumerate())


@override_settings(EXPORT_NICENESS=0)
def test_without_a_niceness_the_export_runs_inline():
    seen: dict = {}
    b"".join(at_low_priority(csv_chunks(["n"], rows(seen, 3))))
    assert seen["thread"] == threading.get_ident()
