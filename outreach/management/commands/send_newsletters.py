"""Take up every newsletter whose sending has not finished: run it from cron every few
minutes, so a sender that crashed is resumed once its lease has run out."""

from django.core.management.base import BaseCommand

from outreach.sending import send_until_done, unfinished


class Command(BaseCommand):
    help = "Send the newsletters still waiting (resumes an interrupted sending)."

    def handle(self, *args, **options):
        for sending_id in unfinished().values_list("pk", flat=True):
            outcome = send_until_done(sending_id)
            self.stdout.write(f"sending {sending_id}: {outcome}")
