"""The public register of local needs: the start of the need → challenge → pilot chain."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    Locale,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail_localize.fields import SynchronizedField

from participation.hubs.models import hub_names, hubs_for
from participation.surveys.models import SurveySubmission, Theme
from participation.surveys.pages import SurveyPage


class NeedForm(WagtailAdminModelForm):
    """The hub of a workshop need is chosen among the local hubs of the user's territories
    (every hub for an editor), named in the need's language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "hub_key" not in self.fields:
            return
        locale = self.instance.locale if self.instance.locale_id else Locale.get_default()
        hubs = hubs_for(self.for_user, locale) if self.for_user is not None else []
        self.fields["hub_key"] = forms.ChoiceField(
            label=_("hub"),
            required=False,
            choices=[("", "—")] + [(str(hub.translation_key), hub.name) for hub in hubs],
            error_messages={
                "invalid_choice": _("You can record needs only for the hubs of your territory.")
            },
        )

    def clean_hub_key(self):
        return self.cleaned_data.get("hub_key") or None


class Need(DraftStateMixin, RevisionMixin, PreviewableMixin, TranslatableMixin, models.Model):
    """A local need found through a survey: the start of the need → challenge → pilot chain.

    Editors keep drafts and revisions, schedule publication and preview it as the register
    shows it; only published (live) needs are public."""

    class Status(models.TextChoices):
        REPORTED = "reported", _("Reported")
        VALIDATED = "validated", _("Validated")
        ADDRESSED = "addressed", _("Addressed")

    class Origin(models.TextChoices):
        SURVEY = "survey", _("A survey")
        WORKSHOP = "workshop", _("A workshop at a local hub")
        ONLINE = "online", _("Sent online")

    base_form_class = NeedForm

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
    origin = models.CharField(
        _("where it came from"), max_length=10, choices=Origin.choices, default=Origin.ONLINE
    )
    hub_key = models.UUIDField(_("hub"), null=True, blank=True)
    workshop_date = models.DateField(_("workshop date"), null=True, blank=True)
    participants = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("theme"),
        FieldPanel("territory"),
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("origin"),
                FieldPanel("hub_key"),
                FieldRowPanel([FieldPanel("workshop_date"), FieldPanel("participants")]),
                FieldPanel("source_survey", read_only=True),
            ],
            heading=_("Where it came from"),
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("status"),
        SynchronizedField("origin"),
        SynchronizedField("hub_key"),
        SynchronizedField("workshop_date"),
        SynchronizedField("participants"),
    ]

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

    def clean(self):
        super().clean()
        if self.origin == self.Origin.WORKSHOP:
            missing = {
                name: _("Say this for a need raised at a workshop.")
                for name in ("hub_key", "workshop_date", "participants")
                if getattr(self, name) in (None, "")
            }
            if missing:
                raise ValidationError(missing)

    @cached_property
    def hub_name(self) -> str:
        """The workshop's hub in the need's language (a listing sets it for all at once)."""
        if not self.hub_key:
            return ""
        return hub_names([self.hub_key], self.locale).get(str(self.hub_key), "")

    def get_preview_template(self, request, mode_name):
        return "participation/needs/need_preview.html"
