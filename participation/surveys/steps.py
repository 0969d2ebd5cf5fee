"""Sections and conditions: which questions a respondent sees, and in which step.

A "section" question starts a new step. A question or a section may be shown only when an
earlier answer matches (``show_when`` = ``"<clean_name>=<stored value>"``). Conditions refer to
the language-neutral key of the earlier question and the stored value of its choice (its
position), never to their text, so they hold in every translation.

The same rules run in the browser (``static/js/survey-steps.js``) so steps feel instant; the
server applies them again on every step and on the final answer, which is what counts.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .fields import OTHER, other_key, part_key, split_choices
from .models import CONDITION_TYPES, MAX_RANKED


@dataclass(frozen=True)
class Condition:
    key: str
    value: str

    @classmethod
    def parse(cls, text: str) -> "Condition | None":
        key, separator, value = (text or "").partition("=")
        return cls(key, value) if separator and key and value else None

    def __str__(self) -> str:
        return f"{self.key}={self.value}"


@dataclass
class Question:
    field: object  # a SurveyFormField
    key: str
    names: list[str]  # the Django form fields that carry its answer
    condition: Condition | None
    number: int = 0  # as on the printed form and the hub entry form
    hint: str = ""  # the condition in words: "Answer only if “…” is “…”."

    @property
    def kind(self) -> str:
        return self.field.field_type if self.field.field_type in {"grid", "ranking"} else "single"


@dataclass
class Section:
    heading: str
    intro: str
    condition: Condition | None
    questions: list[Question] = field(default_factory=list)
    hint: str = ""


def key_of(survey_field) -> str:
    """The storage key; a question not saved yet (in a preview) gets it from its label."""
    return survey_field.clean_name or survey_field.get_field_clean_name()


def form_names(survey_field) -> list[str]:
    key = key_of(survey_field)
    if survey_field.field_type == "grid":
        return [part_key(key, i) for i, _row in enumerate(split_choices(survey_field.rows))]
    if survey_field.field_type == "ranking":
        options = split_choices(survey_field.choices)[:MAX_RANKED]
        return [part_key(key, i) for i, _option in enumerate(options)]
    if survey_field.offers_other:
        return [key, other_key(key)]
    return [key]


def sections_of(fields) -> list[Section]:
    """The survey's steps in order; questions before the first section form an untitled one."""
    fields = list(fields)
    sections = [Section("", "", None)]
    number = 0
    for survey_field in fields:
        condition = Condition.parse(survey_field.show_when)
        if survey_field.is_section:
            hint = condition_hint(condition, fields)
            sections.append(
                Section(survey_field.label, survey_field.help_text, condition, hint=hint)
            )
        else:
            number += 1
            sections[-1].questions.append(
                Question(
                    survey_field,
                    key_of(survey_field),
                    form_names(survey_field),
                    condition,
                    number,
                    condition_hint(condition, fields),
                )
            )
    return [section for section in sections if section.questions]


def condition_hint(condition: Condition | None, fields) -> str:
    """A condition in words, shown where it cannot be applied as the respondent answers
    (without JavaScript, on paper, on the facilitator's entry form)."""
    if condition is None:
        return ""
    for survey_field in fields:
        if survey_field.clean_name == condition.key:
            label = dict(condition_choices([survey_field])).get(str(condition), "")
            return _("Answer only if %(condition)s.") % {"condition": label} if label else ""
    return ""


def holds(condition: Condition | None, answers: dict[str, list[str]], shown: set[str]) -> bool:
    """A condition on a question the respondent did not see never holds."""
    if condition is None:
        return True
    return condition.key in shown and condition.value in answers.get(condition.key, [])


@dataclass
class Plan:
    """The steps as they stand for one respondent's answers so far."""

    sections: list[Section]
    active: list[int]  # indexes of the sections shown, in order
    shown: set[str]  # keys of the questions shown
    undecided: int = 0  # steps that wait on an answer not given yet

    @classmethod
    def for_answers(cls, sections: list[Section], answers: dict[str, list[str]]) -> "Plan":
        active, shown = [], set()
        for index, section in enumerate(sections):
            if not holds(section.condition, answers, shown):
                continue
            visible = []
            for question in section.questions:
                if holds(question.condition, answers, shown):
                    shown.add(question.key)
                    visible.append(question)
            if visible:
                active.append(index)
        undecided = sum(
            1
            for index, section in enumerate(sections)
            if index not in active and section.condition and not answers.get(section.condition.key)
        )
        return cls(sections, active, shown, undecided)

    @property
    def step_count(self) -> int:
        """Steps shown, and those that may still be: "Step 1 of 3" does not shrink to "of 2"
        merely because the answer a step waits for has not been given yet."""
        return len(self.active) + self.undecided

    def names_through(self, section_index: int) -> set[str]:
        """Form fields of the questions shown up to and including a step."""
        names = set()
        for index in self.active:
            if index > section_index:
                break
            for question in self.sections[index].questions:
                if question.key in self.shown:
                    names.update(question.names)
        return names

    def next_after(self, section_index: int) -> int:
        later = [index for index in self.active if index > section_index]
        return later[0] if later else self.last

    def previous_before(self, section_index: int) -> int:
        earlier = [index for index in self.active if index < section_index]
        return earlier[-1] if earlier else self.first

    @property
    def first(self) -> int:
        return self.active[0] if self.active else 0

    @property
    def last(self) -> int:
        return self.active[-1] if self.active else 0

    def section_of(self, name: str) -> int | None:
        for index, section in enumerate(self.sections):
            if any(name in question.names for question in section.questions):
                return index
        return None

    def number_of(self, section_index: int) -> int:
        """1-based step number among the steps shown ("Step 2 of 4")."""
        return self.active.index(section_index) + 1 if section_index in self.active else 1


def condition_choices(fields) -> list[tuple[str, str]]:
    """What the admin offers in "show only when": every choice of every earlier question a
    condition can point at, named in the editor's words."""
    offered = []
    for survey_field in fields:
        if survey_field.field_type not in CONDITION_TYPES or not survey_field.clean_name:
            continue
        if survey_field.field_type == "checkbox":
            values = [("True", _("ticked")), ("False", _("not ticked"))]
        else:
            values = [
                (str(i), label) for i, label in enumerate(split_choices(survey_field.choices))
            ]
            if survey_field.offers_other:
                values.append((OTHER, _("Other")))
        for value, label in values:
            offered.append(
                (
                    str(Condition(survey_field.clean_name, value)),
                    _("“%(question)s” is “%(answer)s”")
                    % {"question": survey_field.label, "answer": label},
                )
            )
    return offered


def condition_errors(ordered_fields) -> dict[int, str]:
    """Conditions that point at nothing valid, by position in ``ordered_fields``: a question
    deleted, moved after the one that depends on it, or a choice no longer there."""
    errors = {}
    earlier: dict[str, set[str]] = {}
    for position, survey_field in enumerate(ordered_fields):
        condition = Condition.parse(survey_field.show_when)
        if survey_field.show_when and condition is None:
            errors[position] = _("This condition cannot be read: choose one from the list.")
        elif condition and condition.key not in earlier:
            errors[position] = _(
                "This condition depends on a question that was deleted or now comes after this "
                "one. Choose an earlier question, or move this one below it."
            )
        elif condition and condition.value not in earlier[condition.key]:
            errors[position] = _(
                "The answer this condition waits for is no longer a choice of that question. "
                "Choose the condition again."
            )
        if survey_field.field_type in CONDITION_TYPES and survey_field.clean_name:
            earlier[survey_field.clean_name] = {
                value.split("=", 1)[1] for value, _label in condition_choices([survey_field])
            }
    return errors
