"""Backups: the database (pg_dump's custom format, or SQLite's online backup) and the media and
private files (tar archives), in one folder that `restore` reads back into an empty database."""

import json
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone

DATABASE_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MANIFEST = "manifest.json"


def _pg_env(database: dict) -> dict:
    import os

    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    return env


def _pg_args(database: dict) -> list[str]:
    args = []
    for flag, key in (("-h", "HOST"), ("-p", "PORT"), ("-U", "USER")):
        if database.get(key):
            args += [flag, str(database[key])]
    return args


def _sqlite_copy(source_path, target_path) -> None:
    """SQLite's online backup: a consistent copy even while the site writes."""
    source, target = sqlite3.connect(str(source_path)), sqlite3.connect(str(target_path))
    with target:
        source.backup(target)
    source.close()
    target.close()


def _file_roots() -> dict[str, Path]:
    return {"media": Path(settings.MEDIA_ROOT), "private-media": Path(settings.PRIVATE_MEDIA_ROOT)}


def make_backup(folder: Path, database: dict | None = None) -> Path:
    """Write a backup of ``database`` (default: the site's) and of the files into ``folder``."""
    from django.db import connections

    database = database or connections["default"].settings_dict
    folder.mkdir(parents=True, exist_ok=True)
    engine = database["ENGINE"]
    if "postgresql" in engine:
        subprocess.run(  # noqa: S603 (fixed program, arguments from settings)
            [
                shutil.which("pg_dump") or "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={folder / DATABASE_DUMP}",
                *_pg_args(database),
                str(database["NAME"]),
            ],
            env=_pg_env(database),
            check=True,
        )
    elif "sqlite3" in engine:
        _sqlite_copy(database["NAME"], folder / SQLITE_COPY)
    else:
        raise ValueError(f"Unsupported database engine: {engine}")
    for name, root in _file_roots().items():
        with tarfile.open(folder / f"{name}.tar.gz", "w:gz") as archive:
            if root.exists():
                archive.add(root, arcname=".")
    (folder / MANIFEST).write_text(
        json.dumps(
            {
                "created_at": timezone.now().isoformat(),
                "engine": engine,
                "files": list(_file_roots()),
            },
            indent=1,
        )
    )
    return folder


def restore_backup(folder: Path, database: dict | None = None) -> None:
    """Load a backup into ``database`` (which should be empty) and put the files back."""
    from django.db import connections

    database = database or connections["default"].settings_dict
    engine = database["ENGINE"]
    if "postgresql" in engine:
        subprocess.run(  # noqa: S603
            [
                shutil.which("pg_restore") or "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                f"--dbname={database['NAME']}",
                *_pg_args(database),
                str(folder / DATABASE_DUMP),
            ],
            env=_pg_env(database),
            check=True,
        )
    elif "sqlite3" in engine:
        _sqlite_copy(folder / SQLITE_COPY, database["NAME"])
    else:
        raise ValueError(f"Unsupported database engine: {engine}")
    for name, root in _file_roots().items():
        archive_path = folder / f"{name}.tar.gz"
        if not archive_path.exists():
            continue
        root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(root, filter="data")
