from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from core.models import privacy_notice_url
from core.ratelimit import within_rate_limit
from core.visitor_tokens import FRESH_SUBMISSION_TOKEN

from . import tallies
from .forms import build_survey_form_class
from .results import summarise
from .services import notify_owner, record_answer
from .steps import Plan


def serve_survey(survey, request):
    """Show a survey, take an answer, or say why it cannot be taken; never store half an answer."""
    form_class = build_survey_form_class(
        survey, privacy_notice_url(request, survey.locale_id), request
    )
    context = survey.get_context(request)
    status = survey.status()
    context["survey_status"] = status
    if survey.shows_public_results:
        counts = tallies.read(survey)
        context["results"] = summarise(survey, counts, public=True)
        context["answer_count"] = counts.answers

    if request.method != "POST":
        if status == survey.OPEN:
            # The shared cache may keep this page: each visitor gets a token of their own.
            form = form_class(initial={"submission_token": str(FRESH_SUBMISSION_TOKEN)})
            context.update(form=form, **step_context(form, form.plan(), form.plan().first))
        response = TemplateResponse(request, survey.get_template(request), context)
        # Kept no longer than the survey's current state (upcoming, open, closed) lasts.
        until_change = survey.seconds_until_status_changes()
        if until_change is not None:
            patch_cache_control(response, max_age=until_change)
        return response

    if status != survey.OPEN:
        context["refusal"] = _("This survey is not accepting answers: nothing was saved.")
        return TemplateResponse(request, survey.get_template(request), context, status=403)

    form = form_class(request.POST)
    if form.is_from_a_robot():
        form = form_class()
        context.update(form=form, **step_context(form, form.plan(), form.plan().first))
        context["refusal"] = _(
            "Your answer looks automated and was not saved. If you are a person, leave the "
            "“Leave this field empty” box empty and send the form again."
        )
        return TemplateResponse(request, survey.get_template(request), context, status=400)

    plan = form.plan()
    step = requested_step(request, plan)
    action = request.POST.get("action", "send")
    if action == "back":  # nothing is checked: the answers are simply shown again
        again = form_class(initial=form.raw_initial())
        context.update(form=again, **step_context(again, plan, plan.previous_before(step)))
        return TemplateResponse(request, survey.get_template(request), context)
    if action == "next" and step != plan.last:
        form.validate_only = plan.names_through(step)
        if not form.is_valid():
            context.update(form=form, **step_context(form, plan, first_step_in_error(form, plan)))
            return TemplateResponse(request, survey.get_template(request), context, status=400)
        again = form_class(initial=form.raw_initial())
        context.update(form=again, **step_context(again, plan, plan.next_after(step)))
        return TemplateResponse(request, survey.get_template(request), context)

    form.validate_only = plan.names_through(plan.last)
    if not form.is_valid():
        context.update(form=form, **step_context(form, plan, first_step_in_error(form, plan)))
        return TemplateResponse(request, survey.get_template(request), context, status=400)
    # Counted only now: an answer sent back for a mistake does not use up the allowance.
    if not within_rate_limit(request):
        context.update(form=form, **step_context(form, plan, plan.last))
        context["refusal"] = _(
            "Too many answers have come from your connection in the last hour. Nothing was "
            "saved: please try again later."
        )
        return TemplateResponse(request, survey.get_template(request), context, status=429)

    submission, created = record_answer(survey, form)
    if created:
        notify_owner(submission)
    context["submission"] = submission
    return TemplateResponse(request, "participation/surveys/survey_page_landing.html", context)


def requested_step(request, plan: Plan) -> int:
    """The step the respondent was on; anything unreadable counts as the first."""
    try:
        step = int(request.POST.get("step", plan.first))
    except ValueError:
        return plan.first
    return step if step in plan.active else plan.first


def first_step_in_error(form, plan: Plan) -> int:
    steps = [plan.section_of(name) for name in form.errors]
    steps = [step for step in steps if step is not None]
    return min(steps) if steps else plan.last


def step_context(form, plan: Plan, current: int) -> dict:
    """What the template needs to draw every step, showing only the current one: the other
    steps' answers stay in the page (hidden), so nothing is kept on the server between steps."""
    steps = []
    for index, section in enumerate(plan.sections):
        questions = [
            form.question_view(question, shown=question.key in plan.shown)
            for question in section.questions
        ]
        steps.append(
            {
                "index": index,
                "heading": section.heading,
                "intro": section.intro,
                "condition": section.condition,
                "active": index in plan.active,
                "current": index == current,
                "questions": questions,
            }
        )
    return {
        "steps": steps,
        "current_step": current,
        "step_number": plan.number_of(current),
        "step_count": plan.step_count,
        "is_first_step": current == plan.first,
        "is_last_step": current == plan.last,
    }


def serve_printable(survey, request):
    form = build_survey_form_class(survey)()
    context = survey.get_context(request)
    context["sections"] = printable_sections(form)
    return TemplateResponse(request, "participation/surveys/survey_print.html", context)


def printable_sections(form) -> list[dict]:
    """Each question with what a pen needs: its choices, a grid's statements and scale, a
    ranking's options, or lines to write on."""
    sections = []
    for section in form.sections:
        questions = []
        for question in section.questions:
            field = question.field
            entry = {
                "number": question.number,
                "label": field.label,
                "help_text": field.help_text,
                "required": field.required,
                "hint": question.hint,
                "kind": question.kind,
                "type": field.field_type,
                "personal": field.is_personal,
            }
            if question.kind == "grid":
                first = form.fields[question.names[0]]
                entry["scale"] = [label for _value, label in first.choices]
                entry["rows"] = [form.fields[name].label for name in question.names]
            elif question.kind == "ranking":
                entry["options"] = [form.fields[name].label for name in question.names]
            else:
                choices = getattr(form.fields[question.key], "choices", None) or []
                entry["options"] = [label for value, label in choices if value != ""]
                entry["multiple"] = field.field_type in {"checkboxes", "multiselect"}
                entry["other"] = field.offers_other
            questions.append(entry)
        sections.append(
            {
                "heading": section.heading,
                "intro": section.intro,
                "hint": section.hint,
                "questions": questions,
            }
        )
    return sections
