"""What a plan's adoption and monitoring leave behind: each adopted version and its text, the
statuses of the actions as last published, the changes followers are told about, and who
approves each territory's plan."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale


class StrategyApprovers(models.Model):
    """The group whose members approve (publish) a territory's plan, in every language."""

    territory = models.OneToOneField(
        "pilots.PilotTerritoryPage",
        verbose_name=_("territory"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    group = models.OneToOneField(
        Group, verbose_name=_("approvers group"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("territory"), FieldPanel("group")]

    class Meta:
        verbose_name = _("strategy approvers")
        verbose_name_plural = _("strategy approvers")

    def __str__(self):
        return f"{self.territory} — {self.group}"

    def clean(self):
        if (
            self.territory_id
            and StrategyApprovers.objects.filter(
                territory__translation_key=self.territory.translation_key
            )
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError({"territory": _("This territory already has its approvers.")})


class AdoptedVersion(models.Model):
    """An adopted version of a plan: its number, date and decision, kept for good."""

    strategy_key = models.UUIDField(_("plan"), db_index=True)
    number = models.PositiveIntegerField(_("version"))
    adopted_on = models.DateField(_("adopted on"))
    decision_reference = models.CharField(_("decision reference"), max_length=200, blank=True)
    decision_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("signed decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("adopted version")
        verbose_name_plural = _("adopted versions")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy_key", "number"], name="one_version_number"),
            models.UniqueConstraint(
                fields=["strategy_key", "adopted_on"], name="one_version_per_adoption_day"
            ),
        ]

    def __str__(self):
        return f"{self.number} ({self.adopted_on})"


class AdoptedText(models.Model):
    """The plan as adopted, in one language: what it said, so it stays readable after the plan
    changes (a copy, not a revision, which Wagtail may purge)."""

    version = models.ForeignKey(AdoptedVersion, on_delete=models.CASCADE, related_name="texts")
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    content = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "locale"], name="one_text_per_language")
        ]

    def __str__(self):
        return f"{self.version} ({self.locale_id})"


class KnownActionStatus(models.Model):
    """The status an action had when its plan was last published: a change is news."""

    strategy_key = models.UUIDField()
    action_id = models.CharField(max_length=64)
    status = models.CharField(max_length=12)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["strategy_key", "action_id"], name="one_known_status")
        ]

    def __str__(self):
        return f"{self.action_id}: {self.status}"


class StrategyChange(models.Model):
    """What followers of a territory hear about in their digest: a newly adopted version, or an
    action whose status changed."""

    class Kind(models.TextChoices):
        ADOPTED = "adopted", _("New version adopted")
        STATUS = "status", _("Action status changed")

    strategy_key = models.UUIDField(db_index=True)
    territory_key = models.UUIDField(db_index=True)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    version = models.PositiveIntegerField(null=True, blank=True)
    action_id = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=12, blank=True)
    happened_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["happened_at", "pk"]

    def __str__(self):
        return f"{self.kind} {self.happened_at:%Y-%m-%d}"
