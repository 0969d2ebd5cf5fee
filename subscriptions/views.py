"""Follow, confirm, change preferences and leave: public pages in the visitor's language.

Bad input (an invalid address, a forged, reused or expired link, a robot) gets a message in
that language and changes nothing. Leaving works in one click from a mail program (RFC 8058:
a POST without the site's CSRF token, authorised by the private link itself).
"""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Locale

from core.models import privacy_notice_url
from core.ratelimit import public_form_refusal

from .forms import CONSENT, FollowForm, PreferencesForm
from .models import Subscriber, Topic
from .services import LinkError, ask_to_follow, change_preferences, confirm, leave

LINK_ERRORS = {
    "invalid": gettext_lazy(
        "This link is not valid. Copy the whole link from the e-mail, or ask again."
    ),
    "expired": gettext_lazy(
        "This link has expired (it lasts 7 days). Ask again: nothing was changed."
    ),
    "used": gettext_lazy(
        "This link has already been used, or a newer one was sent. Nothing was changed."
    ),
}


def locale_id() -> int:
    return Locale.get_active().pk


def links(request):
    def build(subscriber, code):
        return (
            request.build_absolute_uri(reverse("follow_confirm", args=[code])),
            request.build_absolute_uri(reverse("follow_leave", args=[subscriber.token])),
        )

    return build


def privacy_notice_link(request) -> str:
    """The privacy notice in the reader's language, shown under the consent box."""
    url = privacy_notice_url(request, locale_id())
    return format_html('<a href="{}">{}</a>', url, _("Read the privacy notice")) if url else ""


def follow_form(request, data=None) -> FollowForm:
    form = FollowForm(data, locale_id=locale_id())
    form.fields["consent"].help_text = privacy_notice_link(request)
    return form


@never_cache
def follow(request):
    form = follow_form(request, request.POST or None)
    context = {"form": form}
    if request.method != "POST":
        return TemplateResponse(request, "subscriptions/follow.html", context)
    refused = public_form_refusal(request, form, "follow", settings.FOLLOW_REQUESTS_PER_HOUR)
    if refused:
        context["refusal"], status = refused
        if form.is_from_a_robot():
            context["form"] = follow_form(request)
        return TemplateResponse(request, "subscriptions/follow.html", context, status=status)
    data = form.cleaned_data
    ask_to_follow(
        data["email"],
        get_language(),
        data["topics"],
        data["territories"],
        str(CONSENT),
        links(request),
        data["period"],
    )
    return TemplateResponse(request, "subscriptions/follow_sent.html", {"email": data["email"]})


@never_cache
def confirm_view(request, code):
    """A button, not the link itself, confirms: mail scanners that open links change nothing."""
    if request.method != "POST":
        return TemplateResponse(request, "subscriptions/confirm.html", {"code": code})
    try:
        subscriber = confirm(code)
    except LinkError as error:
        context = {"code": code, "refusal": LINK_ERRORS[error.kind]}
        return TemplateResponse(request, "subscriptions/confirm.html", context, status=400)
    return redirect(reverse("follow_manage", args=[subscriber.token]) + "?confirmed=1")


@never_cache
def manage(request, token):
    subscriber = get_object_or_404(Subscriber, token=token, confirmed_at__isnull=False)
    follows = list(subscriber.follows.all())
    initial = {
        "topics": [f.topic for f in follows if f.topic != Topic.TERRITORY],
        "territories": [str(f.territory_key) for f in follows if f.territory_key],
        "language": subscriber.language,
        "period": subscriber.digest_period,
    }
    form = PreferencesForm(request.POST or None, initial=initial, locale_id=locale_id())
    context = {"form": form, "subscriber": subscriber}
    if request.method == "POST":
        if not form.is_valid():
            return TemplateResponse(request, "subscriptions/manage.html", context, status=400)
        data = form.cleaned_data
        change_preferences(
            subscriber, data["topics"], data["territories"], data["language"], data["period"]
        )
        context["saved"] = True
    context["confirmed"] = request.GET.get("confirmed") == "1"
    return TemplateResponse(request, "subscriptions/manage.html", context)


@csrf_exempt
@never_cache
def leave_view(request, token):
    """GET asks; POST (the page's button, or a mail program's one-click request) leaves."""
    subscriber = Subscriber.objects.filter(token=token).first()
    if request.method != "POST":
        context = {"subscriber": subscriber}
        return TemplateResponse(request, "subscriptions/leave.html", context)
    if subscriber is not None:
        leave(subscriber)
    return TemplateResponse(request, "subscriptions/leave.html", {"left": True})
