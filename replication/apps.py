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
        from .onboarding import membership

        membership.connect()
