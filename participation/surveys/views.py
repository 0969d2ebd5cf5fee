from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from participation.common import privacy_url, within_rate_limit

from .forms import build_survey_form_class
from .results import answers_for, summarise
from .services import notify_owner, record_answer


def serve_survey(survey, request):
    """Show a survey, take an answer, or say why it cannot be taken; never store half an answer."""
    form_class = build_survey_form_class(survey, privacy_url(request, survey))
    context = survey.get_context(request)
    status = survey.status()
    context["survey_status"] = status
    if survey.shows_public_results:
        context["results"] = summarise(survey, answers_for(survey), public=True)
        context["answer_count"] = survey.all_submissions().count()

    if request.method != "POST":
        if status == survey.OPEN:
            context["form"] = form_class()
        return TemplateResponse(request, survey.get_template(request), context)

    if status != survey.OPEN:
        context["refusal"] = _("This survey is not accepting answers: nothing was saved.")
        return TemplateResponse(request, survey.get_template(request), context, status=403)

    form = form_class(request.POST)
    if form.is_from_a_robot():
        context["form"] = form_class()
        context["refusal"] = _(
            "Your answer looks automated and was not saved. If you are a person, leave the "
            "“Leave this field empty” box empty and send the form again."
        )
        return TemplateResponse(request, survey.get_template(request), context, status=400)
    if not within_rate_limit(request):
        context["form"] = form
        context["refusal"] = _(
            "Too many answers have come from your connection in the last hour. Nothing was "
            "saved: please try again later."
        )
        return TemplateResponse(request, survey.get_template(request), context, status=429)
    if not form.is_valid():
        context["form"] = form
        return TemplateResponse(request, survey.get_template(request), context, status=400)

    submission, created = record_answer(survey, form.cleaned_data, form.survey_fields)
    if created:
        notify_owner(submission)
    context["submission"] = submission
    return TemplateResponse(request, "participation/surveys/survey_page_landing.html", context)
