"""Aggregate a survey's answers across all its language versions.

Labels come from the survey version in the reader's language; answers are matched on
language-neutral keys (see participation.surveys.forms), so every language counts together.
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db.models.fields.json import KeyTextTransform
from django.utils.translation import gettext

from pilots.models import PilotTerritoryPage

from .fields import OTHER, other_key, split_choices
from .models import CHOICE_FIELD_TYPES, FREE_TEXT_TYPES, MAX_RANKED, MULTIPLE_CHOICE_TYPES, Theme
from .tallies import Counts

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


TEXTS_SHOWN = (
    200  # free-text answers listed per question in the admin; the rest on the answers page
)


def grid_result(result: QuestionResult, survey_field, counts: Counts) -> None:
    """Per statement, how many chose each point of the scale."""
    result.scale = split_choices(survey_field.choices)
    for position, statement in enumerate(split_choices(survey_field.rows)):
        chosen = counts.of(survey_field.clean_name, str(position))
        answered = sum(chosen.values())
        result.rows.append(
            RowResult(
                statement,
                answered,
                [
                    Option(label, chosen.get(str(i), 0), percent(chosen.get(str(i), 0), answered))
                    for i, label in enumerate(result.scale)
                ],
            )
        )


def ranking_result(result: QuestionResult, survey_field, counts: Counts) -> None:
    """Per option, its average rank (1 is best) and how often it came first; best first."""
    options = []
    key = survey_field.clean_name
    by_rank = {rank: counts.of(key, str(rank)) for rank in range(1, MAX_RANKED + 1)}
    for position, label in enumerate(split_choices(survey_field.choices)):
        given = {rank: chosen.get(str(position), 0) for rank, chosen in by_rank.items()}
        times = sum(given.values())
        first = given[1]
        options.append(
            RankedOption(
                label,
                first,
                percent(first, result.answered),
                round(sum(rank * n for rank, n in given.items()) / times, 2) if times else None,
            )
        )
    result.options = sorted(
        options, key=lambda option: (option.average_rank is None, option.average_rank or 0)
    )


def date_result(result: QuestionResult, counts: Counts) -> None:
    """Answers per month, in date order (machine-readable year-month labels)."""
    result.options = [
        Option(month, count, percent(count, result.answered))
        for month, count in sorted(counts.of(result.key).items())
    ]


def average(values: dict[str, int]) -> float | None:
    """The mean of counted numeric values (value → how many gave it); unreadable ones skipped."""
    total, weight = Decimal(0), 0
    for value, n in values.items():
        try:
            total += Decimal(value) * n
        except InvalidOperation:
            continue
        weight += n
    return round(float(total / weight), 2) if weight else None


def latest_texts(submissions, key: str) -> list[tuple[int, str]]:
    """(answer id, words) of the latest free-text answers to one question."""
    # Newest first by id (answers are numbered as they arrive): the primary key's index is read
    # backwards and the scan stops at the TEXTS_SHOWN-th text, however many answers there are.
    rows = (
        submissions.filter(form_data__has_key=key)
        .order_by("-pk")
        .values_list("pk", KeyTextTransform(key, "form_data"))[:TEXTS_SHOWN]
    )
    return [(pk, str(words)) for pk, words in rows if words not in (None, "")]


def summarise(survey, counts: Counts, *, public: bool, submissions=None) -> list[QuestionResult]:
    """Results per question for ``survey`` (the reader's language version) from ``counts``
    (``tallies.read``: every language version, a slice of them when filtered). Public results
    leave out free text and personal questions; editors also see the latest free-text answers
    of ``submissions`` (with their ids, so they can turn them into needs)."""
    return summarise_questions(
        survey.get_form_fields(), survey.locale, counts, public=public, submissions=submissions
    )


def summarise_questions(
    questions, locale, counts: Counts, *, public: bool, submissions=None
) -> list[QuestionResult]:
    """``summarise`` for questions already read (``SurveyFormField`` rows of one survey, in
    the reader's language), named in ``locale``: a page citing a few questions of several
    surveys reads them all at once."""
    results = []
    for survey_field in questions:
        if (
            survey_field.is_section
            or survey_field.is_personal
            or (public and not survey_field.in_public_results)
        ):
            continue
        key = survey_field.clean_name
        result = QuestionResult(
            key, survey_field.label, survey_field.field_type, counts.answered(key)
        )
        if survey_field.field_type == "grid":
            grid_result(result, survey_field, counts)
        elif survey_field.field_type == "ranking":
            ranking_result(result, survey_field, counts)
        elif survey_field.field_type == "date":
            date_result(result, counts)
        elif result.is_chart:
            chosen = counts.of(key)
            result.options = [
                Option(
                    label, chosen.get(stored, 0), percent(chosen.get(stored, 0), result.answered)
                )
                for stored, label in option_labels(survey_field, locale)
            ]
            if survey_field.offers_other and not public and submissions is not None:
                result.other_texts = [
                    words for _pk, words in latest_texts(submissions, other_key(key))
                ]
            if survey_field.field_type == "rating":
                result.average = average(chosen)
        elif survey_field.field_type == "number":
            result.average = average(counts.of(key))
        elif not public and submissions is not None:
            result.text_answers = latest_texts(submissions, key)
            result.texts = [words for _pk, words in result.text_answers]
        if public and result.field_type not in PUBLIC_TYPES:
            continue
        results.append(result)
    return results


def is_multiple(field_type: str) -> bool:
    return field_type in MULTIPLE_CHOICE_TYPES
