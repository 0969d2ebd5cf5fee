"""Answer counts kept on write (``AnswerCount``), and read back for results.

Every stored answer adds one to the count of each value it gives, in its slice (language,
channel, territory, hub, day), in the same transaction as the answer; a change or a deletion
moves the counts with it. Rows are written in one sorted ``INSERT … ON CONFLICT DO UPDATE``,
which adds atomically (PostgreSQL and SQLite alike) and, always in the same order, cannot
deadlock with another answer. ``recount`` rebuilds a survey's counts from its answers (after a
bulk load, or to check them).
"""

import itertools
from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db import connection, transaction
from django.db.models import Sum
from django.db.models.signals import post_delete
from django.utils import timezone

from .models import CHOICE_FIELD_TYPES, AnswerCount, SurveySubmission

COUNTED_TYPES = CHOICE_FIELD_TYPES | {
    "rating",
    "territory",
    "theme",
    "checkbox",
    "date",
    "number",
    "grid",
    "ranking",
}
CROSSED_TYPES = CHOICE_FIELD_TYPES | {"rating", "territory", "theme", "checkbox"}
EVERY = "#"  # question "#": the answers themselves; part "#": the answers to a question
PAIR = "{}|{}"  # question "a|b" (a < b): part is the answer to a, value the answer to b
SLICE = ("language", "channel", "territory_key", "hub_key", "day")
KEY = ("survey_key", "question", "part", "value", *SLICE)


def counted_fields(survey_fields) -> dict[str, str]:
    """Question key → type, for the questions (``SurveyFormField``) whose answers are counted."""
    return {
        field.clean_name: field.field_type
        for field in survey_fields
        if field.field_type in COUNTED_TYPES and not field.is_personal
    }


def facts(form_data: dict, fields: dict[str, str]) -> Counter:
    """(question, part, value) → 1 for everything one answer says, and for each pair of
    questions that can be cross-tabulated, each pair of values it gave them."""
    found = Counter({(EVERY, "", ""): 1})
    crossed: dict[str, list[str]] = {}
    for key, field_type in fields.items():
        value = form_data.get(key)
        if value in (None, "", [], {}):
            continue
        found[(key, EVERY, "")] += 1
        if field_type == "grid" and isinstance(value, dict):
            for statement, choice in value.items():
                found[(key, str(statement), str(choice))] += 1
        elif field_type == "ranking" and isinstance(value, list):
            for rank, option in enumerate(value, start=1):
                found[(key, str(rank), str(option))] += 1
        elif field_type == "date":
            found[(key, "", str(value)[:7])] += 1  # counted per month
        else:
            values = [str(item)[:100] for item in (value if isinstance(value, list) else [value])]
            found.update((key, "", item) for item in values)
            if field_type in CROSSED_TYPES:
                crossed[key] = values
    for first, second in itertools.combinations(sorted(crossed), 2):
        pair = PAIR.format(first, second)
        found.update((pair, a, b) for a in crossed[first] for b in crossed[second])
    return found


SLICE_FIELDS = ("language", "channel", "territory_key", "hub_key", "collected_on", "submit_time")


def slice_of(submission: SurveySubmission) -> tuple:
    return slice_from(*(getattr(submission, name) for name in SLICE_FIELDS))


def slice_from(language, channel, territory_key, hub_key, collected_on, submit_time) -> tuple:
    """The slice an answer counts in; its day is the day it was collected, or else sent."""
    day = collected_on or timezone.localdate(submit_time)
    return (language, channel, str(territory_key or ""), str(hub_key or ""), day)


def write_rows(rows: Counter) -> None:
    """Add each (survey, question, part, value, *slice) → n to its count (one statement per
    thousand rows: SQLite takes at most 32,766 parameters in one)."""
    rows = sorted((key, n) for key, n in rows.items() if n)
    if not rows:
        return
    for start in range(0, len(rows), 1000):
        _upsert(rows[start : start + 1000])


def _upsert(rows: list) -> None:
    table = connection.ops.quote_name(AnswerCount._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(name) for name in (*KEY, "count"))
    conflict = ", ".join(connection.ops.quote_name(name) for name in KEY)
    values = ", ".join(["(" + ", ".join(["%s"] * (len(KEY) + 1)) + ")"] * len(rows))
    params = []
    for key, n in rows:
        *head, day = key
        params.extend([*head, connection.ops.adapt_datefield_value(day), n])
    count = connection.ops.quote_name("count")
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({columns}) VALUES {values} "  # noqa: S608 (our own names)
            f"ON CONFLICT ({conflict}) DO UPDATE SET {count} = {table}.{count} + excluded.{count}",
            params,
        )


def change(survey_key, fields: dict, before=None, after=None) -> None:
    """Move the counts from what an answer said (``before``, a submission as it was) to what
    it says now (``after``); either may be ``None`` (a new or a deleted answer)."""
    rows: Counter = Counter()
    for submission, sign in ((before, -1), (after, 1)):
        if submission is None:
            continue
        where = slice_of(submission)
        for (question, part, value), n in facts(submission.form_data, fields).items():
            rows[(str(survey_key), question, part, value, *where)] += sign * n
    write_rows(rows)


def forget_deleted(instance, **_kwargs) -> None:
    """A deleted answer no longer counts (``post_delete`` of ``SurveySubmission``)."""
    try:
        survey = instance.page
    except ObjectDoesNotExist:  # the whole survey is going: its counts with it
        return
    change(survey.translation_key, counted_fields(survey.get_form_fields()), before=instance)


def connect() -> None:
    post_delete.connect(forget_deleted, sender=SurveySubmission, dispatch_uid="answer-counts")


def _frozen(value):
    """A hashable stand-in for a stored answer (a list → tuple, a grid's dict → frozenset)."""
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, dict):
        return frozenset((key, _frozen(item)) for key, item in value.items())
    return value


def _thawed(value):
    if isinstance(value, frozenset):
        return {key: _thawed(item) for key, item in value}
    if isinstance(value, tuple):
        return [_thawed(item) for item in value]
    return value


def recount(survey) -> int:
    """Rebuild the counts of ``survey`` (every language) from its answers; returns how many
    answers were counted. Answers that say the same in the same slice are counted together
    first, so a million answers cost a million dictionary lookups, not a million ``facts``."""
    fields = counted_fields(survey.get_form_fields())
    keys = list(fields)
    alike: Counter = Counter()
    with transaction.atomic():
        AnswerCount.objects.filter(survey_key=str(survey.translation_key)).delete()
        answers = survey.all_submissions().order_by().values_list("form_data", *SLICE_FIELDS)
        for form_data, *where in answers.iterator(chunk_size=5000):
            said = tuple(_frozen(form_data.get(key)) for key in keys)
            alike[(slice_from(*where), said)] += 1
        rows: Counter = Counter()
        for (where, said), times in alike.items():
            form_data = {key: _thawed(value) for key, value in zip(keys, said, strict=True)}
            for (question, part, value), n in facts(form_data, fields).items():
                rows[(str(survey.translation_key), question, part, value, *where)] += n * times
        write_rows(rows)
    return sum(alike.values())


@dataclass
class Counts:
    """Counts read back: ``of(question, part)`` → value → count."""

    table: dict

    @property
    def answers(self) -> int:
        return self.table.get((EVERY, ""), {}).get("", 0)

    def answered(self, question: str) -> int:
        return self.table.get((question, EVERY), {}).get("", 0)

    def of(self, question: str, part: str = "") -> dict[str, int]:
        return self.table.get((question, part), {})


def crossed(counts, first: str, second: str) -> Counter:
    """(answer to ``first``, answer to ``second``) → how many gave both, from an
    ``AnswerCount`` queryset (narrowed to a slice when filtered)."""
    swapped = second < first
    pair = PAIR.format(*sorted((first, second)))
    table: Counter = Counter()
    for a, b, total in (
        counts.filter(question=pair)
        .order_by()
        .values_list("part", "value")
        .annotate(total=Sum("count"))
        .values_list("part", "value", "total")
    ):
        table[(b, a) if swapped else (a, b)] += total
    return table


def read(survey, counts=None) -> Counts:
    """The counts of ``survey`` across languages; ``counts`` is an ``AnswerCount`` queryset
    already narrowed to a slice (``AnswerFilterForm.apply_to_counts``)."""
    queryset = counts if counts is not None else counts_of(survey)
    table: dict = {}
    for question, part, value, total in (
        queryset.order_by()
        .values_list("question", "part", "value")
        .annotate(total=Sum("count"))
        .values_list("question", "part", "value", "total")
    ):
        if total:
            table.setdefault((question, part), {})[value] = total
    return Counts(table)


def counts_of(survey):
    return AnswerCount.objects.filter(survey_key=str(survey.translation_key))
