"""Keep the communication officers' page permissions in step with the page tree."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from events.models import EventIndexPage
from news.models import NewsIndexPage

from .permissions import grant_communication_officers


@receiver(post_save, sender=NewsIndexPage)
@receiver(post_save, sender=EventIndexPage)
def grant_news_and_event_sections(sender, instance, created, raw=False, **kwargs):
    """Every news or events section, in any language, is editable by communication officers."""
    if created and not raw:
        grant_communication_officers(instance)
