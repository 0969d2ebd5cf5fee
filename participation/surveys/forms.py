"""Builds a survey's Django form from its questions.

Choice answers are stored as the choice's position ("0", "1", …) and territory and theme
answers as translation keys, so answers in every language land under the same values.
"""

import uuid
from decimal import Decimal

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.models import Locale

from participation.common import HoneypotMixin
from pilots.models import PilotTerritoryPage

from .fields import OTHER, other_key, split_choices
from .models import MULTIPLE_CHOICE_TYPES, Theme

CONSENT_FIELD = "consent"
SINGLE_LINE_MAX = 255
MULTI_LINE_MAX = 4000
NUMBER_LIMIT = 10**9


def plain(number: Decimal) -> Decimal:
    """100.0000 as 100 and 2.5000 as 2.5, never 1E+2: shown in messages and HTML attributes."""
    return Decimal(format(number.normalize(), "f"))


class SurveyFormBuilder(FormBuilder):
    def __init__(self, fields, locale: Locale):
        super().__init__(fields)
        self.locale = locale

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
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **options)

    def create_rating_field(self, field, options):
        options.pop("initial", None)
        return forms.TypedChoiceField(
            choices=[(str(value), str(value)) for value in range(1, 6)],
            coerce=int,
            widget=forms.RadioSelect(attrs={"class": "rating"}),
            **options,
        )

    def create_territory_field(self, field, options):
        territories = PilotTerritoryPage.objects.for_listing(self.locale).values_list(
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


class SurveyFormBase(HoneypotMixin, forms.Form):
    """Adds what every survey form needs beside the editor's questions."""

    submission_token = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    def clean(self):
        """Consent is needed only when the visitor actually gives personal data; "Other" needs
        its words, and words typed without choosing "Other" are not kept."""
        cleaned_data = super().clean()
        for field in self.survey_fields:
            if not field.offers_other:
                continue
            chosen = cleaned_data.get(field.clean_name)
            picked_other = chosen == OTHER or (isinstance(chosen, list) and OTHER in chosen)
            words = (cleaned_data.get(other_key(field.clean_name)) or "").strip()
            if picked_other and not words:
                self.add_error(
                    other_key(field.clean_name),
                    _("Say what “Other” is, or choose another answer."),
                )
            cleaned_data[other_key(field.clean_name)] = words if picked_other else ""
        gives_personal_data = any(
            cleaned_data.get(field.clean_name) for field in self.survey_fields if field.is_personal
        )
        if gives_personal_data and not cleaned_data.get(CONSENT_FIELD):
            self.add_error(CONSENT_FIELD, _("Please give your consent to send personal data."))
        return cleaned_data


def build_survey_form_class(survey, privacy_url: str = "") -> type[forms.Form]:
    fields = list(survey.get_form_fields())
    builder = SurveyFormBuilder(fields, survey.locale)
    attributes = {}
    for field in fields:  # each "Other" box right after its question
        attributes[field.clean_name] = builder.formfields[field.clean_name]
        if field.offers_other:
            attributes[other_key(field.clean_name)] = forms.CharField(
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
    return form_class


def field_key(field) -> str:
    return field.clean_name or get_field_clean_name(field.label)
