"""Templates that travel between installations of the portal: a survey, a challenge call and an
evaluation grid, written as a versioned JSON document (``docs/templates.md`` describes it) with
every language's texts, and read back as drafts.

A document is the same whatever installation wrote it: no database ids, no dates of export, the
questions and criteria in their order, the languages in the site's order. Exporting a survey,
importing the file into a fresh installation and exporting it again gives the same file.
Importing refuses, with nothing saved, a document of another schema or version, malformed or
too large, in an unknown language, or whose content would break a rule of the portal (the same
checks as the admin's forms)."""

import datetime
import json
import re
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from wagtail.models import Locale

from participation.challenges.pages import (
    CallQuestion,
    ChallengeCallPage,
    ChallengeIndexPage,
    EvaluationCriterion,
)
from participation.surveys.copying import free_slug
from participation.surveys.models import SurveyFormField
from participation.surveys.pages import SurveyIndexPage, SurveyPage

SCHEMA = "digivillae-template"
VERSION = 1
KINDS = ("survey", "call", "grid")
MAX_BYTES = 1_000_000  # a template is questions and texts: a megabyte is far beyond any
# Rich text links to a page or document of this installation mean nothing in another.
LOCAL_LINK = re.compile(r'<a [^>]*linktype="(?:page|document)"[^>]*>(.*?)</a>', re.DOTALL)

SURVEY_TEXTS = ("title", "introduction", "thank_you_text")
SURVEY_SETTINGS = ("opens_at", "closes_at", "results_published", "retention_days")
QUESTION_TEXTS = ("label", "help_text", "choices", "rows", "default_value")
QUESTION_SETTINGS = (
    "field_type",
    "required",
    "personal_data",
    "in_public_results",
    "allow_other",
    "show_when",
    "minimum",
    "maximum",
    "earliest_date",
    "latest_date",
)
CALL_TEXTS = ("title", "context", "objectives", "eligibility", "support_offered")
CALL_DATES = ("opens_at", "questions_until", "submission_deadline", "evaluation_ends_at")
CRITERION_TEXTS = ("name", "description")
ANSWER_TEXTS = ("question", "answer")


class TemplateRefused(Exception):
    """Nothing was imported; the message says why, in the user's language."""


def portable(value):
    """A value as the document keeps it: text without local links, numbers as text (exact),
    dates in ISO 8601."""
    if isinstance(value, str):
        return LOCAL_LINK.sub(r"\1", value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def languages_of(page) -> list:
    """The page's language versions (the latest draft of each), in the site's order, the
    page's own first."""
    versions = {
        version.locale.language_code: version.get_latest_revision_as_object()
        for version in type(page)
        .objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .select_related("locale")
    }
    own = page.locale.language_code
    order = [own] + [code for code, _name in settings.LANGUAGES if code != own]
    return [(code, versions[code]) for code in order if code in versions]


def document(kind: str, languages: list[str], content: dict) -> dict:
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "kind": kind,
        "languages": languages,
        kind: content,
    }


def children(versions, relation: str, settings_fields, text_fields) -> list[dict]:
    """Child rows (questions, criteria, answers) matched across languages by translation key,
    in the first language's order."""
    rows = []
    by_language = {
        code: {str(child.translation_key): child for child in getattr(page, relation).all()}
        for code, page in versions
    }
    first_code, first = versions[0]
    for child in getattr(first, relation).all():
        key = str(child.translation_key)
        row = {name: portable(getattr(child, name)) for name in settings_fields}
        row["texts"] = {
            code: {name: portable(getattr(found[key], name)) for name in text_fields}
            for code, found in by_language.items()
            if key in found
        }
        rows.append(row)
    return rows


def export_survey(survey: SurveyPage) -> dict:
    versions = languages_of(survey)
    source = versions[0][1]
    content = {name: portable(getattr(source, name)) for name in SURVEY_SETTINGS}
    content["texts"] = {
        code: {name: portable(getattr(page, name)) for name in SURVEY_TEXTS}
        for code, page in versions
    }
    questions = children(
        versions, "form_fields", ("clean_name", *QUESTION_SETTINGS), QUESTION_TEXTS
    )
    for question in questions:
        question["key"] = question.pop("clean_name")
    content["questions"] = questions
    return document("survey", [code for code, _page in versions], content)


def criteria_rows(versions) -> list[dict]:
    return children(versions, "criteria", ("weight", "minimum_score"), CRITERION_TEXTS)


def export_call(call: ChallengeCallPage) -> dict:
    versions = languages_of(call)
    source = versions[0][1]
    content = {name: portable(getattr(source, name)) for name in (*CALL_DATES, "results_on")}
    content["budget"] = portable(source.budget)
    content["texts"] = {
        code: {name: portable(getattr(page, name)) for name in CALL_TEXTS}
        for code, page in versions
    }
    content["criteria"] = criteria_rows(versions)
    content["questions_and_answers"] = children(versions, "questions", ("asked_on",), ANSWER_TEXTS)
    return document("call", [code for code, _page in versions], content)


def export_grid(call: ChallengeCallPage) -> dict:
    versions = languages_of(call)
    return document(
        "grid", [code for code, _page in versions], {"criteria": criteria_rows(versions)}
    )


def as_file(data: dict) -> bytes:
    """The document as written to a file: the same bytes for the same template."""
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


# Reading ---------------------------------------------------------------------------------------


def read(raw: bytes) -> dict:
    """The document in a file, checked for what every kind shares; refused otherwise."""
    if len(raw) > MAX_BYTES:
        raise TemplateRefused(
            _("The file is larger than %(size)s MB: it is not a portal template.")
            % {"size": MAX_BYTES // 1_000_000}
        )
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TemplateRefused(
            _("The file is not a readable template (JSON): %(error)s") % {"error": error}
        ) from error
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise TemplateRefused(_("The file is not a DigiVillae portal template."))
    if data.get("version") != VERSION:
        raise TemplateRefused(
            _(
                "This template was written in format version %(version)s, which this portal does "
                "not read (it reads version %(ours)s)."
            )
            % {"version": data.get("version"), "ours": VERSION}
        )
    kind = data.get("kind")
    if kind not in KINDS or not isinstance(data.get(kind), dict):
        raise TemplateRefused(
            _("The template's kind is not a survey, a call or an evaluation grid.")
        )
    languages = data.get("languages")
    known = {code for code, _name in settings.LANGUAGES}
    if not isinstance(languages, list) or not languages or not set(languages) <= known:
        raise TemplateRefused(
            _("The template's languages must be among %(codes)s.")
            % {"codes": ", ".join(sorted(known))}
        )
    return data


def texts_of(item: dict, languages, names) -> dict:
    texts = item.get("texts")
    if not isinstance(texts, dict) or set(texts) - set(languages):
        raise TemplateRefused(_("A text is given in a language the template does not declare."))
    result = {}
    for code, values in texts.items():
        if not isinstance(values, dict):
            raise TemplateRefused(_("The template's texts are not readable."))
        result[code] = {name: str(values.get(name) or "") for name in names}
    return result


def refuse_invalid(error: ValidationError, where: str) -> None:
    messages = (
        "; ".join(
            f"{name}: {' '.join(str(m) for m in found)}" if name != "__all__" else " ".join(found)
            for name, found in error.message_dict.items()
        )
        if hasattr(error, "error_dict")
        else " ".join(error.messages)
    )
    raise TemplateRefused(
        _("The template breaks a rule of the portal (%(where)s): %(messages)s")
        % {"where": where, "messages": messages}
    )


def index_in(model, code: str):
    index = model.objects.filter(locale__language_code=code).first()
    if index is None:
        raise TemplateRefused(
            _("This portal has no section for it in %(language)s: add one first.")
            % {"language": dict(settings.LANGUAGES)[code]}
        )
    return index


def add_draft(index, page, user) -> None:
    page.slug = free_slug(index, page.title)
    page.live = False
    try:
        index.add_child(instance=page)
    except ValidationError as error:
        refuse_invalid(error, page.title)
    page.save_revision(user=user)


def checked(item, where: str) -> None:
    try:
        item.full_clean(exclude=["page", "path", "depth", "url_path", "slug", "content_type"])
    except ValidationError as error:
        refuse_invalid(error, where)


@transaction.atomic
def import_template(raw: bytes, user, grid_call: ChallengeCallPage | None = None):
    """The drafts the template makes (a survey or a call, in each of its languages; a grid goes
    into ``grid_call`` as a draft of each of its language versions). Nothing is saved if
    anything is refused."""
    data = read(raw)
    kind = data["kind"]
    try:
        if kind == "survey":
            return import_survey(data, user)
        if kind == "call":
            return import_call(data, user)
        if grid_call is None:
            raise TemplateRefused(_("Choose the call the evaluation grid goes into."))
        return import_grid(data, grid_call, user)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise TemplateRefused(
            _("The template is incomplete or a value has the wrong form: %(error)s")
            % {"error": error}
        ) from error


def import_survey(data: dict, user) -> SurveyPage:
    content, languages = data["survey"], data["languages"]
    texts = texts_of(content, languages, SURVEY_TEXTS)
    questions = content.get("questions")
    if not isinstance(questions, list) or not questions:
        raise TemplateRefused(_("The survey has no question."))
    translation_key = uuid.uuid4()
    question_keys = [uuid.uuid4() for _question in questions]
    first = None
    for code in languages:
        locale = Locale.objects.get(language_code=code)
        survey = SurveyPage(
            locale=locale,
            translation_key=translation_key,
            results_published=bool(content.get("results_published")),
            retention_days=int(content.get("retention_days") or 365),
            opens_at=moment(content.get("opens_at")),
            closes_at=moment(content.get("closes_at")),
            **{name: texts.get(code, texts[languages[0]])[name] for name in SURVEY_TEXTS},
        )
        fields = []
        for position, (question, key) in enumerate(zip(questions, question_keys, strict=True)):
            words = texts_of(question, languages, QUESTION_TEXTS)
            field = SurveyFormField(
                locale=locale,
                translation_key=key,
                clean_name=str(question["key"]),
                sort_order=position,
                **{name: value_for(name, question.get(name)) for name in QUESTION_SETTINGS},
                **words.get(code, words[languages[0]]),
            )
            checked(field, _("question %(number)s") % {"number": position + 1})
            fields.append(field)
        survey.form_fields = fields
        add_draft(index_in(SurveyIndexPage, code), survey, user)
        first = first or survey
    return first


def value_for(name: str, value):
    if name in {"minimum", "maximum"}:
        return Decimal(value) if value not in (None, "") else None
    if name in {"earliest_date", "latest_date"}:
        return parse_date(value) if value else None
    if name in {"required", "personal_data", "in_public_results", "allow_other"}:
        return bool(value)
    return "" if value is None else str(value)


def moment(value):
    """A date and time from the document; refused when missing or unreadable."""
    found = parse_datetime(value) if isinstance(value, str) else None
    if found is None:
        raise TemplateRefused(
            _("A date and time is missing or unreadable: %(value)s") % {"value": value}
        )
    return found


def make_criteria(rows, languages, code, locale, keys) -> list[EvaluationCriterion]:
    criteria = []
    for position, (row, key) in enumerate(zip(rows, keys, strict=True)):
        words = texts_of(row, languages, CRITERION_TEXTS)
        criterion = EvaluationCriterion(
            locale=locale,
            translation_key=key,
            sort_order=position,
            weight=int(row["weight"]),
            minimum_score=Decimal(row["minimum_score"])
            if row.get("minimum_score") not in (None, "")
            else None,
            **words.get(code, words[languages[0]]),
        )
        checked(criterion, _("criterion %(number)s") % {"number": position + 1})
        criteria.append(criterion)
    if not criteria:
        raise TemplateRefused(_("An evaluation grid needs at least one criterion."))
    return criteria


def import_call(data: dict, user) -> ChallengeCallPage:
    content, languages = data["call"], data["languages"]
    texts = texts_of(content, languages, CALL_TEXTS)
    rows = content.get("criteria") or []
    answers = content.get("questions_and_answers") or []
    translation_key = uuid.uuid4()
    criterion_keys = [uuid.uuid4() for _row in rows]
    answer_keys = [uuid.uuid4() for _row in answers]
    first = None
    for code in languages:
        locale = Locale.objects.get(language_code=code)
        call = ChallengeCallPage(
            locale=locale,
            translation_key=translation_key,
            budget=Decimal(content["budget"]) if content.get("budget") not in (None, "") else None,
            results_on=parse_date(content.get("results_on") or ""),
            **{name: moment(content.get(name)) for name in CALL_DATES},
            **texts.get(code, texts[languages[0]]),
        )
        call.criteria = make_criteria(rows, languages, code, locale, criterion_keys)
        logged = []
        for position, (row, key) in enumerate(zip(answers, answer_keys, strict=True)):
            words = texts_of(row, languages, ANSWER_TEXTS)
            logged.append(
                CallQuestion(
                    locale=locale,
                    translation_key=key,
                    sort_order=position,
                    asked_on=parse_date(row.get("asked_on") or ""),
                    **words.get(code, words[languages[0]]),
                )
            )
        call.questions = logged
        try:
            call.clean()
        except ValidationError as error:
            refuse_invalid(error, call.title)
        add_draft(index_in(ChallengeIndexPage, code), call, user)
        first = first or call
    return first


def import_grid(data: dict, call: ChallengeCallPage, user) -> ChallengeCallPage:
    """The grid's criteria replace the call's, as a new draft of each of its language versions
    (a language the grid lacks takes the grid's first language)."""
    languages = data["languages"]
    rows = data["grid"].get("criteria") or []
    keys = [uuid.uuid4() for _row in rows]
    for version in ChallengeCallPage.objects.filter(
        translation_key=call.translation_key, alias_of__isnull=True
    ):
        draft = version.get_latest_revision_as_object()
        draft.criteria = make_criteria(
            rows, languages, version.locale.language_code, version.locale, keys
        )
        draft.save_revision(user=user)
    return call
