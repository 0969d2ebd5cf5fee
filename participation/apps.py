from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Need surveys, the needs register and challenge calls (filled by the next issues)."""

    name = "participation"
    verbose_name = _("Participation")
    default_auto_field = "django.db.models.BigAutoField"
