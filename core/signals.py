"""Keep the editorial groups' page permissions in step with the page tree."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .permissions import grant_communication_officers


@receiver(post_save)
def grant_news_and_event_sections(sender, instance, created, raw=False, **kwargs):
    """Every news or events section, in any language, is editable by communication officers."""
    if not created or raw:
        return
    from events.models import EventIndexPage
    from news.models import NewsIndexPage

    if isinstance(instance, NewsIndexPage | EventIndexPage):
        grant_communication_officers(instance)
