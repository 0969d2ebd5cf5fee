"""Signing up for an event and cancelling by private link, in the visitor's language. Bad
input (an invalid address, an address already registered, a reused or unknown link, a full
or past event) gets a message in that language and changes nothing."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import get_language, gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.ratelimit import public_form_refusal

from ..models import EventPage, Registration
from .forms import RegistrationForm
from .services import RegistrationError, cancel, register

FORM_PAGE = "events/registrations/form_page.html"
ERRORS = {
    "closed": gettext_lazy("Registration for this event is closed. Nothing was saved."),
    "already": gettext_lazy(
        "This address is already registered for this event. To change it, use the link in "
        "the e-mail you received."
    ),
    "cancelled": gettext_lazy("This registration was already cancelled. Nothing changed."),
    "unknown": gettext_lazy(
        "This link is not valid: copy the whole link from the e-mail. Nothing changed."
    ),
}


@require_POST
@never_cache
def register_view(request, event_id):
    event = get_object_or_404(EventPage.objects.live().specific(), pk=event_id)
    form = RegistrationForm(request.POST)
    context = {"event": event, "form": form}
    limit = settings.FOLLOW_REQUESTS_PER_HOUR
    refused = public_form_refusal(request, form, "event-registration", limit)
    if refused:
        context["refusal"], status = refused
        if form.is_from_a_robot():
            context["form"] = RegistrationForm()
        return TemplateResponse(request, FORM_PAGE, context, status=status)
    try:
        registration = register(
            event, form.cleaned_data["name"], form.cleaned_data["email"], get_language()
        )
    except RegistrationError as error:
        context["refusal"] = ERRORS[error.kind]
        return TemplateResponse(request, FORM_PAGE, context, status=409)
    context["registration"] = registration
    return TemplateResponse(request, "events/registrations/registered.html", context)


@never_cache
def cancel_view(request, token):
    """GET shows a button (mail scanners open links); POST cancels."""
    registration = Registration.objects.filter(token=token).first()
    if registration is None:
        raise Http404
    context = {"registration": registration}
    if request.method == "POST":
        try:
            cancel(token)
        except RegistrationError as error:
            context["refusal"] = ERRORS[error.kind]
            return TemplateResponse(
                request, "events/registrations/cancel.html", context, status=409
            )
        context["cancelled"] = True
    return TemplateResponse(request, "events/registrations/cancel.html", context)
