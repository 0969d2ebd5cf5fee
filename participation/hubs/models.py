"""The local hubs: places in each pilot territory where residents meet, answer surveys on paper
or in person, and raise needs at workshops. Hub facilitators act for the hubs of their
territory only."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

FACILITATORS = "Hub facilitators"


class Hub(models.Model):
    name = models.CharField(_("name"), max_length=150)
    territory = models.ForeignKey(
        "pilots.PilotTerritoryPage",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitators"),
        blank=True,
        related_name="hubs",
        limit_choices_to={"groups__name": FACILITATORS},
        help_text=_(
            "Members of the “Hub facilitators” group who enter answers and workshop needs for "
            "the hubs of this territory."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("territory"),
        FieldPanel("address"),
        FieldPanel("facilitators"),
    ]

    class Meta:
        verbose_name = _("local hub")
        verbose_name_plural = _("local hubs")
        ordering = ["name"]

    def __str__(self):
        return self.name


def hubs_for(user):
    """The hubs a user may act for: a facilitator, every hub of the territories of the hubs
    they facilitate; an editor or an administrator, every hub."""
    hubs = Hub.objects.select_related("territory")
    if user.is_superuser or user.has_perm("participation.change_hub"):
        return hubs
    territories = Hub.objects.filter(facilitators=user).values("territory__translation_key")
    return hubs.filter(territory__translation_key__in=territories)
