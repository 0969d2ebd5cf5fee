from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Need surveys, the needs register and challenge calls: three rooms (``surveys``,
    ``needs``, ``challenges``) under one app label, so their tables and migrations stay one."""

    name = "participation"
    verbose_name = _("Participation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import open_data, purge
        from .surveys import tallies, translation_checks

        open_data.register_datasets()
        purge.connect()
        tallies.connect()
        translation_checks.connect()
