"""`make backup` / `make restore`: a restore into an empty database reproduces the site."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from wagtail.models import Page

from core.backup import make_backup, restore_backup
from core.models import CustomImage
from participation.models import Proposal

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump needs PostgreSQL")
def test_restore_into_an_empty_database_reproduces_the_site(tmp_path):
    import psycopg

    source = connection.settings_dict
    folder = make_backup(tmp_path / "backup")
    assert (folder / "database.dump").stat().st_size > 0
    name = f"digivillae_restore_{os.getpid()}"
    admin = {"host": source["HOST"] or None, "port": source["PORT"] or None, "user": source["USER"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **admin) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{name}"')
        pg.execute(f'CREATE DATABASE "{name}"')
    try:
        media, private = tmp_path / "media", tmp_path / "private"
        with override_settings(MEDIA_ROOT=media, PRIVATE_MEDIA_ROOT=private):
            restore_backup(folder, {**source, "NAME": name})
        image = CustomImage.objects.first()
        assert (media / image.file.name).exists()
        url = (
            f"postgres://{source['USER']}@{source['HOST'] or 'localhost'}:"
            f"{source['PORT'] or 5432}/{name}"
        )
        script = (
            "from django.test import Client\n"
            "from wagtail.models import Page\n"
            "from participation.models import Proposal\n"
            "client = Client()\n"
            "home = client.get('/it/')\n"
            "call = client.get('/it/sfide/sportelli-digitali/')\n"
            "print(Page.objects.count(), Proposal.objects.count(), home.status_code,"
            " call.status_code, 'Valli Connesse' in call.content.decode())\n"
        )
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", script],
            cwd=ROOT,
            env={
                **os.environ,
                "DATABASE_URL": url,
                "DJANGO_SETTINGS_MODULE": "portal.settings.test",
                "MEDIA_ROOT": str(media),
            },
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        pages, proposals, home, call, applicant = result.stdout.split()[-5:]
        assert int(pages) == Page.objects.count()
        assert int(proposals) == Proposal.objects.count()
        assert (home, call, applicant) == ("200", "200", "True")
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **admin) as pg:
            pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    from django.core.management import CommandError, call_command

    (tmp_path / "manifest.json").write_text("{}")
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(tmp_path))
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore", str(tmp_path / "missing"))
    assert settings.MEDIA_ROOT  # nothing was touched
