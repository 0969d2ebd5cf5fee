"""Answer counts kept on write (``AnswerCount``), and read back for results.

Every stored answer adds one to the count of each value it gives, in its slice (language,
channel, territory, hub, day), in the same transaction as the answer; a change or a deletion
moves the counts with it. Rows are written, in key order, by one ``INSERT … ON CONFLICT DO
UPDATE`` statement, which adds atomically (PostgreSQL and SQLite alike) and, always in the same
order, cannot deadlock with another answer. Each answer is counted for its day (the date filter
needs it) and for all days together (``ALL_DAYS``), with the pairs of the cross-tabulation
counted for all days only. ``recount`` rebuilds a survey's counts from its answers (after a
bulk load, or to check them).
"""

import datetime
import itertools
from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db import connection, transaction
from django.db.models import Count, DateField, Sum, Value
from django.db.models.fields.json import KeyTransform
from django.db.models.functions import Coalesce, TruncDate
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
# Every other question (free text, a link, a date and time…) is counted only as answered: its
# values are not tallied (each is different; editors read them from the answers themselves).
NOT_COUNTED_TYPES = {"section", "hidden"}
EVERY = "#"  # question "#": the answers themselves; part "#": the answers to a question
PAIR = "{}|{}"  # question "a|b" (a < b): part is the answer to a, value the answer to b
SLICE = ("language", "channel", "territory_key", "hub_key", "day")
KEY = ("survey_key", "question", "part", "value", *SLICE)
# Counts are kept twice: for every day (only answers to one question: the date filter needs
# them), and for all days together (with the pairs of the cross-tabulation), under this date.
# Per day, pairs would multiply the rows by the number of days for little use.
ALL_DAYS = datetime.date(1, 1, 1)


def keyed(survey_key, found: Counter, where: tuple, times: int = 1) -> Counter:
    """``facts`` of one answer (or ``times`` alike answers) as count rows of its slice."""
    *dims, day = where
    rows: Counter = Counter()
    for (question, part, value), n in found.items():
        rows[(str(survey_key), question, part, value, *dims, ALL_DAYS)] += n * times
        if "|" not in question:
            rows[(str(survey_key), question, part, value, *dims, day)] += n * times
    return rows


def counted_fields(survey_fields) -> dict[str, str]:
    """Question key → type, for the questions (``SurveyFormField``) whose answers are counted:
    every question but sections and personal ones, the values of ``COUNTED_TYPES`` only."""
    return {
        field.clean_name: field.field_type
        for field in survey_fields
        if field.field_type not in NOT_COUNTED_TYPES and not field.is_personal
    }


def is_empty(value) -> bool:
    """An answer left blank, in whatever shape the question stores it."""
    return value is None or (isinstance(value, str | list | dict) and not value)


def facts(form_data: dict, fields: dict[str, str]) -> Counter:
    """(question, part, value) → 1 for everything one answer says, and for each pair of
    questions that can be cross-tabulated, each pair of values it gave them."""
    found = Counter({(EVERY, "", ""): 1})
    crossed: dict[str, list[str]] = {}
    for key, field_type in fields.items():
        value = form_data.get(key)
        if is_empty(value):
            continue
        found[(key, EVERY, "")] += 1
        if field_type not in COUNTED_TYPES:
            continue
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


def slice_of(submission: SurveySubmission) -> tuple:
    """The slice an answer counts in; its day is the day it was collected, or else sent."""
    day = submission.collected_on or timezone.localdate(submission.submit_time)
    return slice_from(
        submission.language, submission.channel, submission.territory_key, submission.hub_key, day
    )


def slice_from(language, channel, territory_key, hub_key, day) -> tuple:
    return (language, channel, str(territory_key or ""), str(hub_key or ""), day)


def write_rows(rows: Counter) -> None:
    """Add each (survey, question, part, value, *slice) → n to its count: one statement,
    sent for every row in key order (``executemany``: parsed once, pipelined by psycopg)."""
    rows = sorted((key, n) for key, n in rows.items() if n)
    if not rows:
        return
    table = connection.ops.quote_name(AnswerCount._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(name) for name in (*KEY, "count"))
    conflict = ", ".join(connection.ops.quote_name(name) for name in KEY)
    placeholders = ", ".join(["%s"] * (len(KEY) + 1))
    count = connection.ops.quote_name("count")
    params = []
    for key, n in rows:
        *head, day = key
        params.append([*head, connection.ops.adapt_datefield_value(day), n])
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({placeholders}) "  # noqa: S608 (our names)
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
        rows.update(
            keyed(survey_key, facts(submission.form_data, fields), slice_of(submission), sign)
        )
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


def recount(survey) -> int:
    """Rebuild the counts of ``survey`` (every language) from its answers; returns how many
    answers were counted. The database groups the answers, once per question and once per pair
    of cross-tabulated questions, by slice and by what they say (a million answers are a few
    thousand groups; pairs only for all days together); each group goes through ``facts`` as
    one answer would, so the counts are the ones kept on write."""
    fields = counted_fields(survey.get_form_fields())
    answers = survey.all_submissions().order_by()
    day = Coalesce("collected_on", TruncDate("submit_time"))
    dims = ("language", "channel", "territory_key", "hub_key")
    key = survey.translation_key
    rows: Counter = Counter()

    def groups(*questions, by_day=True):
        said = [KeyTransform(question, "form_data") for question in questions]
        when = day if by_day else Value(ALL_DAYS, output_field=DateField())
        return answers.values_list(*dims, when, *said).annotate(n=Count("pk")).order_by()

    total = 0
    for *dimensions, on, n in groups():
        rows.update(keyed(key, Counter({(EVERY, "", ""): 1}), slice_from(*dimensions, on), n))
        total += n
    for question, field_type in fields.items():
        if field_type not in COUNTED_TYPES:  # only answered: grouped by slice, not by words
            given = (
                answers.alias(said=KeyTransform(question, "form_data"))
                .filter(said__isnull=False)  # the key is there…
                .exclude(said=None)  # …not JSON null…
                .exclude(said="")  # …nor left blank
            )
            for *dimensions, on, n in (
                given.values_list(*dims, day).annotate(n=Count("pk")).order_by()
            ):
                found = Counter({(question, EVERY, ""): 1})
                rows.update(keyed(key, found, slice_from(*dimensions, on), n))
            continue
        for *dimensions, on, value, n in groups(question):
            found = facts({question: value}, {question: field_type})
            del found[(EVERY, "", "")]
            rows.update(keyed(key, found, slice_from(*dimensions, on), n))
    crossed_questions = sorted(q for q, field_type in fields.items() if field_type in CROSSED_TYPES)
    for first, second in itertools.combinations(crossed_questions, 2):
        pair = {first: fields[first], second: fields[second]}
        for *dimensions, on, first_value, second_value, n in groups(first, second, by_day=False):
            found = facts({first: first_value, second: second_value}, pair)
            pairs = Counter({fact: m for fact, m in found.items() if "|" in fact[0]})
            rows.update(keyed(key, pairs, slice_from(*dimensions, on), n))
    with transaction.atomic():
        AnswerCount.objects.filter(survey_key=str(key)).delete()
        write_rows(rows)
    return total


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
    already narrowed to a slice (``AnswerFilterForm.apply_to_counts``); by default, all."""
    queryset = counts if counts is not None else counts_of(survey).filter(day=ALL_DAYS)
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


def read_many(survey_keys) -> dict[str, Counts]:
    """``read`` for several surveys at once, by translation key (as text): one query."""
    tables: dict = {str(key): {} for key in survey_keys}
    rows = (
        AnswerCount.objects.filter(survey_key__in=list(tables), day=ALL_DAYS)
        .order_by()
        .values_list("survey_key", "question", "part", "value")
        .annotate(total=Sum("count"))
        .values_list("survey_key", "question", "part", "value", "total")
    )
    for survey_key, question, part, value, total in rows:
        if total:
            tables[survey_key].setdefault((question, part), {})[value] = total
    return {key: Counts(table) for key, table in tables.items()}


def counts_of(survey):
    return AnswerCount.objects.filter(survey_key=str(survey.translation_key))
