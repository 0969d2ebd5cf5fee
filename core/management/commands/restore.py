from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core.backup import restore_backup


class Command(BaseCommand):
    help = "Restore a backup made by `backup` into the (empty) configured database."

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, *args, folder, **options):
        source = Path(folder)
        if not (source / "manifest.json").exists():
            raise CommandError(f"{source} is not a backup folder (no manifest.json).")
        if connection.introspection.table_names():
            raise CommandError(
                "The database is not empty: restore only into a new, empty database."
            )
        connection.close()
        restore_backup(source)
        self.stdout.write(self.style.SUCCESS(f"Restored {source}"))
