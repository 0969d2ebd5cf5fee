"""Answers collected at the local hubs, on paper, by phone or in person, entered in the admin by
a hub facilitator on behalf of a resident, for the hubs of their territory only.

No personal data is entered this way. Every entry and every later change is a revision with
its author and time (the history is shown under the form), never a silent overwrite.
"""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from core.forms import IsoDateInput
from core.i18n import in_reader_language
from participation.hubs.models import hubs_for

from .fields import other_key, part_key
from .forms import build_survey_form_class
from .models import Channel, SurveySubmission
from .pages import SurveyPage
from .services import change_entry, recent_entries, record_answer

ENTER_PERMISSION = "participation.add_surveysubmission"
CHANGE_PERMISSION = "participation.change_surveysubmission"
LATE_PAPER_DAYS = 30  # paper forms collected before the survey closed may arrive later


class EntryDetailsForm(forms.Form):
    """Where, how and when the answer was collected. The hubs offered are those of the
    facilitator's territories, named in the survey's language."""

    hub = forms.ChoiceField(
        label=gettext_lazy("Hub"),
        error_messages={
            "invalid_choice": gettext_lazy(
                "You can enter answers only for the hubs of your territory."
            )
        },
    )
    channel = forms.ChoiceField(
        label=gettext_lazy("Collected"),
        choices=[(value, label) for value, label in Channel.choices if value != Channel.ONLINE],
    )
    collected_on = forms.DateField(label=gettext_lazy("Collected on"), widget=IsoDateInput())

    def __init__(self, *args, user, survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.hubs = {str(hub.translation_key): hub for hub in hubs_for(user, survey.locale)}
        self.fields["hub"].choices = [("", "—")] + [
            (key, hub.name) for key, hub in self.hubs.items()
        ]

    def clean_hub(self):
        return self.hubs[self.cleaned_data["hub"]]

    def clean_collected_on(self):
        day = self.cleaned_data["collected_on"]
        opens = timezone.localdate(self.survey.opens_at)
        closes = timezone.localdate(self.survey.closes_at)
        if not opens <= day <= closes:
            raise forms.ValidationError(
                _("The survey was open from %(opens)s to %(closes)s: the date must fall within.")
                % {"opens": opens.isoformat(), "closes": closes.isoformat()}
            )
        return day


def require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def may_enter(survey, now=None) -> bool:
    now = now or timezone.now()
    late = survey.closes_at + datetime.timedelta(days=LATE_PAPER_DAYS)
    return survey.live and survey.opens_at <= now <= late


def entry_list(request):
    """Surveys that accept entries, each in every language it has (the language of the paper
    form), and the facilitator's recent entries."""
    require(request, ENTER_PERMISSION)
    now = timezone.now()
    versions = (
        SurveyPage.objects.live()
        .filter(
            alias_of__isnull=True,
            opens_at__lte=now,
            closes_at__gte=now - datetime.timedelta(days=LATE_PAPER_DAYS),
        )
        .select_related("locale")
        .order_by("closes_at")
    )
    surveys: dict = {}
    for version in versions:
        surveys.setdefault(version.translation_key, []).append(version)
    rows = [
        {"survey": in_reader_language(found), "versions": sorted(found, key=language_of)}
        for found in surveys.values()
    ]
    return TemplateResponse(
        request,
        "participation/surveys/admin/entry_list.html",
        {
            "rows": rows,
            "recent": recent_entries(request.user, Locale.get_active()),
            "hubs": hubs_for(request.user, Locale.get_active()),
            "header_title": _("Answers collected at the hubs"),
        },
    )


def language_of(version) -> str:
    return version.locale.language_code


def numbered(form) -> list[dict]:
    """The survey's sections with their questions numbered as on the printed form."""
    personal = {field.clean_name for field in form.survey_fields if field.is_personal}
    for section in form.sections:
        for question in section.questions:
            if question.kind == "single":
                first = form[question.names[0]]
                first.label = f"{question.number}. {question.field.label}"
    return [
        {
            "heading": section.heading,
            "intro": section.intro,
            "hint": section.hint,
            "questions": [
                form.question_view(question, number=question.number)
                for question in section.questions
                if question.key not in personal
            ],
        }
        for section in form.sections
    ]


def entry_names(form, plan) -> set[str]:
    """The questions a facilitator enters: those the respondent was shown, never personal
    ones."""
    personal = set()
    for field in form.survey_fields:
        if field.is_personal:
            personal.update(form.question_names[field.clean_name])
    return plan.names_through(plan.last) - personal


def entry_forms(request, survey, form_class, *, details_initial=None, answers_initial=None):
    """The collection details and the survey's questions, bound on POST (only the questions
    the respondent was shown are checked)."""
    if request.method != "POST":
        details = EntryDetailsForm(user=request.user, survey=survey, initial=details_initial)
        return details, form_class(prefix="q", initial=answers_initial)
    details = EntryDetailsForm(request.POST, user=request.user, survey=survey)
    answers = form_class(request.POST, prefix="q")
    answers.validate_only = entry_names(answers, answers.plan())
    # The token guards against storing one new answer twice; a correction has its answer.
    answers.fields["submission_token"].required = answers_initial is None
    return details, answers


def render_entry(request, survey, details, answers, header_title, **extra):
    return TemplateResponse(
        request,
        "participation/surveys/admin/entry_form.html",
        {
            "survey": survey,
            "details": details,
            "form": answers,
            "sections": numbered(answers),
            "header_title": header_title,
            **extra,
        },
        status=400 if request.method == "POST" else 200,
    )


def enter_answer(request, translation_key, language):
    require(request, ENTER_PERMISSION)
    survey = get_object_or_404(
        SurveyPage.objects.live().select_related("locale"),
        translation_key=translation_key,
        locale__language_code=language,
        alias_of__isnull=True,
    )
    if not may_enter(survey):
        raise Http404
    details, answers = entry_forms(
        request,
        survey,
        build_survey_form_class(survey),
        details_initial={"collected_on": timezone.localdate()},
    )
    if request.method == "POST" and details.is_valid() and answers.is_valid():
        submission, _created = record_answer(
            survey, answers, **details.cleaned_data, entered_by=request.user
        )
        messages.success(
            request,
            _("Answer %(number)s saved. You can enter the next one.") % {"number": submission.pk},
        )
        return redirect(request.path)
    title = _("Enter an answer: %(survey)s") % {"survey": survey.title}
    return render_entry(request, survey, details, answers, title)


def edit_entry(request, pk):
    """Correct an entered answer; only a facilitator of its hub's territory (or an editor)
    may."""
    require(request, CHANGE_PERMISSION)
    submission = get_object_or_404(
        SurveySubmission.objects.select_related("page__locale"),
        pk=pk,
        entered_by__isnull=False,
    )
    if not hubs_for(request.user, submission.page.locale).filter(
        translation_key=submission.hub_key
    ):
        raise PermissionDenied
    survey = submission.page.specific
    form_class = build_survey_form_class(survey)
    details, answers = entry_forms(
        request,
        survey,
        form_class,
        details_initial={
            "hub": str(submission.hub_key),
            "channel": submission.channel,
            "collected_on": submission.collected_on,
        },
        answers_initial=stored_as_initial(form_class, submission),
    )
    if request.method == "POST" and details.is_valid() and answers.is_valid():
        change_entry(submission, answers, **details.cleaned_data, user=request.user)
        messages.success(request, _("Answer %(number)s changed.") % {"number": submission.pk})
        return redirect(reverse("survey_entry_edit", args=[submission.pk]))
    title = _("Answer %(number)s: %(survey)s") % {"number": submission.pk, "survey": survey.title}
    return render_entry(
        request,
        survey,
        details,
        answers,
        title,
        submission=submission,
        history=history_of(submission, form_class.survey_fields),
    )


def history_of(submission, fields) -> list[dict]:
    """Each revision, newest first: who, when, and which questions it changed."""
    labels = {field.clean_name: field.label for field in fields}
    details = {
        "hub_key": _("Hub"),
        "channel": _("Collected"),
        "collected_on": _("Collected on"),
    }
    revisions = list(submission.revisions.select_related("user").order_by("created_at", "pk"))
    rows, before = [], None
    for revision in revisions:
        content = revision.content
        changed = []
        if before is not None:
            answers, previous = content.get("form_data") or {}, before.get("form_data") or {}
            for key in sorted(set(answers) | set(previous)):
                if answers.get(key) != previous.get(key):
                    changed.append(labels.get(key.split("__")[0], key))
            changed += [
                label for name, label in details.items() if content.get(name) != before.get(name)
            ]
        rows.append(
            {"revision": revision, "changed": list(dict.fromkeys(changed)), "first": before is None}
        )
        before = content
    return rows[::-1]


def stored_as_initial(form_class, submission) -> dict:
    """A stored answer as the entry form's initial values (grids and rankings spread back
    over their statements and options)."""
    initial = {"submission_token": submission.submission_token}
    data = submission.form_data
    for field in form_class.survey_fields:
        key = field.clean_name
        value = data.get(key)
        if value in (None, "", []):
            continue
        if field.field_type == "grid" and isinstance(value, dict):
            for position, choice in value.items():
                initial[part_key(key, int(position))] = choice
        elif field.field_type == "ranking" and isinstance(value, list):
            for rank, position in enumerate(value, start=1):
                initial[part_key(key, int(position))] = rank
        else:
            initial[key] = value
            if field.offers_other:
                initial[other_key(key)] = data.get(other_key(key), "")
    return initial
