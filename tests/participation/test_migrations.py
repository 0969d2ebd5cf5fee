"""A database at the previous head (0006, before needs and themes had drafts and revisions),
holding the demo with its answers and proposals, migrates forward with every row kept."""

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import psycopg
from django.apps import apps

from tests.conftest import copy_of_test_database

ROOT = Path(__file__).resolve().parents[2]


def manage(env, *args) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return result.stdout


def rows(env) -> dict:
    """Rows in every participation table, read directly (no Django start-up per count)."""
    tables = [model._meta.db_table for model in apps.get_app_config("participation").get_models()]
    # Table names come from our own models, not from input.
    queries = {table: f'SELECT count(*) FROM "{table}"' for table in tables}  # noqa: S608
    url = env["DATABASE_URL"]
    if url.startswith("postgres"):
        with psycopg.connect(url) as database:
            return {t: database.execute(q).fetchone()[0] for t, q in queries.items()}
    with closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as database:
        return {t: database.execute(q).fetchone()[0] for t, q in queries.items()}


def test_a_database_at_the_previous_head_migrates_forward_with_every_row(
    tmp_path, django_db_setup, django_db_blocker
):
    with django_db_blocker.unblock():
        copy = copy_of_test_database(f"digivillae_migrations_{os.getpid()}")
    database_url, drop = copy or (f"sqlite:///{tmp_path / 'previous.sqlite3'}", lambda: None)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
    }
    try:
        check_forward_migration(env, fresh=copy is None)
    finally:
        drop()


def check_forward_migration(env, fresh: bool) -> None:
    if fresh:  # SQLite: build today's demo first
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo")
    manage(env, "migrate", "participation", "0006", "--noinput")
    before = rows(env)
    assert before["participation_surveysubmission"] > 0
    assert before["participation_proposal"] > 0
    assert before["participation_need"] > 0
    manage(env, "migrate", "--noinput")
    assert rows(env) == before
