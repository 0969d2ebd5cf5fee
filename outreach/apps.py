from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    """Newsletters and digests: what the portal sends to the people who follow it."""

    name = "outreach"
    verbose_name = _("Newsletters and digests")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from anymail.signals import tracking

        from .bounces import stop_mail_on_bounce

        tracking.connect(stop_mail_on_bounce, dispatch_uid="outreach.bounces")
