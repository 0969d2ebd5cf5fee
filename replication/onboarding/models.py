"""A territory added through "New territory": what was made for it, so its checklist can say
what is left to fill and its groups reach its pages only."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class OnboardedTerritory(models.Model):
    territory = models.OneToOneField(
        "pilots.PilotTerritoryPage",
        verbose_name=_("territory"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    editors = models.OneToOneField(
        Group, verbose_name=_("editors group"), on_delete=models.PROTECT, related_name="+"
    )
    facilitators = models.OneToOneField(
        Group,
        verbose_name=_("hub facilitators group"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    survey = models.ForeignKey(
        "participation.SurveyPage",
        verbose_name=_("needs survey"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    strategy = models.ForeignKey(
        "strategies.StrategyPage",
        verbose_name=_("strategy"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The survey's closing time as first set: once an editor changes it, the dates are
    # checked.
    first_survey_close = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("territory added")
        verbose_name_plural = _("territories added")

    def __str__(self):
        return str(self.territory)
