"""Aggregate a survey's answers across all its language versions.

Labels come from the survey version in the reader's language; answers are matched on
language-neutral keys (see participation.surveys.forms), so every language counts together.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext

from pilots.models import PilotTerritoryPage

from .fields import OTHER, other_key, split_choices
from .models import CHOICE_FIELD_TYPES, FREE_TEXT_TYPES, MULTIPLE_CHOICE_TYPES, Theme

CHART_TYPES = CHOICE_FIELD_TYPES | {"rating", "territory", "theme", "checkbox"}


@dataclass
class Option:
    label: str
    count: int
    percent: float


@dataclass
class QuestionResult:
    key: str
    label: str
    field_type: str
    answered: int
    options: list[Option] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    text_answers: list[tuple[int, str]] = field(default_factory=list)
    other_texts: list[str] = field(default_factory=list)
    average: float | None = None

    @property
    def is_chart(self) -> bool:
        return self.field_type in CHART_TYPES

    @property
    def is_free_text(self) -> bool:
        return self.field_type in FREE_TEXT_TYPES


def option_labels(survey_field, locale) -> list[tuple[str, str]]:
    """(stored value, label in the reader's language) for a question's possible answers."""
    if survey_field.field_type in CHOICE_FIELD_TYPES:
        labels = [(str(i), label) for i, label in enumerate(split_choices(survey_field.choices))]
        if survey_field.offers_other:
            labels.append((OTHER, gettext("Other")))
        return labels
    if survey_field.field_type == "rating":
        return [(str(value), str(value)) for value in range(1, 6)]
    if survey_field.field_type == "checkbox":
        return [("True", gettext("Yes")), ("False", gettext("No"))]
    if survey_field.field_type == "territory":
        return [
            (str(key), title)
            for key, title in PilotTerritoryPage.objects.live()
            .filter(locale=locale, alias_of__isnull=True)
            .values_list("translation_key", "title")
        ]
    if survey_field.field_type == "theme":
        return [
            (str(key), name)
            for key, name in Theme.objects.filter(locale=locale).values_list(
                "translation_key", "name"
            )
        ]
    return []


def summarise(
    survey, answers: list[dict], *, public: bool, answer_ids: list[int] | None = None
) -> list[QuestionResult]:
    """Results per question for ``survey`` (the reader's language version) from ``answers``
    (the ``form_data`` of every language version). Public results leave out free text and
    personal questions. With ``answer_ids`` (aligned with ``answers``) free texts keep the id
    of their answer, so an editor can turn them into needs."""
    results = []
    for survey_field in survey.get_form_fields():
        if survey_field.is_personal or (public and not survey_field.in_public_results):
            continue
        key = survey_field.clean_name
        values = [answer.get(key) for answer in answers]
        values = [value for value in values if value not in (None, "", [])]
        result = QuestionResult(key, survey_field.label, survey_field.field_type, len(values))
        if result.is_chart:
            counts = Counter()
            for value in values:
                for item in value if isinstance(value, list) else [value]:
                    counts[str(item)] += 1
            labels = option_labels(survey_field, survey.locale)
            result.options = [
                Option(
                    label,
                    counts[stored],
                    round(100 * counts[stored] / len(values), 1) if values else 0.0,
                )
                for stored, label in labels
            ]
            if survey_field.offers_other and not public:
                result.other_texts = [
                    words for answer in answers if (words := answer.get(other_key(key)))
                ]
            if survey_field.field_type == "rating" and values:
                result.average = round(sum(int(v) for v in values) / len(values), 2)
        elif survey_field.field_type == "number":
            numbers = []
            for value in values:
                try:
                    numbers.append(Decimal(str(value)))
                except InvalidOperation:
                    continue
            if numbers:
                result.average = round(float(sum(numbers) / len(numbers)), 2)
        elif not public:
            result.texts = [str(value) for value in values]
            if answer_ids is not None:
                result.text_answers = [
                    (answer_id, str(answer.get(key)))
                    for answer_id, answer in zip(answer_ids, answers, strict=True)
                    if answer.get(key) not in (None, "")
                ]
        if public and result.field_type not in CHART_TYPES | {"number"}:
            continue
        results.append(result)
    return results


def answers_for(survey, submissions=None) -> list[dict]:
    """All answers' anonymous data, across languages, in one query."""
    queryset = submissions if submissions is not None else survey.all_submissions()
    return list(queryset.values_list("form_data", flat=True))


def is_multiple(field_type: str) -> bool:
    return field_type in MULTIPLE_CHOICE_TYPES
