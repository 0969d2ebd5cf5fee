from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.models import SiteSettings
from core.page_cache import shared_fragment

from .forms import build_survey_form_class
from .results import answers_for, summarise
from .services import notify_owner, record_answer, within_rate_limit


def privacy_url(request, survey) -> str:
    """The privacy notice in the page's language (kept in the shared cache: it rarely changes)."""
    from core.i18n import localized_pages

    def compute():
        site_settings = SiteSettings.for_request(request)
        if not site_settings.privacy_page_id:
            return ""
        pages = localized_pages([site_settings.privacy_page], survey.locale_id)
        page = pages[0] if pages else site_settings.privacy_page
        return page.get_url(request)

    return shared_fragment(request, ("privacy", survey.locale_id), compute)


def serve_survey(survey, request):
    """Show a survey, take an answer, or say why it cannot be taken; never store half an answer."""
    form_class = build_survey_form_class(survey, privacy_url(request, survey))
    context = survey.get_context(request)
    status = survey.status()
    context["survey_status"] = status
    if survey.shows_public_results:
        # A closed survey's results no longer change: the same for every visitor.
        context.update(
            shared_fragment(
                request,
                ("survey-results", survey.pk, survey.locale_id),
                lambda: {
                    "results": summarise(survey, answers_for(survey), public=True),
                    "answer_count": survey.all_submissions().count(),
                },
            )
        )

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
    return TemplateResponse(request, "participation/survey_page_landing.html", context)
