from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from core.backup import make_backup


class Command(BaseCommand):
    help = "Back up the database and the media and private files into a folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", help="default: <BACKUP_ROOT>/<date-time>")

    def handle(self, *args, folder=None, **options):
        target = Path(folder or Path(settings.BACKUP_ROOT) / f"{timezone.now():%Y%m%d-%H%M%S}")
        make_backup(target)
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target}"))
