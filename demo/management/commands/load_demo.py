from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from demo.builder import DemoBuilder
from demo.content import build
from demo.indexing import indexes_rebuilt_once


class Command(BaseCommand):
    help = "Build the DigiVillae demo site in Italian, French and English (idempotent)."

    def handle(self, *args, **options):
        builder = DemoBuilder(stdout=self.stdout if options["verbosity"] > 1 else None)
        with indexes_rebuilt_once():
            home = build(builder)
        self.stdout.write(
            _("Demo site ready at %(url)s (%(count)d pages or translations created).")
            % {"url": home.url or "/", "count": builder.created}
        )
