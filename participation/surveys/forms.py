"""Builds a survey's Django form from its questions.

Choice answers are stored as the choice's position ("0", "1", …) and territory and theme
answers as translation keys, so answers in every language land under the same values.
"""

import datetime
import uuid
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.models import Locale

from core.forms import HoneypotMixin, IsoDateInput
from pilots.models import PilotTerritoryPage

from .fields import OTHER, other_key, part_key, split_choices
from .models import MAX_RANKED, MULTIPLE_CHOICE_TYPES, Theme
from .steps import Plan, key_of, sections_of

CONSENT_FIELD = "consent"
SINGLE_LINE_MAX = 255
MULTI_LINE_MAX = 4000
NUMBER_LIMIT = 10**9
# The dates a date question accepts when its editor set no window of their own.
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)


def plain(number: Decimal) -> Decimal:
    """100.0000 as 100 and 2.5000 as 2.5, never 1E+2: shown in messages and HTML attributes."""
    return Decimal(format(number.normalize(), "f"))


class SurveyFormBuilder(FormBuilder):
    def __init__(self, fields, locale: Locale, request=None):
        """``request``: the routed request the form is shown on, if any (its route read the
        restricted pages, so the territories list asks nothing more about them)."""
        super().__init__(fields)
        self.locale = locale
        self.request = request

    def get_formatted_field_choices(self, field):
        choices = [
            (str(position), label) for position, label in enumerate(split_choices(field.choices))
        ]
        if field.offers_other:
            choices.append((OTHER, _("Other")))
        return choices

    def get_formatted_field_initial(self, field):
        labels = split_choices(field.choices)
        defaults = split_choices(field.default_value)
        return [str(labels.index(value)) for value in defaults if value in labels]

    def get_field_options(self, field):
        options = super().get_field_options(field)
        if field.field_type in {"dropdown", "radio"}:
            initial = self.get_formatted_field_initial(field)
            options["initial"] = initial[0] if initial else None
        elif field.field_type in MULTIPLE_CHOICE_TYPES:
            options["initial"] = self.get_formatted_field_initial(field)
        return options

    def create_singleline_field(self, field, options):
        return forms.CharField(max_length=SINGLE_LINE_MAX, **options)

    def create_multiline_field(self, field, options):
        return forms.CharField(
            max_length=MULTI_LINE_MAX,
            widget=forms.Textarea(attrs={"rows": 5, "maxlength": MULTI_LINE_MAX}),
            **options,
        )

    def create_number_field(self, field, options):
        """Within the editor's minimum and maximum, if set; the browser is told them too."""
        return forms.DecimalField(
            max_digits=14,
            decimal_places=4,
            min_value=-NUMBER_LIMIT if field.minimum is None else plain(field.minimum),
            max_value=NUMBER_LIMIT if field.maximum is None else plain(field.maximum),
            **options,
        )

    def create_date_field(self, field, options):
        """Within the editor's earliest and latest date, or else 1900–2100: year 1 or 9999 is
        a slip of the keyboard, never an answer. The browser's date picker is told them too."""
        earliest, latest = date_window(field)
        return forms.DateField(
            widget=IsoDateInput(attrs={"min": earliest.isoformat(), "max": latest.isoformat()}),
            validators=[DateWindowValidator(earliest, latest)],
            **options,
        )

    def create_datetime_field(self, field, options):
        earliest, latest = date_window(field)
        return forms.DateTimeField(validators=[DateWindowValidator(earliest, latest)], **options)

    def create_rating_field(self, field, options):
        options.pop("initial", None)
        return forms.TypedChoiceField(
            choices=[(str(value), str(value)) for value in range(1, 6)],
            coerce=int,
            widget=forms.RadioSelect(attrs={"class": "rating"}),
            **options,
        )

    def create_territory_field(self, field, options):
        territories = PilotTerritoryPage.objects.for_listing(self.locale, self.request).values_list(
            "translation_key", "title"
        )
        options.pop("initial", None)
        return forms.ChoiceField(
            choices=[("", "—")] + [(str(key), title) for key, title in territories], **options
        )

    def create_theme_field(self, field, options):
        themes = Theme.objects.filter(locale=self.locale, live=True).values_list(
            "translation_key", "name"
        )
        options.pop("initial", None)
        return forms.ChoiceField(
            choices=[("", "—")] + [(str(key), name) for key, name in themes], **options
        )


def date_window(field) -> tuple[datetime.date, datetime.date]:
    return field.earliest_date or EARLIEST_DATE, field.latest_date or LATEST_DATE


@deconstructible
class DateWindowValidator:
    """Refuses a date (or the day of a date and time) outside ``earliest``–``latest``, saying
    the window in the visitor's language."""

    def __init__(self, earliest: datetime.date, latest: datetime.date):
        self.earliest, self.latest = earliest, latest

    def __call__(self, value) -> None:
        day = value.date() if isinstance(value, datetime.datetime) else value
        if not self.earliest <= day <= self.latest:
            raise ValidationError(
                _("Give a date from %(earliest)s to %(latest)s.")
                % {
                    "earliest": date_format(self.earliest, "j F Y"),
                    "latest": date_format(self.latest, "j F Y"),
                },
                code="date_outside_window",
            )

    def __eq__(self, other):
        return isinstance(other, DateWindowValidator) and (self.earliest, self.latest) == (
            other.earliest,
            other.latest,
        )


def grid_fields(field, required: bool) -> dict[str, forms.Field]:
    """One row of radio buttons per statement, all on the question's scale."""
    scale = [(str(i), label) for i, label in enumerate(split_choices(field.choices))]
    return {
        part_key(key_of(field), i): forms.ChoiceField(
            label=statement, choices=scale, required=required, widget=forms.RadioSelect
        )
        for i, statement in enumerate(split_choices(field.rows))
    }


def ranking_fields(field, required: bool) -> dict[str, forms.Field]:
    """One "rank" select per option: works without JavaScript and with a screen reader."""
    options = split_choices(field.choices)[:MAX_RANKED]
    ranks = [("", "—")] + [(str(rank), str(rank)) for rank in range(1, len(options) + 1)]
    return {
        part_key(key_of(field), i): forms.TypedChoiceField(
            label=option, choices=ranks, coerce=int, required=required, empty_value=None
        )
        for i, option in enumerate(options)
    }


class SurveyFormBase(HoneypotMixin, forms.Form):
    """Adds what every survey form needs beside the editor's questions.

    ``validate_only`` (a set of form field names) limits validation to the questions a
    respondent has been shown so far: later steps and questions hidden by a condition are
    neither checked nor kept.
    """

    submission_token = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    validate_only: set[str] | None = None

    def full_clean(self):
        super().full_clean()
        if self.validate_only is None or not self.is_bound:
            return
        for name in list(self._errors):  # the token, consent and honeypot are always checked
            if name in self.answer_names and name not in self.validate_only:
                del self._errors[name]
        for name in list(self.cleaned_data):
            if name in self.answer_names and name not in self.validate_only:
                del self.cleaned_data[name]

    def question_view(self, question, **extra) -> dict:
        """What ``question_fields.html`` draws for one question (online, or on the hub entry
        form, which adds its number)."""
        field = question.field
        return {
            "key": question.key,
            "kind": question.kind,
            "label": field.label,
            "help_text": field.help_text,
            "required": field.required,
            "fields": [self[name] for name in question.names],
            "condition": question.condition,
            "hint": question.hint,
            **extra,
        }

    def shown(self, name: str) -> bool:
        return self.validate_only is None or name in self.validate_only

    def clean(self):
        """Consent is needed only when the visitor actually gives personal data; "Other" needs
        its words, and words typed without choosing "Other" are not kept; a rank is given
        once."""
        cleaned_data = super().clean()
        for field in self.survey_fields:
            if field.field_type == "ranking":
                self.check_ranking(field, cleaned_data)
            if not field.offers_other or not self.shown(key_of(field)):
                continue
            key = key_of(field)
            chosen = cleaned_data.get(key)
            picked_other = chosen == OTHER or (isinstance(chosen, list) and OTHER in chosen)
            words = (cleaned_data.get(other_key(key)) or "").strip()
            if picked_other and not words:
                self.add_error(
                    other_key(key),
                    _("Say what “Other” is, or choose another answer."),
                )
            cleaned_data[other_key(key)] = words if picked_other else ""
        gives_personal_data = any(
            cleaned_data.get(key_of(field))
            for field in self.survey_fields
            if field.is_personal and self.shown(key_of(field))
        )
        if gives_personal_data and not cleaned_data.get(CONSENT_FIELD):
            self.add_error(CONSENT_FIELD, _("Please give your consent to send personal data."))
        return cleaned_data

    def check_ranking(self, field, cleaned_data) -> None:
        names = [name for name in self.question_names[key_of(field)] if self.shown(name)]
        seen = set()
        for name in names:
            rank = cleaned_data.get(name)
            if rank is None:
                continue
            if rank in seen:
                self.add_error(name, _("Each rank can be given to one option only."))
            seen.add(rank)

    def answers(self) -> dict:
        """The answer to each question shown, under its language-neutral key: a grid as
        {statement position: scale position}, a ranking as option positions, best first."""
        data = self.cleaned_data
        answers = {}
        for field in self.survey_fields:
            key = key_of(field)
            names = self.question_names[key]
            if not any(self.shown(name) for name in names):
                continue
            if field.field_type == "grid":
                answers[key] = {
                    name.rsplit("__", 1)[1]: data[name] for name in names if data.get(name)
                } or None
            elif field.field_type == "ranking":
                ranked = sorted(
                    (data[name], name.rsplit("__", 1)[1])
                    for name in names
                    if data.get(name) is not None
                )
                answers[key] = [position for _rank, position in ranked] or None
            else:
                answers[key] = data.get(key)
                if field.offers_other:
                    answers[other_key(key)] = data.get(other_key(key), "")
        return answers

    def raw_answers(self) -> dict[str, list[str]]:
        """What the respondent has chosen so far, as sent, to decide which steps and
        questions to show (see participation.surveys.steps)."""
        answers = {}
        for name, field in self.fields.items():
            value = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            if isinstance(value, bool):
                value = str(value)
            answers[name] = (
                [str(item) for item in value]
                if isinstance(value, list)
                else ([str(value)] if value not in (None, "") else [])
            )
        return answers

    def raw_initial(self) -> dict:
        """The answers sent so far as initial values: a step shown again keeps them."""
        initial = {}
        for name, field in self.fields.items():
            if name == "submission_token":
                continue
            value = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            if value not in (None, "", []):
                initial[name] = value
        if self.data.get("submission_token"):
            initial["submission_token"] = self.data["submission_token"]
        return initial

    def plan(self) -> Plan:
        return Plan.for_answers(self.sections, self.raw_answers() if self.is_bound else {})


def build_survey_form_class(survey, privacy_url: str = "", request=None) -> type[forms.Form]:
    fields = [field for field in survey.get_form_fields() if not field.is_section]
    builder = SurveyFormBuilder(
        [field for field in fields if field.field_type not in {"grid", "ranking"}],
        survey.locale_id,
        request,
    )
    built = builder.formfields
    attributes = {}
    for field in fields:  # each "Other" box right after its question
        key = key_of(field)
        if field.field_type == "grid":
            attributes.update(grid_fields(field, field.required))
            continue
        if field.field_type == "ranking":
            attributes.update(ranking_fields(field, field.required))
            continue
        attributes[key] = built[key]
        if field.offers_other:
            attributes[other_key(key)] = forms.CharField(
                label=_("Other, please specify"), required=False, max_length=SINGLE_LINE_MAX
            )
    if any(field.is_personal for field in fields):
        label = _(
            "If I give personal data, I agree that it is used for this survey as described in "
            "the privacy notice."
        )
        attributes[CONSENT_FIELD] = forms.BooleanField(
            required=False,
            label=label,
            help_text=format_html('<a href="{}">{}</a>', privacy_url, _("Read the privacy notice"))
            if privacy_url
            else "",
        )
    form_class = type("SurveyForm", (SurveyFormBase,), attributes)
    form_class.survey_fields = fields
    form_class.sections = sections_of(survey.get_form_fields())
    form_class.question_names = {
        question.key: question.names
        for section in form_class.sections
        for question in section.questions
    }
    form_class.answer_names = set().union(*form_class.question_names.values())
    return form_class
