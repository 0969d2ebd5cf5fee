from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.personal_data import register

        from .registrations.personal_data import EVENT_REGISTRATIONS

        register(EVENT_REGISTRATIONS)  # the admin's respondent page finds and erases them
