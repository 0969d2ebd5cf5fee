"""Taking a municipality's wish to replicate a solution: refused with the reason in the
visitor's language (a robot, a mistake, too many from one address, the same address twice),
stored once, the pilot's partner told, the sheet's count purged from the page cache."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.mail import absolute_url
from core.page_cache import purge
from core.ratelimit import public_form_refusal
from partners.models import PartnerPage

from .forms import InterestForm
from .mail import send_interest_notice
from .models import ReplicationInterest

SHEET = "replication/solutions/solution_page.html"
LANGUAGE_OF_COUNTRY = {"IT": "it", "FR": "fr"}


def answer_interest(page, request):
    form = InterestForm(request.POST)
    refused = public_form_refusal(
        request, form, "replication-interest", settings.FOLLOW_REQUESTS_PER_HOUR
    )
    if refused:
        message, status = refused
        if form.is_from_a_robot():
            form = InterestForm()
        return page.render_with(
            request, SHEET, status=status, interest_form=form, interest_refusal=message
        )
    data = form.cleaned_data
    try:
        with transaction.atomic():
            interest = ReplicationInterest.objects.create(
                solution_key=page.translation_key,
                municipality=data["municipality"],
                role=data["role"],
                email=data["email"].strip().lower(),
                message=data["message"].strip(),
                language=get_language(),
                consent_given_at=timezone.now(),
            )
    except IntegrityError:
        return page.render_with(
            request,
            SHEET,
            status=409,
            interest_form=InterestForm(),
            interest_refusal=_(
                "This address has already told us it would like to replicate this solution: the "
                "partner has it. Nothing new was saved."
            ),
        )
    tell_partner(page, interest, request)
    transaction.on_commit(lambda: purge(pages=[page]))
    return TemplateResponse(
        request,
        "replication/solutions/interest_sent.html",
        {"page": page, "self": page, "interest": interest},
    )


def tell_partner(page, interest: ReplicationInterest, request) -> None:
    """The partner that ran the pilot (its territory's partner), in its own language."""
    pilot = page.pilot_in_reader_language()
    if pilot is None:
        return
    territory = pilot.get_parent().specific
    partner = PartnerPage.objects.filter(pk=getattr(territory, "partner_id", None)).first()
    if partner is None or not partner.contact_email:
        return
    language = LANGUAGE_OF_COUNTRY.get(partner.country, settings.LANGUAGE_CODE)
    args = (interest.pk, partner.contact_email, language, page.title, absolute_url(page.url))
    transaction.on_commit(lambda: send_interest_notice.enqueue(*args))
