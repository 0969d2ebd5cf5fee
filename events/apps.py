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

        from wagtail.signals import page_published

        from .models import EventPage
        from .registrations.services import on_event_published

        # More places published: the first people waiting move up at once.
        page_published.connect(on_event_published, sender=EventPage, dispatch_uid="event-places")
