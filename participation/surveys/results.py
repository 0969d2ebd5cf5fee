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

CHART_TYPES = CHOICE_FIELD_TYPES | {"rating", "territory", "theme", "checkbox", "date"}
CROSSTAB_TYPES = CHOICE_FIELD_TYPES | {"rating", "territory", "theme", "checkbox"}
PUBLIC_TYPES = CHART_TYPES | {"number", "grid", "ranking"}


@dataclass
class Option:
    label: str
    count: int
    percent: float


@dataclass
class RowResult:
    label: str
    answered: int
    options: list[Option]


@dataclass
class RankedOption(Option):
    """A ranking's option: ``count`` and ``percent`` are how often it was ranked first."""

    average_rank: float | None = None


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
    rows: list["RowResult"] = field(default_factory=list)  # a grid: one per statement
    scale: list[str] = field(default_factory=list)  # a grid's scale, in order

    @property
    def is_chart(self) -> bool:
        return self.field_type in CHART_TYPES

    @property
    def is_free_text(self) -> bool:
        return self.field_type in FREE_TEXT_TYPES


def option_labels(survey_field, locale) -> list[tuple[str, str]]:
    """(stored value, label in the reader's language) for a question's possible answers."""
    if survey_field.field_type in {"grid", "ranking"}:  # a grid's scale, a ranking's options
        return [(str(i), label) for i, label in enumerate(split_choices(survey_field.choices))]
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


def percent(count: int, total: int) -> float:
    return round(100 * count / total, 1) if total else 0.0


def grid_result(result: QuestionResult, survey_field, values: list) -> None:
    """Per statement, how many chose each point of the scale."""
    result.scale = split_choices(survey_field.choices)
    for position, statement in enumerate(split_choices(survey_field.rows)):
        chosen = [value.get(str(position)) for value in values if isinstance(value, dict)]
        chosen = [choice for choice in chosen if choice is not None]
        counts = Counter(str(choice) for choice in chosen)
        result.rows.append(
            RowResult(
                statement,
                len(chosen),
                [
                    Option(label, counts[str(i)], percent(counts[str(i)], len(chosen)))
                    for i, label in enumerate(result.scale)
                ],
            )
        )


def ranking_result(result: QuestionResult, survey_field, values: list) -> None:
    """Per option, its average rank (1 is best) and how often it came first; best first."""
    ranks: dict[str, list[int]] = {}
    for value in values:
        for rank, position in enumerate(value if isinstance(value, list) else [], start=1):
            ranks.setdefault(str(position), []).append(rank)
    options = []
    for position, label in enumerate(split_choices(survey_field.choices)):
        given = ranks.get(str(position), [])
        first = given.count(1)
        options.append(
            RankedOption(
                label,
                first,
                percent(first, len(values)),
                round(sum(given) / len(given), 2) if given else None,
            )
        )
    result.options = sorted(
        options, key=lambda option: (option.average_rank is None, option.average_rank or 0)
    )


def date_result(result: QuestionResult, values: list) -> None:
    """Answers per month, in date order (machine-readable year-month labels)."""
    counts = Counter(str(value)[:7] for value in values)
    result.options = [
        Option(month, count, percent(count, len(values))) for month, count in sorted(counts.items())
    ]


def summarise(
    survey, answers: list[dict], *, public: bool, answer_ids: list[int] | None = None
) -> list[QuestionResult]:
    """Results per question for ``survey`` (the reader's language version) from ``answers``
    (the ``form_data`` of every language version). Public results leave out free text and
    personal questions. With ``answer_ids`` (aligned with ``answers``) free texts keep the id
    of their answer, so an editor can turn them into needs."""
    results = []
    for survey_field in survey.get_form_fields():
        if (
            survey_field.is_section
            or survey_field.is_personal
            or (public and not survey_field.in_public_results)
        ):
            continue
        key = survey_field.clean_name
        values = [answer.get(key) for answer in answers]
        values = [value for value in values if value not in (None, "", [])]
        result = QuestionResult(key, survey_field.label, survey_field.field_type, len(values))
        if survey_field.field_type == "grid":
            grid_result(result, survey_field, values)
        elif survey_field.field_type == "ranking":
            ranking_result(result, survey_field, values)
        elif survey_field.field_type == "date":
            date_result(result, values)
        elif result.is_chart:
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
        if public and result.field_type not in PUBLIC_TYPES:
            continue
        results.append(result)
    return results


def answers_for(survey, submissions=None) -> list[dict]:
    """All answers' anonymous data, across languages, in one query."""
    queryset = submissions if submissions is not None else survey.all_submissions()
    return list(queryset.values_list("form_data", flat=True))


def is_multiple(field_type: str) -> bool:
    return field_type in MULTIPLE_CHOICE_TYPES
