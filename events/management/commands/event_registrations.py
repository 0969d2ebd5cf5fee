"""Daily upkeep of event registrations (run it from cron, e.g. hourly): remind everyone with a
place the day before, and forget the registrations of events ended longer ago than
EVENT_REGISTRATION_RETENTION_DAYS."""

from django.core.management.base import BaseCommand

from events.registrations.services import forget_past, send_reminders


class Command(BaseCommand):
    help = "Send the day-before reminders and forget registrations of past events."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_reminders()} reminders queued, {forget_past()} forgotten")
