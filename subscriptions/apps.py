from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = _("Subscriptions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.personal_data import register

        from .personal_data import SUBSCRIPTIONS

        register(SUBSCRIPTIONS)  # the admin's respondent page finds and erases subscribers
