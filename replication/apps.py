from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReplicationConfig(AppConfig):
    """What lets the model travel: a new territory added in one step (``onboarding``), survey,
    call and evaluation-grid templates exported and imported between installations
    (``exchange``), the catalogue of solutions that worked with the municipalities that would
    replicate them (``solutions``), and the page that explains the operating model."""

    name = "replication"
    verbose_name = _("Replication")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.personal_data import register

        from . import purge
        from .onboarding import membership
        from .solutions.personal_data import WISHES_TO_REPLICATE

        membership.connect()
        purge.connect()
        register(WISHES_TO_REPLICATE)  # the admin's respondent page finds and erases them
