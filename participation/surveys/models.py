"""What a survey is made of: its questions, its answers and the themes they refer to.

Answers are stored under language-neutral keys: a question's ``clean_name`` is synchronised
across translations, and choice answers are stored as the choice's position, so an answer given
in French and one given in Italian to the same question count as one.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from .fields import ChoiceListField, split_choices

SURVEY_FIELD_CHOICES = (
    *FORM_FIELD_CHOICES,
    ("rating", _("Rating from 1 to 5")),
    ("territory", _("Which pilot territory")),
    ("theme", _("Which theme")),
    ("grid", _("Grid: statements rated on one scale")),
    ("ranking", _("Ranking of up to 7 options")),
    ("section", _("New section (starts a new step)")),
)
CHOICE_FIELD_TYPES = {"dropdown", "multiselect", "radio", "checkboxes"}
CONDITION_TYPES = CHOICE_FIELD_TYPES | {"checkbox"}  # what a condition can point at
MAX_RANKED = 7
MULTIPLE_CHOICE_TYPES = {"multiselect", "checkboxes"}
FREE_TEXT_TYPES = {"singleline", "multiline"}


class Theme(DraftStateMixin, RevisionMixin, PreviewableMixin, TranslatableMixin, models.Model):
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

    def get_preview_template(self, request, mode_name):
        return "participation/surveys/theme_preview.html"


class SurveyFormField(TranslatableMixin, AbstractFormField):
    """A question. Labels, help texts and choices are translated; the storage key is not."""

    page = ParentalKey(
        "participation.SurveyPage", on_delete=models.CASCADE, related_name="form_fields"
    )
    field_type = models.CharField(_("field type"), max_length=16, choices=SURVEY_FIELD_CHOICES)
    choices = ChoiceListField(
        _("choices"),
        blank=True,
        help_text=_(
            "One choice per line, for single and multiple choice questions. Translators "
            "translate each choice on its own; answers are kept by position, so do not reorder "
            "choices once answers have arrived."
        ),
    )
    rows = ChoiceListField(
        _("statements"),
        blank=True,
        help_text=_(
            "For grid questions: one statement per line, each rated on the scale given in "
            "“choices”."
        ),
    )
    show_when = models.CharField(
        _("show only when"),
        max_length=300,
        blank=True,
        help_text=_(
            "Show this question (or this whole section) only when an earlier answer matches. "
            "The list offers the questions saved so far: save a draft after adding a question "
            "to use it here."
        ),
    )
    personal_data = models.BooleanField(
        _("asks for personal data"),
        default=False,
        help_text=_(
            "Tick for names, phone numbers or addresses: these answers are erased after the "
            "retention period and never published. E-mail questions always count as personal."
        ),
    )

    in_public_results = models.BooleanField(
        _("in the public results"),
        default=True,
        help_text=_(
            "Untick to keep this question's results for editors only. Free text and personal "
            "questions are never published."
        ),
    )
    allow_other = models.BooleanField(
        _("offer “Other, please specify”"),
        default=False,
        help_text=_(
            "For single and multiple choice questions: adds an “Other” choice and a box to say "
            "what."
        ),
    )
    minimum = models.DecimalField(
        _("smallest number accepted"),
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("For number questions only; leave empty for no limit."),
    )
    maximum = models.DecimalField(
        _("largest number accepted"),
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("For number questions only; leave empty for no limit."),
    )

    earliest_date = models.DateField(
        _("earliest date accepted"),
        null=True,
        blank=True,
        help_text=_("For date questions only; leave empty to accept dates from 1900."),
    )
    latest_date = models.DateField(
        _("latest date accepted"),
        null=True,
        blank=True,
        help_text=_("For date questions only; leave empty to accept dates up to 2100."),
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("required"),
        FieldPanel("field_type", classname="formbuilder-type"),
        FieldPanel("choices", classname="formbuilder-choices"),
        FieldPanel("rows"),
        FieldPanel("default_value", classname="formbuilder-default"),
        FieldPanel("show_when"),
        FieldPanel("allow_other"),
        FieldPanel("in_public_results"),
        FieldRowPanel([FieldPanel("minimum"), FieldPanel("maximum")]),
        FieldRowPanel([FieldPanel("earliest_date"), FieldPanel("latest_date")]),
        FieldPanel("personal_data"),
    ]
    override_translatable_fields = [
        SynchronizedField("show_when", overridable=False),
        SynchronizedField("allow_other", overridable=False),
        SynchronizedField("in_public_results", overridable=False),
        SynchronizedField("minimum", overridable=False),
        SynchronizedField("maximum", overridable=False),
        SynchronizedField("earliest_date", overridable=False),
        SynchronizedField("latest_date", overridable=False),
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type", overridable=False),
        SynchronizedField("required", overridable=False),
        SynchronizedField("personal_data", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def clean(self):
        super().clean()
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValidationError(
                {"maximum": _("The largest number accepted cannot be below the smallest.")}
            )
        if self.earliest_date and self.latest_date and self.earliest_date > self.latest_date:
            raise ValidationError(
                {"latest_date": _("The latest date accepted cannot be before the earliest.")}
            )
        choices = split_choices(self.choices or "")
        if self.field_type == "ranking" and not 2 <= len(choices) <= MAX_RANKED:
            raise ValidationError(
                {
                    "choices": _("A ranking needs between 2 and %(max)d options, one per line.")
                    % {"max": MAX_RANKED}
                }
            )
        if self.field_type == "grid" and (len(choices) < 2 or not split_choices(self.rows or "")):
            raise ValidationError(
                {
                    "rows": _(
                        "A grid needs at least one statement and a scale of two or more choices."
                    )
                }
            )

    @property
    def offers_other(self) -> bool:
        return self.allow_other and self.field_type in CHOICE_FIELD_TYPES

    @property
    def is_section(self) -> bool:
        return self.field_type == "section"

    @property
    def is_personal(self) -> bool:
        return self.personal_data or self.field_type == "email"


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("On paper")
    PHONE = "phone", _("By phone")
    IN_PERSON = "in_person", _("In person")


class SurveySubmission(RevisionMixin, AbstractFormSubmission):
    """One answer. Personal answers are kept apart from the rest so they can be erased while
    the anonymous part still counts in the statistics.

    Answers collected at a hub (on paper, by phone, in person) are entered by a facilitator;
    each entry and each later change is a revision, so nothing is overwritten silently.
    Revisions never hold personal data: erasing it from the answer erases it everywhere."""

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
    channel = models.CharField(
        _("channel"), max_length=12, choices=Channel.choices, default=Channel.ONLINE
    )
    hub_key = models.UUIDField(_("hub"), null=True, blank=True, db_index=True)
    collected_on = models.DateField(_("collected on"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        ordering = ["-submit_time"]
        indexes = [
            models.Index(fields=["page", "submit_time"]),
            # The latest free-text answers of the admin results, filtered by language and
            # channel, read newest first without scanning the whole survey.
            models.Index(
                fields=["page", "language", "channel", "-id"], name="answers_latest_slice"
            ),
        ]

    def get_data(self):
        return {**self.form_data, **self.personal_data, "submit_time": self.submit_time}

    def serializable_data(self):
        data = super().serializable_data()
        data.pop("personal_data", None)
        data.pop("respondent_email", None)
        return data

    def __str__(self):
        return _("Answer %(number)s to “%(survey)s”") % {"number": self.pk, "survey": self.page}


class AnswerCount(models.Model):
    """How many answers gave one value to one question, per slice of the answers the results
    can be filtered by (language, channel, territory, hub, day). Kept on write in the answer's
    transaction (``tallies``), so results over a million answers add up a few thousand rows
    instead of reading every answer. ``part`` is a grid's statement or a ranking's rank;
    ``question`` ``#`` counts the answers themselves and ``part`` ``#`` those who answered;
    ``question`` ``a|b`` counts the pairs of answers to two questions (the cross-tabulation)."""

    survey_key = models.CharField(max_length=36)
    question = models.CharField(max_length=255)
    part = models.CharField(max_length=100, blank=True)
    value = models.CharField(max_length=100, blank=True)
    language = models.CharField(max_length=8)
    channel = models.CharField(max_length=12)
    territory_key = models.CharField(max_length=36, blank=True)
    hub_key = models.CharField(max_length=36, blank=True)
    day = models.DateField()
    count = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "survey_key",
                    "question",
                    "part",
                    "value",
                    "language",
                    "channel",
                    "territory_key",
                    "hub_key",
                    "day",
                ],
                name="one_count_per_slice",
            )
        ]

    def __str__(self):
        return f"{self.question} {self.part} {self.value}: {self.count}"
