"""Admin views over a survey's answers in every language: results, answers list, export and
one respondent's data (GDPR)."""

import json
from collections import Counter

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.db.models.fields.json import KeyTextTransform
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exports import at_low_priority, csv_chunks, local_iso, to_csv, xlsx_chunks
from core.forms import IsoDateInput
from core.i18n import in_reader_language
from core.personal_data import erase_elsewhere, found_elsewhere
from pilots.models import LocalHub, PilotTerritoryPage

from . import tallies
from .copying import copy_survey, source_version
from .fields import other_key, split_choices
from .models import Channel, SurveySubmission
from .pages import SurveyPage
from .results import CROSSTAB_TYPES, option_labels, summarise
from .services import erase_personal_data

VIEW_PERMISSION = "participation.view_surveysubmission"
ERASE_PERMISSION = "participation.delete_surveysubmission"
ANSWERS_PER_PAGE = 50


def require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def survey_in_admin_language(translation_key) -> SurveyPage:
    versions = SurveyPage.objects.filter(
        translation_key=translation_key, alias_of__isnull=True
    ).select_related("locale")
    if not versions:
        raise Http404
    return in_reader_language(versions)


class AnswerFilterForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    territory = forms.ChoiceField(label=gettext_lazy("Territory"), required=False)
    hub = forms.ChoiceField(label=gettext_lazy("Hub"), required=False)
    channel = forms.ChoiceField(
        label=gettext_lazy("Channel"),
        required=False,
        choices=[("", gettext_lazy("All")), *Channel.choices],
    )
    date_from = forms.DateField(label=gettext_lazy("From"), required=False, widget=IsoDateInput())
    date_to = forms.DateField(label=gettext_lazy("To"), required=False, widget=IsoDateInput())

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("All"))] + list(settings.LANGUAGES)
        territories = (
            PilotTerritoryPage.objects.live()
            .filter(locale=locale, alias_of__isnull=True)
            .values_list("translation_key", "title")
        )
        self.fields["territory"].choices = [("", _("All"))] + [
            (str(key), title) for key, title in territories
        ]
        hubs = LocalHub.objects.filter(locale=locale).order_by("name")
        self.fields["hub"].choices = [("", _("All"))] + [
            (str(key), name) for key, name in hubs.values_list("translation_key", "name")
        ]

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("date_from")
            and cleaned.get("date_to")
            and (cleaned["date_to"] < cleaned["date_from"])
        ):
            self.add_error("date_to", _("The end date must not be before the start date."))
        return cleaned

    def apply(self, submissions):
        if not self.is_valid():
            return submissions
        data = self.cleaned_data
        if data.get("language"):
            submissions = submissions.filter(language=data["language"])
        if data.get("territory"):
            submissions = submissions.filter(territory_key=data["territory"])
        if data.get("hub"):
            submissions = submissions.filter(hub_key=data["hub"])
        if data.get("channel"):
            submissions = submissions.filter(channel=data["channel"])
        # An answer collected at a hub counts on the day it was collected, not entered.
        if data.get("date_from"):
            submissions = submissions.filter(
                Q(collected_on__gte=data["date_from"])
                | Q(collected_on__isnull=True, submit_time__date__gte=data["date_from"])
            )
        if data.get("date_to"):
            submissions = submissions.filter(
                Q(collected_on__lte=data["date_to"])
                | Q(collected_on__isnull=True, submit_time__date__lte=data["date_to"])
            )
        return submissions

    def apply_to_counts(self, counts):
        """The same filters on the answer counts (``tallies``): an answer's day is the day it
        was collected, or else the day it was sent, as above."""
        if not self.is_valid():
            return counts.filter(day=tallies.ALL_DAYS)
        data = self.cleaned_data
        for name in ("language", "channel"):
            if data.get(name):
                counts = counts.filter(**{name: data[name]})
        for name, key in (("territory", "territory_key"), ("hub", "hub_key")):
            if data.get(name):
                counts = counts.filter(**{key: str(data[name])})
        if not self.dated():
            return counts.filter(day=tallies.ALL_DAYS)
        counts = counts.exclude(day=tallies.ALL_DAYS)
        if data.get("date_from"):
            counts = counts.filter(day__gte=data["date_from"])
        if data.get("date_to"):
            counts = counts.filter(day__lte=data["date_to"])
        return counts

    def dated(self) -> bool:
        return self.is_valid() and bool(
            self.cleaned_data.get("date_from") or self.cleaned_data.get("date_to")
        )


def survey_list(request):
    """Every survey once, whatever the editor's language: one row per translation key, named
    in the admin language when that translation exists, its answers in every language counted
    together. Pages never published (a new survey's autosaved draft) have no results yet and
    are left out."""
    require(request, VIEW_PERMISSION)
    versions = (
        SurveyPage.objects.filter(alias_of__isnull=True, first_published_at__isnull=False)
        .select_related("locale")
        .only("title", "translation_key", "opens_at", "closes_at", "live", "locale__language_code")
    )
    surveys: dict = {}
    for version in versions:
        surveys.setdefault(version.translation_key, []).append(version)
    answer_counts = dict(
        SurveySubmission.objects.filter(page__translation_key__in=list(surveys))
        .values_list("page__translation_key")
        .annotate(total=Count("pk"))
    )
    rows = []
    for key, translations in surveys.items():
        shown = in_reader_language(translations)
        shown.answer_count = answer_counts.get(key, 0)
        shown.languages = sorted(v.locale.language_code for v in translations)
        rows.append(shown)
    rows.sort(key=lambda survey: survey.opens_at, reverse=True)
    return TemplateResponse(
        request,
        "participation/surveys/admin/survey_list.html",
        {"surveys": rows, "header_title": _("Surveys")},
    )


def filtered(request, survey):
    form = AnswerFilterForm(request.GET or None, locale=survey.locale)
    return form, form.apply(survey.all_submissions())


def survey_results(request, translation_key):
    require(request, VIEW_PERMISSION)
    survey = survey_in_admin_language(translation_key)
    form, submissions = filtered(request, survey)
    counts = form.apply_to_counts(tallies.counts_of(survey))
    answers = counts.filter(question=tallies.EVERY).order_by()
    by_language = dict(answers.values_list("language").annotate(total=Sum("count")))
    by_channel = dict(answers.values_list("channel").annotate(total=Sum("count")))
    crosstab_form = CrossTabForm(request.GET or None, survey=survey)
    return TemplateResponse(
        request,
        "participation/surveys/admin/survey_results.html",
        {
            "survey": survey,
            "filter_form": form,
            "results": summarise(
                survey, tallies.read(survey, counts), public=False, submissions=submissions
            ),
            "answer_count": sum(by_language.values()),
            "by_language": [(name, by_language.get(code, 0)) for code, name in settings.LANGUAGES],
            "by_channel": [(label, by_channel.get(value, 0)) for value, label in Channel.choices],
            "crosstab_form": crosstab_form,
            "crosstab": crosstab_form.table(counts, submissions if form.dated() else None)
            if crosstab_form.is_valid()
            else None,
            "query": request.GET.urlencode(),
            "header_title": survey.title,
        },
    )


class CrossTabForm(forms.Form):
    """Two questions side by side: how many who gave each answer to one gave each answer to
    the other (every option of a multiple choice counted)."""

    rows = forms.ChoiceField(label=gettext_lazy("Rows: question"), required=True)
    columns = forms.ChoiceField(label=gettext_lazy("Columns: question"), required=True)

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = {
            field.clean_name: field
            for field in survey.get_form_fields()
            if field.field_type in CROSSTAB_TYPES and not field.is_personal
        }
        choices = [("", "—")] + [(key, field.label) for key, field in self.questions.items()]
        self.fields["rows"].choices = choices
        self.fields["columns"].choices = choices
        self.locale = survey.locale

    def has_request(self) -> bool:
        return "rows" in self.data or "columns" in self.data

    def full_clean(self):
        if not self.has_request():  # the filters alone: no cross-tabulation asked for
            self._errors, self.cleaned_data = {}, {}
            return
        super().full_clean()

    def is_valid(self):
        return self.has_request() and super().is_valid()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("rows") and cleaned.get("rows") == cleaned.get("columns"):
            self.add_error("columns", _("Choose two different questions."))
        return cleaned

    def table(self, counts, submissions=None) -> dict:
        """From the answer counts (``tallies``), where the pairs of answers to two questions
        are counted as answers are stored; with a date filter (pairs are not counted per day)
        from ``submissions``, grouped in the database by what they say to the two questions."""
        row_field = self.questions[self.cleaned_data["rows"]]
        column_field = self.questions[self.cleaned_data["columns"]]
        row_labels = option_labels(row_field, self.locale)
        column_labels = option_labels(column_field, self.locale)
        if submissions is None:
            counts = tallies.crossed(counts, row_field.clean_name, column_field.clean_name)
        else:
            counts = grouped_pairs(submissions, row_field, column_field)
        rows = [
            {
                "label": row_label,
                "cells": [counts[(row_value, value)] for value, _label in column_labels],
                "total": sum(counts[(row_value, value)] for value, _label in column_labels),
            }
            for row_value, row_label in row_labels
        ]
        return {
            "row_question": row_field.label,
            "column_question": column_field.label,
            "columns": [label for _value, label in column_labels],
            "rows": rows,
            "totals": [sum(row["cells"][i] for row in rows) for i in range(len(column_labels))],
        }


def grouped_pairs(submissions, row_field, column_field) -> Counter:
    counts: Counter = Counter()
    groups = (
        submissions.order_by()
        .values_list(
            KeyTextTransform(row_field.clean_name, "form_data"),
            KeyTextTransform(column_field.clean_name, "form_data"),
        )
        .annotate(total=Count("pk"))
    )
    for row_answer, column_answer, total in groups:
        for row_value in stored_values(row_answer, row_field.field_type):
            for column_value in stored_values(column_answer, column_field.field_type):
                counts[(row_value, column_value)] += total
    return counts


def stored_values(raw, field_type: str) -> list[str]:
    """One answer as the database gives it back as text (a list as JSON; a yes/no as
    ``true``, or ``1`` on SQLite) → the stored values ``option_labels`` knows."""
    if raw in (None, "", "[]"):
        return []
    if field_type == "checkbox":
        return [str(raw in (True, 1, "1", "true", "True"))]
    if isinstance(raw, str) and raw.startswith("["):
        return [str(item) for item in json.loads(raw)]
    return [str(raw)]


def answer_table(survey, submissions, include_personal: bool, for_export: bool = False):
    """Headings and rows with stored values turned into labels in the survey's language.
    Times are the project's local time: as ISO 8601 with its offset in exports, in the
    editor's date format on screen. The rows are a generator: an export streams them as the
    answers are read (in batches, never all at once)."""
    fields = [
        f
        for f in survey.get_form_fields()
        if not f.is_section and (include_personal or not f.is_personal)
    ]
    labels = {f.clean_name: dict(option_labels(f, survey.locale)) for f in fields}
    submitted = _("Submission date (%(zone)s time)") % {"zone": settings.TIME_ZONE}
    headings = [submitted, _("Language")]
    for f in fields:
        if f.field_type == "grid":
            headings.extend(
                _("%(question)s — %(statement)s") % {"question": f.label, "statement": statement}
                for statement in split_choices(f.rows)
            )
            continue
        headings.append(f.label)
        if f.offers_other:
            headings.append(_("%(question)s — other") % {"question": f.label})
    return headings, answer_rows(submissions, fields, labels, include_personal, for_export)


def answer_rows(submissions, fields, labels, include_personal, for_export):
    if not for_export:
        yield from _rows(submissions, fields, labels, include_personal, for_export)
        return
    # Read through a database cursor in batches. Inside a transaction: outside one, PostgreSQL
    # keeps a cursor past the commit only by computing every row first (WITH HOLD), and the
    # first byte would wait for the last answer.
    with transaction.atomic():
        yield from _rows(
            submissions.iterator(chunk_size=2000), fields, labels, include_personal, for_export
        )


def _rows(submissions, fields, labels, include_personal, for_export):
    languages = dict(settings.LANGUAGES)
    for submission in submissions:
        data = {**submission.form_data, **(submission.personal_data if include_personal else {})}
        row = [
            local_iso(submission.submit_time)
            if for_export
            else date_format(timezone.localtime(submission.submit_time), "SHORT_DATETIME_FORMAT"),
            languages.get(submission.language, submission.language),
        ]
        for field in fields:
            value = data.get(field.clean_name)
            mapping = labels[field.clean_name]
            if field.field_type == "grid":
                chosen = value if isinstance(value, dict) else {}
                row.extend(
                    mapping.get(str(chosen.get(str(position))), "")
                    for position, _statement in enumerate(split_choices(field.rows))
                )
                continue
            if field.field_type == "ranking" and isinstance(value, list):
                value = " > ".join(mapping.get(str(item), str(item)) for item in value)
            elif isinstance(value, list):
                value = "; ".join(mapping.get(str(item), str(item)) for item in value)
            elif mapping and value is not None:
                value = mapping.get(str(value), str(value))
            row.append("" if value is None else value)
            if field.offers_other:
                row.append(data.get(other_key(field.clean_name), ""))
        yield row


def survey_answers(request, translation_key):
    require(request, VIEW_PERMISSION)
    survey = survey_in_admin_language(translation_key)
    form, submissions = filtered(request, survey)
    export = request.GET.get("export")
    if export in {"csv", "xlsx"}:
        # Newest first in the order the answers arrived: read along the primary key's index,
        # so the first row leaves at once however many answers there are.
        headings, rows = answer_table(
            survey, submissions.order_by("-pk"), include_personal=True, for_export=True
        )
        if export == "csv":
            body, content_type = csv_chunks(headings, rows), "text/csv; charset=utf-8"
        else:
            body = xlsx_chunks(headings, rows)
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        response = StreamingHttpResponse(at_low_priority(body), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{survey.slug}-answers.{export}"'
        return response
    submissions = submissions.order_by("-submit_time", "-pk")
    page = Paginator(submissions, ANSWERS_PER_PAGE).get_page(request.GET.get("p"))
    headings, rows = answer_table(survey, page.object_list, include_personal=True)
    rows = list(rows)
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "participation/surveys/admin/survey_answers.html",
        {
            "survey": survey,
            "filter_form": form,
            "headings": headings,
            "rows": rows,
            "page_obj": page,
            "query": query.urlencode(),
            "header_title": survey.title,
        },
    )


class RespondentForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Respondent's e-mail"))


def respondent_data(request):
    """Find, export or erase one respondent's answers by e-mail address (GDPR rights)."""
    require(request, VIEW_PERMISSION)
    form = RespondentForm(request.POST or request.GET or None)
    submissions = SurveySubmission.objects.none()
    if form.is_valid():
        submissions = SurveySubmission.objects.filter(
            respondent_email__iexact=form.cleaned_data["email"]
        ).select_related("page")
        if request.method == "POST" and request.POST.get("action") == "erase":
            require(request, ERASE_PERMISSION)
            erased = erase_personal_data(submissions)
            elsewhere = erase_elsewhere(form.cleaned_data["email"])
            messages.success(
                request,
                _("Personal data erased from %(count)d answer(s) and %(other)d other record(s).")
                % {"count": erased, "other": elsewhere},
            )
            return redirect(request.path)
        if request.GET.get("export") == "csv":
            submitted = _("Submission date (%(zone)s time)") % {"zone": settings.TIME_ZONE}
            headings = [_("Survey"), submitted, _("Language"), _("Answers")]
            rows = [
                [
                    s.page.title,
                    local_iso(s.submit_time),
                    s.language,
                    {**s.form_data, **s.personal_data},
                ]
                for s in submissions
            ]
            rows += [
                [label, "", "", line]
                for label, lines in found_elsewhere(form.cleaned_data["email"])
                for line in lines
            ]
            response = HttpResponse(to_csv(headings, rows), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="respondent-data.csv"'
            return response
    return TemplateResponse(
        request,
        "participation/surveys/admin/respondent.html",
        {
            "form": form,
            "submissions": submissions,
            "elsewhere": found_elsewhere(form.cleaned_data["email"]) if form.is_valid() else [],
            "header_title": _("Respondent's data"),
            "can_erase": request.user.has_perm(ERASE_PERMISSION),
        },
    )


class CopyForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title of the new survey"), max_length=255)


def survey_copy(request, translation_key):
    """“Copy as a new survey”: questions, sections, conditions and translations, no answers."""
    survey = survey_in_admin_language(translation_key)
    original = source_version(survey)
    if not original.get_parent().permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    form = CopyForm(
        request.POST or None,
        initial={"title": _("%(title)s (copy)") % {"title": survey.title}},
    )
    if request.method == "POST" and form.is_valid():
        copy = copy_survey(original, form.cleaned_data["title"], request.user)
        messages.success(
            request,
            _(
                "“%(title)s” copied with its questions and translations, as drafts and without "
                "answers: set its dates, then publish it and its translations."
            )
            % {"title": copy.title},
        )
        return redirect("wagtailadmin_pages:edit", copy.pk)
    return TemplateResponse(
        request,
        "participation/surveys/admin/survey_copy.html",
        {"survey": survey, "form": form, "header_title": _("Copy as a new survey")},
    )
