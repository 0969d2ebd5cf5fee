"""`make run` on SQLite: two transactions that read and then write at the same moment (the
admin's autosave and an editor's Publish) both succeed instead of one failing with
"database is locked"."""

import threading
import time
import uuid
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import OperationalError, connections, transaction


@contextmanager
def sqlite_alias(path, options=None):
    """A database alias on an SQLite file, so that `transaction.atomic` runs as the site's."""
    alias = f"sqlite_{uuid.uuid4().hex}"
    config = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path), "OPTIONS": options or {}}
    connections.settings[alias] = connections.configure_settings({"default": config})["default"]
    try:
        yield alias
    finally:
        connections[alias].close()
        del connections.settings[alias]


def read_then_write_at_once(alias) -> list[str]:
    setup = connections[alias]
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS revision (id INTEGER PRIMARY KEY, body TEXT)")
    setup.close()
    outcomes: list[str] = []

    def save(body: str, pause: float) -> None:
        connection = connections[alias]  # one connection per thread, as in a threaded server
        try:
            with transaction.atomic(using=alias), connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM revision")
                time.sleep(pause)
                cursor.execute("INSERT INTO revision (body) VALUES (%s)", [body])
            outcomes.append("saved")
        except OperationalError as error:
            outcomes.append(str(error))
        finally:
            connection.close()

    # Publish reads, then waits on its own work; autosave starts meanwhile and writes at once.
    publish = threading.Thread(target=save, args=("publish", 0.5))
    autosave = threading.Thread(target=save, args=("autosave", 0))
    publish.start()
    time.sleep(0.1)
    autosave.start()
    publish.join()
    autosave.join()
    return sorted(outcomes)


@pytest.fixture
def unblocked(django_db_blocker):
    with django_db_blocker.unblock():
        yield


def test_django_defaults_fail_with_database_is_locked(tmp_path, unblocked):
    with sqlite_alias(tmp_path / "plain.sqlite3") as alias:
        assert "database is locked" in read_then_write_at_once(alias)


def test_the_portal_settings_let_both_writes_through(tmp_path, unblocked):
    with sqlite_alias(tmp_path / "portal.sqlite3", settings.SQLITE_OPTIONS) as alias:
        assert read_then_write_at_once(alias) == ["saved", "saved"]
    with sqlite_alias(tmp_path / "portal.sqlite3") as alias, connections[alias].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone() == ("wal",)  # kept in the file: WAL mode is persistent
