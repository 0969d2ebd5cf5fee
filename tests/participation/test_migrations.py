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


LIST_TABLES = {
    "postgres": "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'table'",
}


def rows(env, tables=None) -> dict:
    """Rows in every participation table that exists (or in ``tables``), read directly (no
    Django start-up per count). Tables added by later migrations do not exist yet at the
    previous head."""
    models = apps.get_app_config("participation").get_models()
    wanted = tables or [model._meta.db_table for model in models]
    url = env["DATABASE_URL"]
    if url.startswith("postgres"):
        database = psycopg.connect(url)
        kind = "postgres"
    else:
        database = closing(sqlite3.connect(url.removeprefix("sqlite:///")))
        kind = "sqlite"
    with database as connection:
        existing = {row[0] for row in connection.execute(LIST_TABLES[kind]).fetchall()}
        # Table names come from our own models, not from input.
        return {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in wanted
            if table in existing
        }


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
    assert rows(env, tables=list(before)) == before
