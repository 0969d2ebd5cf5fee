"""Send the digests that are due: run it from cron (hourly is plenty); a follower gets at most
one per chosen period, and none when nothing changed."""

from django.core.management.base import BaseCommand

from outreach.digests import send_digests


class Command(BaseCommand):
    help = "Send each follower whose period has passed one digest of what changed."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_digests()} digests queued")
