"""Proposals sent by companies to a challenge call, their evaluation and citizens' support.

Applicants' texts are never translated: each proposal records the language it was written in.
Contact details, registration numbers, descriptions and attachments are private; only the
fields in ``Proposal.PUBLIC_FIELDS`` are ever shown to the public.
"""

import secrets
import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_ATTACHMENTS = 3
MAX_SCORE = 5


def private_storage():
    """Attachments live outside the public media path (see STORAGES["private"])."""
    return storages["private"]


def attachment_path(instance, filename: str) -> str:
    # The stored name is random: the applicant's file name is kept only in the database.
    return f"proposals/{timezone.now():%Y}/{uuid.uuid4().hex}.pdf"


def new_reference() -> str:
    return f"DV{timezone.now():%y}-{secrets.token_hex(3).upper()}"


class ProposalQuerySet(models.QuerySet):
    def public(self):
        """Proposals shown to the public: those that reached the shortlist."""
        return self.filter(was_shortlisted=True).exclude(status=Proposal.Status.WITHDRAWN)

    def listed(self):
        """What lists of proposals show (a call page, the chain): their long texts stay in the
        database."""
        return self.only(
            *("pk", "call_id", "reference", "title", "organisation_name", "status", "language"),
            "submitted_at",  # ranking ties
        )

    def visible_to(self, user):
        """What a staff member may see: everything for managers, assigned calls for evaluators."""
        if user.has_perm("participation.decide_proposal"):
            return self
        if not user.has_perm("participation.view_proposal"):
            return self.none()
        return self.filter(call__translation_key__in=EvaluatorAssignment.call_keys_for(user))


class Proposal(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ADMISSIBLE = "admissible", _("Admissible")
        INADMISSIBLE = "inadmissible", _("Inadmissible")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        SELECTED = "selected", _("Selected")
        NOT_SELECTED = "not_selected", _("Not selected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Country(models.TextChoices):
        ITALY = "IT", _("Italy")
        FRANCE = "FR", _("France")
        SWITZERLAND = "CH", _("Switzerland")
        MONACO = "MC", _("Monaco")
        OTHER_EU = "EU", _("Another European Union country")
        OTHER = "XX", _("Another country")

    class Size(models.TextChoices):
        MICRO = "micro", _("Micro enterprise (fewer than 10 people)")
        SMALL = "small", _("Small enterprise (10 to 49 people)")
        MEDIUM = "medium", _("Medium-sized enterprise (50 to 249 people)")
        LARGE = "large", _("Large enterprise (250 people or more)")
        RESEARCH = "research", _("University or research body")
        NON_PROFIT = "non_profit", _("Association, cooperative or social enterprise")

    class Maturity(models.TextChoices):
        IDEA = "idea", _("Idea or concept (TRL 1–3)")
        PROTOTYPE = "prototype", _("Prototype tested in the lab (TRL 4–6)")
        DEMONSTRATED = "demonstrated", _("Demonstrated in a real setting (TRL 7–8)")
        MARKET = "market", _("On the market (TRL 9)")

    # Next statuses an editor may choose from each status, in the order of the procedure.
    TRANSITIONS = {
        Status.SUBMITTED: [Status.ADMISSIBLE, Status.INADMISSIBLE],
        Status.ADMISSIBLE: [Status.SHORTLISTED, Status.NOT_SELECTED],
        Status.SHORTLISTED: [Status.SELECTED, Status.NOT_SELECTED],
    }
    SCORABLE = {Status.ADMISSIBLE, Status.SHORTLISTED}
    PUBLIC_FIELDS = ("reference", "title", "summary", "organisation_name", "country", "maturity")

    call = models.ForeignKey(
        "participation.ChallengeCallPage",
        verbose_name=_("call"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    reference = models.CharField(_("reference"), max_length=20, unique=True, default=new_reference)
    language = models.CharField(
        _("written in"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    organisation_name = models.CharField(_("organisation"), max_length=200)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    registration_number = models.CharField(
        _("VAT, SIRET, P.IVA or registration number"), max_length=30
    )
    organisation_size = models.CharField(_("size"), max_length=12, choices=Size.choices)
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_email = models.EmailField(_("contact e-mail"))
    title = models.CharField(_("title of the solution"), max_length=200)
    summary = models.TextField(
        _("public summary"),
        max_length=1000,
        help_text=_(
            "Shown to the public if the proposal is shortlisted. At most 1,000 characters."
        ),
    )
    description = models.TextField(
        _("description"),
        max_length=10000,
        help_text=_("How the solution works and how it answers the call. Seen only by evaluators."),
    )
    maturity = models.CharField(_("maturity level"), max_length=14, choices=Maturity.choices)
    estimated_cost = models.DecimalField(
        _("estimated cost (euros)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(10**9)],
    )
    consent_given_at = models.DateTimeField(_("consent given at"))
    status = models.CharField(
        _("status"), max_length=14, choices=Status.choices, default=Status.SUBMITTED
    )
    was_shortlisted = models.BooleanField(_("reached the shortlist"), default=False)
    access_token = models.UUIDField(_("private link key"), default=uuid.uuid4, unique=True)
    submission_token = models.UUIDField(_("submission token"), default=uuid.uuid4, unique=True)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["submitted_at", "pk"]
        indexes = [models.Index(fields=["call", "status"])]
        permissions = [("decide_proposal", _("Can decide on proposals and see every call"))]

    def __str__(self):
        return f"{self.reference} — {self.title}"

    @property
    def next_statuses(self) -> list[str]:
        return self.TRANSITIONS.get(self.status, [])

    @property
    def is_withdrawn(self) -> bool:
        return self.status == self.Status.WITHDRAWN


class ProposalAttachment(models.Model):
    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("proposal")
    )
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=attachment_path, max_length=200
    )
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


class ProposalDecision(models.Model):
    """Each change of status, with the reason sent to the applicant."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="decisions")
    status = models.CharField(_("status"), max_length=14, choices=Proposal.Status.choices)
    reason = models.TextField(_("reason"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["decided_at", "pk"]

    def __str__(self):
        return f"{self.proposal_id}: {self.status}"


def evaluator_choices():
    return {"groups__name": "Evaluators"}


class EvaluatorAssignment(models.Model):
    """Which evaluator scores which call (every language version of it)."""

    call = models.ForeignKey(
        "participation.ChallengeCallPage",
        verbose_name=_("call"),
        on_delete=models.CASCADE,
        related_name="evaluator_assignments",
    )
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("evaluator"),
        on_delete=models.CASCADE,
        related_name="evaluator_assignments",
        limit_choices_to=evaluator_choices,
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluator assignment")
        verbose_name_plural = _("evaluator assignments")
        constraints = [
            models.UniqueConstraint(fields=["call", "evaluator"], name="one_assignment_per_call")
        ]

    def __str__(self):
        return f"{self.evaluator} → {self.call}"

    @classmethod
    def call_keys_for(cls, user):
        """The translation keys of the calls ``user`` evaluates (any language version)."""
        return cls.objects.filter(evaluator=user).values("call__translation_key")


class Evaluation(models.Model):
    """One evaluator's scores of one proposal. Deleting the evaluator's account keeps the
    evaluation, attributed to a former evaluator: a ranking must not change because someone
    left, and an account deletion must not fail because they once scored."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="evaluations")
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("evaluator"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="evaluations",
    )
    no_conflict_of_interest = models.BooleanField(_("no conflict of interest declared"))
    comment = models.TextField(_("overall comment"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "evaluator"], name="one_evaluation_per_evaluator"
            ),
            models.CheckConstraint(
                condition=models.Q(no_conflict_of_interest=True), name="evaluation_without_conflict"
            ),
        ]

    def __str__(self):
        return f"{self.evaluator_name} → {self.proposal_id}"

    @property
    def evaluator_name(self) -> str:
        if self.evaluator is None:
            return str(_("Former evaluator (account deleted)"))
        return self.evaluator.get_full_name() or self.evaluator.get_username()


class CriterionScore(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="scores")
    criterion_key = models.UUIDField(_("criterion"))
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(0), MaxValueValidator(MAX_SCORE)]
    )
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "criterion_key"], name="one_score_per_criterion"
            ),
            models.CheckConstraint(
                condition=models.Q(score__lte=MAX_SCORE), name="score_at_most_five"
            ),
        ]

    def __str__(self):
        return f"{self.criterion_key}: {self.score}"


def new_support_token() -> str:
    # URL-safe characters only: Wagtail page routes accept letters, digits, "-" and "_".
    return secrets.token_urlsafe(32)


class Support(models.Model):
    """A citizen's support for a shortlisted proposal. Only a keyed hash of the address is kept,
    enough to count one support per address without being able to show or reuse it."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    email_digest = models.CharField(max_length=64)
    token = models.CharField(max_length=64, unique=True, default=new_support_token)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("citizen support")
        verbose_name_plural = _("citizen supports")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "email_digest"], name="one_support_per_address"
            )
        ]

    def __str__(self):
        return f"{self.proposal_id}: {'confirmed' if self.confirmed_at else 'unconfirmed'}"
