"""Who acts for the local hubs. The hubs themselves are the pilot territories' local hubs
(``pilots.LocalHub``, edited on each territory page and translated with it); a hub facilitator
acts for the hubs of the territories they are assigned to, and nothing else.

Answers and needs refer to a hub by its translation key, the same in every language (like the
territory of an answer), so editing or re-translating a territory page never loses the link.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from pilots.models import LocalHub

FACILITATORS = "Hub facilitators"


class Facilitator(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="facilitated_territories",
        limit_choices_to={"groups__name": FACILITATORS},
        help_text=_("A member of the “Hub facilitators” group."),
    )
    territory = models.ForeignKey(
        "pilots.PilotTerritoryPage",
        verbose_name=_("territory"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("They enter answers and workshop needs for this territory's local hubs."),
    )

    panels = [FieldPanel("user"), FieldPanel("territory")]

    class Meta:
        verbose_name = _("hub facilitator")
        verbose_name_plural = _("hub facilitators")
        constraints = [
            models.UniqueConstraint(fields=["user", "territory"], name="one_facilitator_per_pair")
        ]

    def __str__(self):
        return f"{self.user} — {self.territory}"


def hubs_for(user, locale):
    """The local hubs a user may act for, named in ``locale``: a facilitator, those of their
    territories; an editor or an administrator, all of them."""
    hubs = LocalHub.objects.filter(locale=locale).select_related("page").order_by("name")
    if user.is_superuser or user.has_perm("participation.change_facilitator"):
        return hubs
    territories = Facilitator.objects.filter(user=user).values("territory__translation_key")
    return hubs.filter(page__translation_key__in=territories)


def is_facilitator(user) -> bool:
    return Facilitator.objects.filter(user=user).exists()


def hub_names(keys, locale) -> dict:
    """Hub name by translation key (as text), in ``locale`` when translated, for a list (one
    query)."""
    names = {}
    rows = LocalHub.objects.filter(translation_key__in={str(key) for key in keys if key})
    for key, locale_id, name in rows.values_list("translation_key", "locale_id", "name"):
        if str(key) not in names or locale_id == locale.pk:
            names[str(key)] = name
    return names
