"""Keep the communication officers' page permissions in step with the page tree."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .permissions import grant_communication_officers


@receiver(post_save)
def grant_officers_sections(sender, instance, created, raw=False, **kwargs):
    """Every section page that says so (``communication_officers_edit``), in any language, is
    editable by communication officers. Feature apps opt in; core names none of them."""
    if created and not raw and getattr(sender, "communication_officers_edit", False):
        grant_communication_officers(instance)
