from django.core.management.base import BaseCommand

from core.personal_data import expire_everywhere
from participation.surveys.retention import erase_expired_personal_data


class Command(BaseCommand):
    help = (
        "Erase the personal answers (e-mail, names…) older than each survey's retention period, "
        "keeping the anonymous part for statistics, and what other apps keep beyond their own "
        "retention period. Idempotent: safe to run from cron daily."
    )

    def handle(self, *args, **options):
        erased = erase_expired_personal_data()
        self.stdout.write(f"Personal data erased from {erased} answer(s).")
        forgotten = expire_everywhere()
        self.stdout.write(f"{forgotten} other record(s) past their retention period forgotten.")
