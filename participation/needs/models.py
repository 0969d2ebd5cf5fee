"""The public register of local needs: the start of the need → challenge → pilot chain."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from participation.surveys.models import SurveySubmission, Theme
from participation.surveys.pages import SurveyPage


class Need(DraftStateMixin, RevisionMixin, PreviewableMixin, TranslatableMixin, models.Model):
    """A local need found through a survey: the start of the need → challenge → pilot chain.

    Editors keep drafts and revisions, schedule publication and preview it as the register
    shows it; only published (live) needs are public."""

    class Status(models.TextChoices):
        REPORTED = "reported", _("Reported")
        VALIDATED = "validated", _("Validated")
        ADDRESSED = "addressed", _("Addressed")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="needs",
    )
    territory = models.ForeignKey(
        "pilots.PilotTerritoryPage",
        verbose_name=_("territory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.REPORTED
    )
    source_survey = models.ForeignKey(
        SurveyPage,
        verbose_name=_("source survey"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_answers = models.ManyToManyField(
        SurveySubmission, verbose_name=_("source answers"), blank=True, related_name="needs"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("theme"),
        FieldPanel("territory"),
        FieldPanel("status"),
        FieldPanel("source_survey", read_only=True),
    ]
    override_translatable_fields = [SynchronizedField("status")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """A need's status is one fact in every language: keep the translations in step."""
        super().save(*args, **kwargs)
        Need.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk).exclude(
            status=self.status
        ).update(status=self.status)

    def get_preview_template(self, request, mode_name):
        return "participation/needs/need_preview.html"
