"""Need surveys built by editors with Wagtail's form builder, translated with wagtail-localize.

Answers are stored under language-neutral keys: a field's ``clean_name`` is synchronised across
translations, and choice answers are stored as the choice's position, so an answer given in
French and one given in Italian to the same question count as one.
"""

import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.models import BasePage, SectionIndexPage
from core.querysets import listing_manager

SURVEY_FIELD_CHOICES = (
    *FORM_FIELD_CHOICES,
    ("rating", _("Rating from 1 to 5")),
    ("territory", _("Which pilot territory")),
    ("theme", _("Which theme")),
)
CHOICE_FIELD_TYPES = {"dropdown", "multiselect", "radio", "checkboxes"}
MULTIPLE_CHOICE_TYPES = {"multiselect", "checkboxes"}
FREE_TEXT_TYPES = {"singleline", "multiline"}


class Theme(TranslatableMixin, models.Model):
    """A theme of local needs (mobility, digital services…), shared by surveys and needs."""

    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self):
        return self.name


class SurveyIndexPage(SectionIndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["participation.SurveyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("surveys index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        surveys = list(SurveyPage.objects.for_listing(self.locale).child_of(self))
        now = timezone.now()
        context["open_surveys"] = [s for s in surveys if s.status(now) == SurveyPage.OPEN]
        context["upcoming_surveys"] = [s for s in surveys if s.status(now) == SurveyPage.UPCOMING]
        context["closed_surveys"] = [s for s in surveys if s.status(now) == SurveyPage.CLOSED]
        return context


class SurveyFormField(TranslatableMixin, AbstractFormField):
    """A question. Labels, help texts and choices are translated; the storage key is not."""

    page = ParentalKey(
        "participation.SurveyPage", on_delete=models.CASCADE, related_name="form_fields"
    )
    field_type = models.CharField(_("field type"), max_length=16, choices=SURVEY_FIELD_CHOICES)
    personal_data = models.BooleanField(
        _("asks for personal data"),
        default=False,
        help_text=_(
            "Tick for names, phone numbers or addresses: these answers are erased after the "
            "retention period and never published. E-mail questions always count as personal."
        ),
    )

    panels = AbstractFormField.panels + [FieldPanel("personal_data")]
    override_translatable_fields = [
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type", overridable=False),
        SynchronizedField("required", overridable=False),
        SynchronizedField("personal_data", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    @property
    def is_personal(self) -> bool:
        return self.personal_data or self.field_type == "email"


class SurveyPage(BasePage):
    """A survey page; its form is built from its questions (see participation.forms)."""

    UPCOMING, OPEN, CLOSED = "upcoming", "open", "closed"

    introduction = RichTextField(_("introduction"), features=["bold", "italic", "link", "ul"])
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    thank_you_text = RichTextField(_("thank-you text"), features=["bold", "italic", "link"])
    results_published = models.BooleanField(
        _("publish results"),
        default=False,
        help_text=_("Charts of the answers appear on the page once the survey has closed."),
    )
    retention_days = models.PositiveIntegerField(
        _("retention of personal data (days)"),
        default=365,
        help_text=_("Personal answers are erased this many days after they were given."),
    )
    notify_email = models.EmailField(
        _("send each answer to"),
        blank=True,
        help_text=_("Optional: the survey owner's address, to receive a notice per answer."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("Open")),
        InlinePanel("form_fields", label=_("Questions")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldPanel("results_published"),
                FieldPanel("retention_days"),
                FieldPanel("notify_email", permission="superuser"),
            ],
            heading=_("Results and personal data"),
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
        SynchronizedField("results_published"),
        SynchronizedField("retention_days"),
        SynchronizedField("notify_email"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["participation.SurveyIndexPage"]
    subpage_types = []

    objects = listing_manager("", ("closes_at", "pk"))

    class Meta:
        verbose_name = _("survey page")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The survey must close after it opens.")})

    def status(self, now=None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return self.UPCOMING
        if now >= self.closes_at:
            return self.CLOSED
        return self.OPEN

    @property
    def is_open(self) -> bool:
        return self.status() == self.OPEN

    @property
    def shows_public_results(self) -> bool:
        return self.results_published and self.status() == self.CLOSED

    def get_form_fields(self):
        return self.form_fields.all()

    def all_submissions(self):
        """Answers to every language version of this survey."""
        return SurveySubmission.objects.filter(page__translation_key=self.translation_key)

    def serve(self, request, *args, **kwargs):
        from .views import serve_survey

        return serve_survey(self, request)


class SurveySubmission(AbstractFormSubmission):
    """One answer. Personal answers are kept apart from the rest so they can be erased while
    the anonymous part still counts in the statistics."""

    page = models.ForeignKey(
        "participation.SurveyPage", on_delete=models.CASCADE, related_name="submissions"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    territory_key = models.UUIDField(_("territory"), null=True, blank=True, db_index=True)
    personal_data = models.JSONField(
        _("personal data"), default=dict, blank=True, encoder=DjangoJSONEncoder
    )
    respondent_email = models.EmailField(_("respondent's e-mail"), blank=True, db_index=True)
    personal_data_erased_at = models.DateTimeField(
        _("personal data erased at"), null=True, blank=True
    )
    submission_token = models.UUIDField(_("submission token"), default=uuid.uuid4, unique=True)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        ordering = ["-submit_time"]
        indexes = [models.Index(fields=["page", "submit_time"])]

    def get_data(self):
        return {**self.form_data, **self.personal_data, "submit_time": self.submit_time}


class Need(TranslatableMixin, models.Model):
    """A local need found through a survey: the start of the need → challenge → pilot chain."""

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


class NeedsIndexPage(SectionIndexPage):
    """The public register of validated local needs, filterable by territory and theme."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("needs register page")

    def public_needs(self):
        return (
            Need.objects.filter(locale_id=self.locale_id)
            .exclude(status=Need.Status.REPORTED)
            .select_related("theme", "territory")
            .order_by("territory__title", "title")
        )

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        from pilots.models import PilotTerritoryPage

        context = super().get_context(request, *args, **kwargs)
        needs = self.public_needs()
        territory = request.GET.get("territory", "")
        theme = request.GET.get("theme", "")
        territories = list(
            PilotTerritoryPage.objects.for_listing(self.locale).values_list(
                "translation_key", "title"
            )
        )
        themes = list(
            Theme.objects.filter(locale_id=self.locale_id).values_list("translation_key", "name")
        )
        if territory in {str(key) for key, _title in territories}:
            needs = needs.filter(territory__translation_key=territory)
        else:
            territory = ""
        if theme in {str(key) for key, _name in themes}:
            needs = needs.filter(theme__translation_key=theme)
        else:
            theme = ""
        context.update(
            {
                "needs_page": Paginator(needs, 20).get_page(request.GET.get("page")),
                "territory_choices": [(str(key), title) for key, title in territories],
                "theme_choices": [(str(key), name) for key, name in themes],
                "current_territory": territory,
                "current_theme": theme,
                "filter_query": urlencode(
                    {k: v for k, v in (("territory", territory), ("theme", theme)) if v}
                ),
            }
        )
        return context
