"""Rules of a challenge call: sending and amending proposals, scoring, decisions and citizens'
support. Views and the admin call these; every change is made whole or not at all."""

import logging
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Q
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from participation.common import one_line
from pilots.models import PilotPage

from .models import (
    MAX_SCORE,
    CriterionScore,
    Evaluation,
    EvaluatorAssignment,
    Proposal,
    ProposalAttachment,
    ProposalDecision,
    Support,
    new_support_token,
)
from .tasks import send_proposal_decision, send_proposal_receipt

logger = logging.getLogger(__name__)

SUPPORT_SALT = "participation.support"  # keys the hash of supporters' addresses
SUPPORT_LINK_MAX_AGE = 7 * 24 * 3600


# Proposals ------------------------------------------------------------------------------------


def submit_proposal(call, form, language: str) -> tuple[Proposal, bool]:
    """Store a proposal and its attachments; the same form sent twice is stored once."""
    token = form.cleaned_data["submission_token"]
    existing = Proposal.objects.filter(submission_token=token).first()
    if existing is not None:
        return existing, False
    proposal = form.save(commit=False)
    proposal.call = call
    proposal.language = language
    proposal.submission_token = token
    proposal.consent_given_at = timezone.now()
    with files_removed_on_failure() as saved, transaction.atomic():
        for _attempt in range(5):  # references are random: retry on the rare collision
            try:
                with transaction.atomic():
                    proposal.save()
                break
            except IntegrityError:
                if Proposal.objects.filter(submission_token=token).exists():
                    return Proposal.objects.get(submission_token=token), False
                proposal.reference = Proposal._meta.get_field("reference").default()
        save_attachments(proposal, form.cleaned_data.get("attachments") or [], saved)
    return proposal, True


@contextmanager
def files_removed_on_failure():
    """Files written to storage are not part of the database transaction: if anything fails,
    remove the ones written so nothing is left half-saved."""
    saved: list = []
    try:
        yield saved
    except BaseException:
        for storage, name in saved:
            storage.delete(name)
        raise


def save_attachments(proposal: Proposal, uploads, saved: list) -> None:
    for upload in uploads:
        attachment = ProposalAttachment(
            proposal=proposal, original_name=upload.name[:255], size=upload.size
        )
        attachment.file.save("upload.pdf", upload, save=False)
        saved.append((attachment.file.storage, attachment.file.name))
        attachment.save()


def amend_proposal(proposal: Proposal, form) -> Proposal:
    with files_removed_on_failure() as saved, transaction.atomic():
        proposal = form.save()
        for attachment in form.cleaned_data.get("remove_attachments") or []:
            delete_attachment(attachment)
        save_attachments(proposal, form.cleaned_data.get("attachments") or [], saved)
    return proposal


def delete_attachment(attachment: ProposalAttachment) -> None:
    name, storage = attachment.file.name, attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def withdraw_proposal(proposal: Proposal) -> None:
    proposal.status = Proposal.Status.WITHDRAWN
    proposal.save(update_fields=["status", "updated_at"])
    ProposalDecision.objects.create(
        proposal=proposal,
        status=Proposal.Status.WITHDRAWN,
        reason=_("Withdrawn by the applicant."),
    )


def queue_receipt(proposal: Proposal, private_url: str, amended: bool = False) -> None:
    transaction.on_commit(lambda: send_proposal_receipt.enqueue(proposal.pk, private_url, amended))


# Evaluation -----------------------------------------------------------------------------------


def is_assigned(user, call) -> bool:
    return (
        EvaluatorAssignment.call_keys_for(user)
        .filter(call__translation_key=call.translation_key)
        .exists()
    )


@transaction.atomic
def record_evaluation(
    proposal: Proposal, evaluator, scores: dict, comment: str, no_conflict: bool
) -> Evaluation:
    """Save one evaluator's scores for a proposal (replacing earlier ones).

    ``scores`` maps each criterion's translation key to ``(score, comment)``.
    """
    if not is_assigned(evaluator, proposal.call):
        raise PermissionDenied(_("You are not assigned to evaluate this call."))
    if proposal.status not in Proposal.SCORABLE:
        raise ValidationError(_("Only admissible or shortlisted proposals can be scored."))
    if not no_conflict:
        raise ValidationError(_("You must declare that you have no conflict of interest."))
    expected = {c.translation_key for c in proposal.call.criteria.all()}
    if set(scores) != expected:
        raise ValidationError(_("Every criterion must be scored."))
    if any(not 0 <= score <= MAX_SCORE for score, _comment in scores.values()):
        raise ValidationError(_("Scores go from 0 to 5."))
    evaluation, _created = Evaluation.objects.update_or_create(
        proposal=proposal,
        evaluator=evaluator,
        defaults={"comment": comment, "no_conflict_of_interest": True},
    )
    evaluation.scores.all().delete()
    CriterionScore.objects.bulk_create(
        CriterionScore(evaluation=evaluation, criterion_key=key, score=score, comment=text)
        for key, (score, text) in scores.items()
    )
    return evaluation


@dataclass
class ProposalScore:
    proposal: Proposal
    evaluations: int = 0
    means: dict = field(default_factory=dict)
    total: float | None = None
    failed: list = field(default_factory=list)
    rank: int | None = None

    @property
    def passes_thresholds(self) -> bool:
        return self.total is not None and not self.failed


def weighted_total(criteria, means: dict) -> float | None:
    """The weighted average of the criteria's mean scores, on a scale of 100."""
    if not criteria or any(means.get(c.translation_key) is None for c in criteria):
        return None
    weights = sum(c.weight for c in criteria)
    points = sum(Decimal(c.weight) * Decimal(means[c.translation_key]) for c in criteria)
    return round(float(points / (weights * MAX_SCORE) * 100), 1)


def score_proposals(call, proposals, criteria=None, count_evaluations=True) -> list[ProposalScore]:
    """Scores, thresholds and ranking of ``proposals`` (a list), in a fixed number of queries.

    Proposals that meet every minimum threshold rank first, by weighted total; the others keep
    their total but get no rank. The ranking reads only each proposal's key and submission time
    (ties), so light rows (``Proposal.objects.listed()``) rank as whole ones do. Public pages
    show no count of evaluations and skip that query (``count_evaluations=False``).
    """
    criteria = list(call.criteria.all()) if criteria is None else criteria
    results = {p.pk: ProposalScore(p) for p in proposals}
    rows = (
        CriterionScore.objects.filter(evaluation__proposal__in=list(results))
        .values("evaluation__proposal_id", "criterion_key")
        .annotate(mean=Avg("score"))
    )
    for row in rows:
        results[row["evaluation__proposal_id"]].means[row["criterion_key"]] = row["mean"]
    if count_evaluations:
        counts = (
            Evaluation.objects.filter(proposal__in=list(results))
            .values("proposal_id")
            .annotate(total=Count("pk"))
        )
        for row in counts:
            results[row["proposal_id"]].evaluations = row["total"]
    for result in results.values():
        result.total = weighted_total(criteria, result.means)
        result.failed = [
            c
            for c in criteria
            if c.minimum_score is not None
            and result.means.get(c.translation_key) is not None
            and Decimal(str(result.means[c.translation_key])) < c.minimum_score
        ]
    ranked = sorted(
        results.values(),
        key=lambda r: (not r.passes_thresholds, -(r.total or 0), r.proposal.submitted_at),
    )
    rank = 0
    for result in ranked:
        if result.passes_thresholds:
            rank += 1
            result.rank = rank
    return ranked


@transaction.atomic
def decide(
    proposal: Proposal, status: str, reason: str, user, territory=None
) -> tuple[ProposalDecision, PilotPage | None]:
    """Move a proposal to its next status and tell the applicant why, all or nothing.

    Selecting a proposal also creates its draft pilot page under ``territory``; the e-mail is
    queued only once the decision (and the pilot) are committed.
    """
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if status not in proposal.next_statuses:
        raise ValidationError(_("This decision is not possible at this stage."))
    if not reason.strip():
        raise ValidationError(_("Give the reason that will be sent to the applicant."))
    if status == Proposal.Status.SELECTED and territory is None:
        raise ValidationError(_("Choose the territory where the pilot will run."))
    proposal.status = status
    if status == Proposal.Status.SHORTLISTED:
        proposal.was_shortlisted = True
    proposal.save(update_fields=["status", "was_shortlisted", "updated_at"])
    decision = ProposalDecision.objects.create(
        proposal=proposal, status=status, reason=reason.strip(), decided_by=user
    )
    pilot = create_pilot_draft(proposal, territory) if status == Proposal.Status.SELECTED else None
    transaction.on_commit(lambda: send_proposal_decision.enqueue(decision.pk))
    return decision, pilot


def create_pilot_draft(proposal: Proposal, territory):
    """A draft pilot page under the territory, prefilled from the selected proposal."""
    pilot = PilotPage(
        title=proposal.title,
        company=proposal.organisation_name,
        proposal=proposal,
        listing_summary=proposal.summary[:300],
        live=False,
    )
    territory.add_child(instance=pilot)
    pilot.save_revision()
    return pilot


# Citizen support ------------------------------------------------------------------------------


def email_digest(email: str) -> str:
    return salted_hmac(SUPPORT_SALT, email.strip().lower(), algorithm="sha256").hexdigest()


def support_link_value(support: Support) -> str:
    return support.token


def request_support(proposal: Proposal, email: str, confirm_url_for) -> str:
    """Record an unconfirmed support and e-mail its confirmation link.

    Returns "sent", "already" (this address already supports it: told by e-mail, never on
    screen, so the page does not reveal who supports what) or "failed" (nothing kept).
    """
    digest = email_digest(email)
    with transaction.atomic():
        support, created = Support.objects.get_or_create(proposal=proposal, email_digest=digest)
        if not support.confirmed_at and link_expired(support):
            # Asking again after the link expired sends a fresh link (the old one stays dead).
            support.token = new_support_token()
            support.created_at = timezone.now()
            Support.objects.filter(pk=support.pk).update(
                token=support.token, created_at=support.created_at
            )
    language = translation.get_language()
    with translation.override(language):
        if support.confirmed_at:
            subject = _("You already support “%(title)s”") % {"title": proposal.title}
            body = _("Your support for this proposal was already confirmed; it counts once.")
        else:
            subject = _("Confirm your support for “%(title)s”") % {"title": proposal.title}
            body = _(
                "Someone, hopefully you, asked to support the proposal “%(title)s” on the "
                "DigiVillae portal. To confirm, open this link within 7 days:\n\n%(link)s\n\n"
                "If it was not you, ignore this message: nothing will be counted."
            ) % {"title": proposal.title, "link": confirm_url_for(support_link_value(support))}
    try:
        send_mail(one_line(subject), body, None, [email])
    except OSError:
        logger.exception("Could not send the support confirmation for proposal %s", proposal.pk)
        if created:
            support.delete()
        return "failed"
    return "already" if support.confirmed_at else "sent"


def link_expired(support: Support) -> bool:
    """A confirmation link is valid for 7 days after it was sent."""
    return (timezone.now() - support.created_at).total_seconds() > SUPPORT_LINK_MAX_AGE


class SupportLinkError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def read_support_link(token: str) -> Support:
    """The support behind a confirmation link, or a SupportLinkError saying what is wrong."""
    support = Support.objects.select_related("proposal").filter(token=token).first()
    if support is None:
        raise SupportLinkError(
            _("This confirmation link is not valid. Copy the whole link from the e-mail.")
        )
    if support.confirmed_at is None and link_expired(support):
        raise SupportLinkError(
            _("This confirmation link has expired. Ask for a new one from the proposal page.")
        )
    return support


def confirm_support(token: str, proposal_filter: Q) -> tuple[Support, bool]:
    """Confirm the support behind a link; returns it and whether this call confirmed it."""
    read_support_link(token)
    with transaction.atomic():
        support = (
            Support.objects.select_for_update()
            .select_related("proposal")
            .filter(token=token)
            .filter(proposal_filter)
            .first()
        )
        if support is None:
            raise SupportLinkError(_("This confirmation link is not valid for this proposal."))
        if support.confirmed_at:
            return support, False
        support.confirmed_at = timezone.now()
        support.save(update_fields=["confirmed_at"])
    return support, True
