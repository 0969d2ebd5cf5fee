"""The demo, migrated and loaded once per test run into a PostgreSQL template database.

Each pytest-xdist worker's test database is created from it (Django's TEST["TEMPLATE"]), so
the 26 s of migrations and 20 s of demo building are paid once per run, not once per worker;
the browser tests' server and the migration test copy it the same way. On SQLite each worker
migrates and loads the demo itself.
"""

import fcntl
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "tests" / "artifacts" / "demo-template.lock"
RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex
BUILD = (
    "import django; django.setup()\n"
    "from django.core.management import call_command\n"
    "call_command('migrate', interactive=False, verbosity=0)\n"
    "call_command('compile_catalogues', verbosity=0)\n"
    "call_command('load_demo', verbosity=0)\n"
)


def admin_connection(database: dict):
    return psycopg.connect(
        dbname="postgres",
        autocommit=True,
        host=database["HOST"] or None,
        port=database["PORT"] or None,
        user=database["USER"] or None,
    )


def database_url(database: dict, name: str) -> str:
    """The URL of database ``name`` on the same server, for a subprocess's DATABASE_URL."""
    host = f"{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
    return f"postgres://{database['USER']}@{host}/{name}"


def template_prefix(database: dict) -> str:
    return f"{database['NAME']}_demo_"


def ensure_demo_template(database: dict) -> str:
    """The name of this run's template database, building it if no worker has yet."""
    name = template_prefix(database) + RUN[:12]
    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with open(LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with admin_connection(database) as pg:
            exists = pg.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                drop_demo_templates(database, pg)
                pg.execute(f'CREATE DATABASE "{name}"')
        if not exists:
            try:
                build(database, name)
            except subprocess.CalledProcessError as error:
                drop_demo_templates(database)  # never leave a half-built template behind
                raise RuntimeError(f"building the demo template failed:\n{error.stderr}") from error
    return name


def build(database: dict, name: str) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url(database, name),
    }
    # One process for the three commands: Django starts once.
    subprocess.run(
        [sys.executable, "-c", BUILD],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=900,
        capture_output=True,
        text=True,
    )


def drop_demo_templates(database: dict, pg=None) -> None:
    """Drop the templates of earlier or finished runs."""
    if pg is None:
        with admin_connection(database) as pg:
            return drop_demo_templates(database, pg)
    rows = pg.execute(
        "SELECT datname FROM pg_database WHERE starts_with(datname, %s)",
        [template_prefix(database)],
    ).fetchall()
    for (stale,) in rows:
        pg.execute(f'DROP DATABASE IF EXISTS "{stale}" WITH (FORCE)')
