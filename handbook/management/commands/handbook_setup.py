"""Prepare the demo for `make handbook`: the people who look at each screen, in each language,
and the screens' addresses, printed as JSON for the picture taker."""

import json

from django.core.management.base import BaseCommand

from handbook.people import LANGUAGES, person_for
from handbook.tasks import TASKS


class Command(BaseCommand):
    help = "Create the handbook's demo people and print the screens to photograph (JSON)."

    def add_arguments(self, parser):
        parser.add_argument("password")

    def handle(self, *args, password, **options):
        screens, people = [], {}
        for task in TASKS:
            for screen in task.screens:
                role = screen.role or "administrator"
                for language in LANGUAGES:
                    person = person_for(screen.role, language, password)
                    people.setdefault(role, {})[language] = person.username
                screens.append(
                    {
                        "task": task.slug,
                        "name": screen.name,
                        "role": role,
                        "paths": {language: screen.path(language) for language in LANGUAGES},
                        "click": screen.click,
                        "scroll_to": screen.scroll_to,
                    }
                )
        self.stdout.write(
            json.dumps({"screens": screens, "people": people, "languages": LANGUAGES})
        )
