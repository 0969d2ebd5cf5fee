"""Background tasks (django-tasks) of challenge calls: the applicant's receipt and the
decisions; a slow or failing mail server never touches a proposal, and its mail is sent again
later (core.mail)."""

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_tasks import task

from core.mail import send_or_queue_again
from participation.common import one_line

from .models import Proposal, ProposalDecision


@task()
def send_proposal_receipt(
    proposal_id: int, private_url: str, amended: bool = False, attempt: int = 0
) -> bool:
    """The timestamped receipt: the applicant's proof that the proposal arrived in time."""
    proposal = Proposal.objects.select_related("call").filter(pk=proposal_id).first()
    if proposal is None:
        return False
    with translation.override(proposal.language):
        moment = timezone.localtime(proposal.updated_at if amended else proposal.submitted_at)
        values = {
            "reference": proposal.reference,
            "title": proposal.title,
            "call": proposal.call.title,
            "moment": date_format(moment, "DATETIME_FORMAT"),
            "deadline": date_format(
                timezone.localtime(proposal.call.submission_deadline), "DATETIME_FORMAT"
            ),
            "link": private_url,
        }
        if amended:
            subject = _("Proposal %(reference)s changed") % values
            intro = _("Your proposal “%(title)s” to the call “%(call)s” was changed on %(moment)s.")
        else:
            subject = _("Proposal %(reference)s received") % values
            intro = _("Your proposal “%(title)s” to the call “%(call)s” arrived on %(moment)s.")
        body = "\n\n".join(
            [
                intro % values,
                _("Reference: %(reference)s") % values,
                _(
                    "Until the deadline (%(deadline)s, Italian time) you can change or withdraw "
                    "it through this private link; do not share it:\n%(link)s"
                )
                % values,
            ]
        )
    return send_or_queue_again(
        one_line(subject),
        body,
        [proposal.contact_email],
        task=send_proposal_receipt,
        attempt=attempt,
        args=(proposal_id, private_url, amended),
    )


@task()
def send_proposal_decision(decision_id: int, attempt: int = 0) -> bool:
    decision = (
        ProposalDecision.objects.select_related("proposal", "proposal__call")
        .filter(pk=decision_id)
        .first()
    )
    if decision is None:
        return False
    proposal = decision.proposal
    with translation.override(proposal.language):
        values = {
            "reference": proposal.reference,
            "title": proposal.title,
            "status": decision.get_status_display(),
        }
        subject = _("Proposal %(reference)s: %(status)s") % values
        body = "\n\n".join(
            [
                _("Your proposal “%(title)s” (%(reference)s) is now: %(status)s.") % values,
                _("Reason:"),
                decision.reason,
            ]
        )
    return send_or_queue_again(
        one_line(subject),
        body,
        [proposal.contact_email],
        task=send_proposal_decision,
        attempt=attempt,
        args=(decision_id,),
    )
