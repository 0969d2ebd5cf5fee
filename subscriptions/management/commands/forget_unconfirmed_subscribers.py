"""Forget the addresses never confirmed within 7 days (schedule it daily, like the erasure of
expired survey data)."""

from django.core.management.base import BaseCommand

from subscriptions.services import forget_unconfirmed


class Command(BaseCommand):
    help = "Forget subscribers who did not confirm their address within 7 days."

    def handle(self, *args, **options):
        self.stdout.write(f"{forget_unconfirmed()} unconfirmed subscriber(s) forgotten.")
