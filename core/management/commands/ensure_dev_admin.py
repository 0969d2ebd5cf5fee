import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create the development administrator if missing and print its login (DEBUG only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin only runs with DEBUG settings.")
        username = os.environ.get("DEV_ADMIN_USERNAME", "admin")
        password = os.environ.get("DEV_ADMIN_PASSWORD", "digivillae-dev")
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user_model.objects.create_superuser(username, "admin@example.org", password)
            self.stdout.write(self.style.SUCCESS("Development administrator created."))
        self.stdout.write(
            f"Admin: http://127.0.0.1:8000/admin/  login: {username}  password: {password}"
            + ("" if user is None else " (unless you changed it)")
        )
