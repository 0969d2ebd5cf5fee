"""A database at the previous head (0006, before needs and themes had drafts and revisions),
holding the demo with its answers and proposals, migrates forward with every row kept."""

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import copy_of_test_database

ROOT = Path(__file__).resolve().parents[2]

COUNT_ROWS = (
    "import json\n"
    "from django.apps import apps\n"
    "print('ROWS=' + json.dumps({m._meta.db_table: m.objects.count()"
    " for m in apps.get_app_config('participation').get_models()"
    "}))\n"
)


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
    output = manage(env, "shell", "-c", COUNT_ROWS)
    line = next(line for line in output.splitlines() if line.startswith("ROWS="))
    return json.loads(line.removeprefix("ROWS="))


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
