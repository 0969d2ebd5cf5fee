"""Take up every newsletter whose sending has not finished: run it from cron every few
minutes, so a sender that crashed is resumed once its lease has run out."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand

from outreach.sending import send_until_done, unfinished


class Command(BaseCommand):
    help = "Send the newsletters still waiting (resumes an interrupted sending)."

    def handle(self, *args, **options):
        # A batch job: it yields the CPU to the page workers on the same machine.
        if settings.NEWSLETTER_NICENESS and hasattr(os, "nice"):
            os.nice(settings.NEWSLETTER_NICENESS)
        for sending_id in unfinished().values_list("pk", flat=True):
            outcome = send_until_done(sending_id)
            self.stdout.write(f"sending {sending_id}: {outcome}")
