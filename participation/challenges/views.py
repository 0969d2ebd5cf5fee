"""Public views of a challenge call: the call page, the proposal form, the applicant's private
page, shortlisted proposals and citizens' support. Each refusal says why, in the visitor's
language, and stores nothing."""

import functools

from django.conf import settings
from django.db.models import Count, F, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from core.models import privacy_notice_url
from core.pagination import page_of
from core.ratelimit import within_rate_limit

from .forms import ProposalAmendForm, ProposalForm, SupportForm
from .models import Proposal
from .services import (
    SupportLinkError,
    amend_proposal,
    confirm_support,
    queue_receipt,
    read_support_link,
    request_support,
    score_proposals,
    withdraw_proposal,
)
from .services import submit_proposal as store_proposal

PROPOSALS_PER_PAGE = 20


def personal(view):
    """Pages for one person (a private proposal link, a support confirmation): never stored by
    a shared cache or the browser (``Cache-Control: private, no-store``, via Django's
    ``add_never_cache_headers``; Django's ``never_cache`` expects the request first)."""

    @functools.wraps(view)
    def wrapper(call, request, *args, **kwargs):
        response = view(call, request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapper


def _context(call, request, **extra):
    context = call.get_context(request)
    context.update(extra)
    return context


def _render(call, request, template, context, status=200):
    return TemplateResponse(request, template, context, status=status)


def _message(call, request, title, message, status=200, link=None):
    context = _context(
        call, request, message_title=title, message=message, back_link=link, is_error=status >= 400
    )
    return _render(
        call, request, "participation/challenges/challenge_message.html", context, status
    )


def _robot_refusal(call, request, title, link=None):
    message = _("The form looks automated and was not saved. Leave the last field empty.")
    return _message(call, request, title, message, status=400, link=link)


def public_proposals(call):
    return (
        call.all_proposals()
        .public()
        .annotate(
            support_count=Count("supports", filter=Q(supports__confirmed_at__isnull=False)),
            call_key=F("call__translation_key"),
        )
        .order_by("reference")
    )


def serve_call(call, request):
    status = call.status()
    proposals = []
    chain_proposals = None  # the chain reads them itself unless they are read here
    if status in {call.Status.EVALUATION, call.Status.CLOSED}:
        proposals = chain_proposals = list(public_proposals(call).listed())
        for proposal in proposals:
            proposal.call_key = call.translation_key
    criteria = list(call.criteria.all())
    scores = []
    if status == call.Status.CLOSED and proposals:
        scores = score_proposals(call, proposals, criteria, count_evaluations=False)
    # A call may receive hundreds of proposals: they are listed a page at a time (the ranking
    # is still computed over all of them), each address built once from the call's.
    shown = page_of(scores or proposals, request, PROPOSALS_PER_PAGE, anchor="proposals-heading")
    call_url = call.get_url(request) or ""
    for proposal in (result.proposal for result in shown) if scores else shown:
        proposal.public_url = call_url + call.reverse_subpage(
            "proposal_detail", args=[proposal.reference]
        )
    context = _context(
        call,
        request,
        call_status=status,
        criteria=criteria,
        questions=list(call.questions.order_by("-asked_on", "sort_order")),
        proposals=proposals,
        scores=scores,
        proposals_page=shown,
        chain_proposals=chain_proposals,
    )
    return _render(call, request, call.get_template(request), context)


def _submission_closed(call, request):
    return _message(
        call,
        request,
        _("Submissions are closed"),
        _(
            "The deadline of this call has passed (or the call is not open yet): the proposal "
            "was not saved."
        ),
        status=403,
        link=call.url,
    )


@personal
def submit_proposal(call, request):
    template = "participation/challenges/proposal_form.html"
    context = _context(call, request, privacy_url=privacy_notice_url(request, call.locale_id))
    if request.method != "POST":
        if not call.is_open:
            context["closed"] = True
        else:
            context["form"] = ProposalForm()
        return _render(call, request, template, context)
    if not call.is_open:
        return _submission_closed(call, request)
    form = ProposalForm(request.POST, request.FILES)
    if form.is_from_a_robot():
        return _robot_refusal(call, request, _("Proposal not sent"))
    if not form.is_valid():
        context["form"] = form
        return _render(call, request, template, context, status=400)
    if not within_rate_limit(request, "proposal", settings.PROPOSAL_SUBMISSIONS_PER_HOUR):
        context["form"] = form
        context["refusal"] = _(
            "Too many proposals have come from your connection in the last hour. Nothing was "
            "saved: please try again later."
        )
        return _render(call, request, template, context, status=429)
    proposal, created = store_proposal(call, form, call.locale.language_code)
    private_url = request.build_absolute_uri(
        call.url + call.reverse_subpage("private_proposal", args=[proposal.access_token])
    )
    if created:
        queue_receipt(proposal, private_url)
    context.update({"proposal": proposal, "private_url": private_url})
    return _render(call, request, "participation/challenges/proposal_submitted.html", context)


@personal
def private_proposal(call, request, token):
    proposal = get_object_or_404(
        Proposal.objects.select_related("call"),
        access_token=token,
        call__translation_key=call.translation_key,
    )
    template = "participation/challenges/proposal_private.html"
    editable = call.is_open and proposal.status == Proposal.Status.SUBMITTED
    context = _context(
        call,
        request,
        proposal=proposal,
        editable=editable,
        decisions=list(proposal.decisions.all()),
        attachments=list(proposal.attachments.all()),
    )
    if request.method != "POST":
        if editable:
            context["form"] = ProposalAmendForm(instance=proposal)
        return _render(call, request, template, context)
    if not call.is_open:
        return _submission_closed(call, request)
    if not editable:
        return _message(
            call,
            request,
            _("Proposal not changed"),
            _("This proposal can no longer be changed."),
            status=403,
        )
    if request.POST.get("action") == "withdraw":
        if request.POST.get("confirm_withdraw") != "yes":
            context["form"] = ProposalAmendForm(instance=proposal)
            context["withdraw_error"] = _("Tick the box to confirm that you withdraw it.")
            return _render(call, request, template, context, status=400)
        withdraw_proposal(proposal)
        return _message(
            call,
            request,
            _("Proposal withdrawn"),
            _("Your proposal %(reference)s is withdrawn and will not be evaluated.")
            % {"reference": proposal.reference},
        )
    form = ProposalAmendForm(request.POST, request.FILES, instance=proposal)
    if not form.is_valid():
        proposal.refresh_from_db()
        context["form"] = form
        return _render(call, request, template, context, status=400)
    if not within_rate_limit(request, "proposal", settings.PROPOSAL_SUBMISSIONS_PER_HOUR):
        proposal.refresh_from_db()
        context["form"] = form
        context["refusal"] = _(
            "Too many changes have come from your connection in the last hour. Nothing was "
            "saved: please try again later."
        )
        return _render(call, request, template, context, status=429)
    amend_proposal(proposal, form)
    queue_receipt(proposal, request.build_absolute_uri(request.path), amended=True)
    context.update(
        {
            "form": ProposalAmendForm(instance=proposal),
            "saved": True,
            "attachments": list(proposal.attachments.all()),
        }
    )
    return _render(call, request, template, context)


def _public_proposal(call, reference):
    proposal = public_proposals(call).filter(reference=reference).first()
    if proposal is None:
        raise Http404
    return proposal


def proposal_detail(call, request, reference, form=None, status=200, **extra):
    score = None
    proposal = _public_proposal(call, reference)
    if call.results_are_public:
        # Its rank spans every public proposal of the call, read light: only this one is
        # read whole, with its supports counted.
        ranked = call.all_proposals().public().listed()
        scores = score_proposals(call, list(ranked), count_evaluations=False)
        score = next((s for s in scores if s.proposal.pk == proposal.pk), None)
        if score is None:  # withdrawn between the two reads
            raise Http404
    can_support = call.support_is_open and proposal.status == Proposal.Status.SHORTLISTED
    context = _context(
        call,
        request,
        proposal=proposal,
        score=score,
        can_support=can_support,
        support_form=form or (SupportForm() if can_support else None),
        **extra,
    )
    return _render(call, request, "participation/challenges/proposal_detail.html", context, status)


def support_proposal(call, request, reference):
    proposal = _public_proposal(call, reference)
    detail_url = call.url + call.reverse_subpage("proposal_detail", args=[reference])
    if request.method != "POST":
        return HttpResponseRedirect(detail_url)
    if not (call.support_is_open and proposal.status == Proposal.Status.SHORTLISTED):
        return _message(
            call,
            request,
            _("Support not recorded"),
            _("Support is open only for shortlisted proposals while the call is being evaluated."),
            status=403,
            link=detail_url,
        )
    form = SupportForm(request.POST)
    if form.is_from_a_robot():
        return _robot_refusal(call, request, _("Support not recorded"), link=detail_url)
    if not form.is_valid():
        return proposal_detail(call, request, reference, form=form, status=400)
    if not within_rate_limit(request, "support", settings.SUPPORT_REQUESTS_PER_HOUR):
        return proposal_detail(
            call,
            request,
            reference,
            form=form,
            status=429,
            refusal=_(
                "Too many support requests have come from your connection in the last hour. "
                "Nothing was saved: please try again later."
            ),
        )

    def confirm_url_for(signed):
        return request.build_absolute_uri(
            call.url + call.reverse_subpage("confirm_support", args=[signed])
        )

    outcome = request_support(proposal, form.cleaned_data["email"], confirm_url_for)
    if outcome == "failed":
        return _message(
            call,
            request,
            _("Support not recorded"),
            _("The confirmation e-mail could not be sent. Nothing was saved: try again later."),
            status=503,
            link=detail_url,
        )
    return _message(
        call,
        request,
        _("Check your e-mail"),
        _(
            "We have sent a confirmation link to the address you gave. Your support counts once "
            "you open it. Unconfirmed supports are not counted."
        ),
        link=detail_url,
    )


@personal
def confirm_support_view(call, request, signed):
    proposal_filter = Q(proposal__call__translation_key=call.translation_key)
    if request.method != "POST":
        # Opening the link only shows a button: mail scanners that follow links confirm nothing.
        try:
            read_support_link(signed)
        except SupportLinkError as error:
            return _message(call, request, _("Support not confirmed"), error.message, status=400)
        return _render(
            call, request, "participation/challenges/support_confirm.html", _context(call, request)
        )
    try:
        support, confirmed_now = confirm_support(signed, proposal_filter)
    except SupportLinkError as error:
        return _message(call, request, _("Support not confirmed"), error.message, status=400)
    proposal = support.proposal
    detail_url = call.url + call.reverse_subpage("proposal_detail", args=[proposal.reference])
    if not confirmed_now:
        return _message(
            call,
            request,
            _("Already confirmed"),
            _("This link was already used: your support is counted once."),
            status=409,
            link=detail_url,
        )
    return _message(
        call,
        request,
        _("Thank you"),
        _("Your support for “%(title)s” is confirmed and counted.") % {"title": proposal.title},
        link=detail_url,
    )
