"""Need surveys built by editors with Wagtail's form builder, translated with wagtail-localize.

Answers are stored under language-neutral keys: a field's ``clean_name`` is synchronised across
translations, and choice answers are stored as the choice's position, so an answer given in
French and one given in Italian to the same question count as one.
"""

import uuid

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
        from participation.views import serve_survey

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
