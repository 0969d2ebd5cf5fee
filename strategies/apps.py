from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategiesConfig(AppConfig):
    """Each pilot territory's local innovation strategy (a local action plan): its priorities
    with evidence from the portal, its actions, adoption through an approval workflow, and
    public monitoring; and the cross-border overview of every territory's priorities."""

    name = "strategies"
    verbose_name = _("Local strategies")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import adoption, open_data, purge, workflow

        adoption.connect()
        open_data.register_datasets()
        purge.connect()
        workflow.connect()
