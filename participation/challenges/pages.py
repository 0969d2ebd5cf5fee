"""Challenge calls: validated needs turned into calls that businesses answer with proposals.

A call's criteria, questions and needs are inline children of the page, so editors translate
them with wagtail-localize like the rest of the page; weights, thresholds and dates are
synchronised, so every language version is judged by the same rules.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core import open_data
from core.blocks import DocumentLinkBlock
from core.i18n import LOCAL_TIME_HELP
from core.models import BasePage, SectionIndexPage
from core.querysets import listing_manager

from . import views
from .models import MAX_SCORE, Proposal

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ChallengeIndexPage(SectionIndexPage):
    template = "participation/challenges/challenge_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["participation.ChallengeCallPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("challenge calls index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = ChallengeCallPage.objects.for_listing(self.locale_id, request)
        calls = list(listing.children_of(self))
        now = timezone.now()
        context["call_groups"] = [
            (label, [call for call in calls if call.status(now) == status])
            for status, label in ChallengeCallPage.Status.choices
        ]
        context["has_calls"] = bool(calls)
        context["open_data_sets"] = open_data.catalogue()
        return context


class CallNeed(Orderable):
    """A need from the register that the call answers. The same links serve every language:
    the register entry is shown in the reader's language."""

    page = ParentalKey(
        "participation.ChallengeCallPage", on_delete=models.CASCADE, related_name="call_needs"
    )
    need = models.ForeignKey(
        "participation.Need", verbose_name=_("need"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("need")]

    class Meta(Orderable.Meta):
        verbose_name = _("need answered")
        verbose_name_plural = _("needs answered")


class EvaluationCriterion(TranslatableMixin, Orderable):
    """A published criterion. Its name and description translate; its weight and threshold do
    not, and scores are stored against its translation key so every language counts alike."""

    page = ParentalKey(
        "participation.ChallengeCallPage", on_delete=models.CASCADE, related_name="criteria"
    )
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Relative weight in the total score, for example 40 for 40 %."),
    )
    minimum_score = models.DecimalField(
        _("minimum score"),
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_SCORE)],
        help_text=_("Optional: proposals whose average on this criterion is lower are excluded."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("weight"),
        FieldPanel("minimum_score"),
    ]
    override_translatable_fields = [
        SynchronizedField("weight", overridable=False),
        SynchronizedField("minimum_score", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("evaluation criterion")
        verbose_name_plural = _("evaluation criteria")

    def __str__(self):
        return self.name


class CallQuestion(TranslatableMixin, Orderable):
    """The public questions-and-answers log kept by editors while a call is open."""

    page = ParentalKey(
        "participation.ChallengeCallPage", on_delete=models.CASCADE, related_name="questions"
    )
    asked_on = models.DateField(_("asked on"))
    question = models.TextField(_("question"))
    answer = models.TextField(_("answer"))

    panels = [FieldPanel("asked_on"), FieldPanel("question"), FieldPanel("answer")]
    override_translatable_fields = [SynchronizedField("asked_on")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")


class ChallengeCallPage(RoutablePageMixin, BasePage):
    """A call for solutions. Its status follows from its dates (entered in Italian time)."""

    template = "participation/challenges/challenge_call_page.html"

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Opening soon")
        OPEN = "open", _("Open for proposals")
        EVALUATION = "evaluation", _("Under evaluation")
        CLOSED = "closed", _("Call closed")

    context = RichTextField(_("context"), features=TEXT_FEATURES)
    objectives = RichTextField(_("objectives"), features=TEXT_FEATURES)
    eligibility = RichTextField(_("who can apply"), features=TEXT_FEATURES)
    support_offered = RichTextField(
        _("budget or support offered"),
        features=TEXT_FEATURES,
        help_text=_("What selected companies receive: funding, a test site, mentoring…"),
    )
    budget = models.DecimalField(
        _("total budget (euros)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    documents = StreamField(
        [("document", DocumentLinkBlock())], blank=True, verbose_name=_("documents")
    )
    opens_at = models.DateTimeField(_("opens at"), help_text=LOCAL_TIME_HELP)
    questions_until = models.DateTimeField(_("questions accepted until"), help_text=LOCAL_TIME_HELP)
    submission_deadline = models.DateTimeField(_("submission deadline"), help_text=LOCAL_TIME_HELP)
    evaluation_ends_at = models.DateTimeField(
        _("evaluation ends at"),
        help_text=format_lazy(
            "{} {}",
            _("From this moment the call is closed and expert scores are published."),
            LOCAL_TIME_HELP,
        ),
    )
    results_on = models.DateField(_("results announced on"))

    content_panels = BasePage.content_panels + [
        InlinePanel("call_needs", heading=_("Needs answered"), label=_("Need")),
        FieldPanel("context"),
        FieldPanel("objectives"),
        FieldPanel("eligibility"),
        MultiFieldPanel(
            [FieldPanel("support_offered"), FieldPanel("budget")],
            heading=_("Budget and support"),
        ),
        FieldPanel("documents"),
        MultiFieldPanel(
            [
                FieldPanel("opens_at"),
                FieldPanel("questions_until"),
                FieldPanel("submission_deadline"),
                FieldPanel("evaluation_ends_at"),
                FieldPanel("results_on"),
            ],
            heading=_("Timeline (Italian time)"),
        ),
        InlinePanel("criteria", heading=_("Evaluation criteria"), label=_("Criterion"), min_num=1),
        InlinePanel("questions", heading=_("Questions and answers"), label=_("Question")),
    ]
    override_translatable_fields = [
        SynchronizedField("budget"),
        SynchronizedField("opens_at"),
        SynchronizedField("questions_until"),
        SynchronizedField("submission_deadline"),
        SynchronizedField("evaluation_ends_at"),
        SynchronizedField("results_on"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("context"),
        index.SearchField("objectives"),
    ]

    parent_page_types = ["participation.ChallengeIndexPage"]
    subpage_types = []

    objects = listing_manager("", ("-submission_deadline", "pk"))

    class Meta:
        verbose_name = _("challenge call page")

    def clean(self):
        super().clean()
        order = [
            ("opens_at", self.opens_at),
            ("questions_until", self.questions_until),
            ("submission_deadline", self.submission_deadline),
            ("evaluation_ends_at", self.evaluation_ends_at),
        ]
        errors = {}
        for (_earlier, start), (later, end) in zip(order, order[1:], strict=False):
            if start and end and end < start:
                errors[later] = _("This date must not be before the previous step of the call.")
        if (
            self.results_on
            and self.evaluation_ends_at
            and self.results_on < timezone.localdate(self.evaluation_ends_at)
        ):
            errors["results_on"] = _("Results cannot be announced before the evaluation ends.")
        if errors:
            raise ValidationError(errors)

    def status(self, now=None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return self.Status.UPCOMING
        if now < self.submission_deadline:
            return self.Status.OPEN
        if now < self.evaluation_ends_at:
            return self.Status.EVALUATION
        return self.Status.CLOSED

    def status_label(self) -> str:
        return self.Status(self.status()).label

    @property
    def is_open(self) -> bool:
        return self.status() == self.Status.OPEN

    @property
    def accepts_questions(self) -> bool:
        return self.opens_at <= timezone.now() < self.questions_until

    @property
    def support_is_open(self) -> bool:
        """Citizens support shortlisted proposals while the experts evaluate them."""
        return self.status() == self.Status.EVALUATION

    @property
    def results_are_public(self) -> bool:
        return self.status() == self.Status.CLOSED

    def timeline(self) -> list[tuple[str, object]]:
        return [
            (_("Opening"), self.opens_at),
            (_("Questions until"), self.questions_until),
            (_("Submission deadline"), self.submission_deadline),
            (_("Evaluation until"), self.evaluation_ends_at),
            (_("Results"), self.results_on),
        ]

    def all_proposals(self):
        """Proposals sent to any language version of this call."""
        return Proposal.objects.filter(call__translation_key=self.translation_key)

    # Routes: the proposal form, the applicant's private page, the public proposals and the
    # citizen support links. Their arguments mean the same thing in every language.
    language_neutral_routes = {"proposal_detail", "submit_proposal"}

    @path("")
    def call_view(self, request):
        return views.serve_call(self, request)

    @path("submit/", name="submit_proposal")
    def submit_view(self, request):
        return views.submit_proposal(self, request)

    @path("my-proposal/<uuid:token>/", name="private_proposal")
    def private_view(self, request, token):
        return views.private_proposal(self, request, token)

    @path("proposals/<slug:reference>/", name="proposal_detail")
    def proposal_view(self, request, reference):
        return views.proposal_detail(self, request, reference)

    @path("proposals/<slug:reference>/support/", name="support_proposal")
    def support_view(self, request, reference):
        return views.support_proposal(self, request, reference)

    @path("support/<slug:signed>/", name="confirm_support")
    def confirm_support_view(self, request, signed):
        return views.confirm_support_view(self, request, signed)
