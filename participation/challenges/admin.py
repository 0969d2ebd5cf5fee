"""Evaluation of challenge proposals in the Wagtail admin.

Managers (``participation.decide_proposal``) see every call and decide statuses; evaluators
(``participation.add_evaluation``) see only the calls they are assigned to and score them.
Attachments are sent only through ``attachment_download``, after the same checks.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from participation.common import admin_locale
from pilots.models import PilotTerritoryPage

from .dashboard import ProposalsToScorePanel
from .models import (
    MAX_SCORE,
    Evaluation,
    EvaluatorAssignment,
    Proposal,
    ProposalAttachment,
)
from .pages import ChallengeCallPage
from .services import (
    decide,
    is_assigned,
    record_evaluation,
    score_proposals,
)

VIEW_PERMISSION = "participation.view_proposal"
SCORE_PERMISSION = "participation.add_evaluation"
DECIDE_PERMISSION = "participation.decide_proposal"


def require_view(request) -> None:
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied


def refuse(request, message: str):
    return TemplateResponse(
        request,
        "participation/common/refusal.html",
        {"header_title": _("Not allowed"), "message": message},
        status=403,
    )


class ScoreForm(forms.Form):
    """One evaluator's scores: a 0–5 score and a comment per criterion."""

    no_conflict = forms.BooleanField(
        label=gettext_lazy(
            "I declare that I have no conflict of interest with this applicant "
            "(no family, financial or professional tie)."
        ),
        error_messages={
            "required": gettext_lazy("You must declare that you have no conflict of interest.")
        },
    )
    comment = forms.CharField(
        label=gettext_lazy("Overall comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, criteria=(), evaluation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        previous = {}
        if evaluation is not None:
            previous = {s.criterion_key: s for s in evaluation.scores.all()}
            self.fields["comment"].initial = evaluation.comment
        choices = [("", _("Choose…"))] + [(str(n), str(n)) for n in range(MAX_SCORE + 1)]
        for criterion in self.criteria:
            key = str(criterion.translation_key)
            earlier = previous.get(criterion.translation_key)
            self.fields[f"score_{key}"] = forms.TypedChoiceField(
                label=_("%(criterion)s (weight %(weight)s) — score from 0 to 5")
                % {"criterion": criterion.name, "weight": criterion.weight},
                choices=choices,
                coerce=int,
                initial=earlier.score if earlier else "",
                error_messages={"required": _("Score this criterion.")},
            )
            self.fields[f"comment_{key}"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": criterion.name},
                required=False,
                initial=earlier.comment if earlier else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def scores(self) -> dict:
        return {
            criterion.translation_key: (
                self.cleaned_data[f"score_{criterion.translation_key}"],
                self.cleaned_data.get(f"comment_{criterion.translation_key}", ""),
            )
            for criterion in self.criteria
        }


class DecisionForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("New status"))
    reason = forms.CharField(
        label=gettext_lazy("Reason, sent to the applicant"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )
    territory = forms.ModelChoiceField(
        label=gettext_lazy("Pilot territory (when selecting)"),
        queryset=PilotTerritoryPage.objects.none(),
        required=False,
        empty_label=gettext_lazy("Choose…"),
        help_text=gettext_lazy("A draft pilot page is created there, ready to be completed."),
    )

    def __init__(self, *args, proposal=None, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Proposal.Status.choices)
        self.fields["status"].choices = [(s, labels[s]) for s in proposal.next_statuses]
        self.fields["territory"].queryset = PilotTerritoryPage.objects.filter(
            locale=admin_locale(), alias_of__isnull=True
        ).order_by("title")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Proposal.Status.SELECTED and not cleaned.get("territory"):
            self.add_error("territory", _("Choose the territory where the pilot will run."))
        return cleaned


def visible_calls(user):
    calls = ChallengeCallPage.objects.filter(alias_of__isnull=True)
    if user.has_perm(DECIDE_PERMISSION):
        return calls.filter(locale=admin_locale())
    keys = EvaluatorAssignment.call_keys_for(user)
    return calls.filter(translation_key__in=keys).order_by("translation_key", "locale_id")


def call_index(request):
    require_view(request)
    counts = (
        Proposal.objects.filter(call__translation_key=OuterRef("translation_key"))
        .exclude(status=Proposal.Status.WITHDRAWN)
        .order_by()
        .values("call__translation_key")
        .annotate(total=Count("pk"))
        .values("total")
    )
    calls = {}
    for call in visible_calls(request.user).annotate(proposal_count=Subquery(counts)):
        calls.setdefault(call.translation_key, call)  # one row per call, whatever its languages
    return TemplateResponse(
        request,
        "participation/challenges/admin/call_index.html",
        {
            "calls": sorted(calls.values(), key=lambda c: c.opens_at, reverse=True),
            "header_title": _("Challenge proposals"),
        },
    )


def can_see_call(user, call) -> bool:
    return user.has_perm(DECIDE_PERMISSION) or is_assigned(user, call)


def call_proposals(request, call_id):
    require_view(request)
    call = get_object_or_404(ChallengeCallPage, pk=call_id)
    if not can_see_call(request.user, call):
        return refuse(request, _("You are not assigned to evaluate this call."))
    proposals = list(
        call.all_proposals()
        .annotate(support_count=Count("supports", filter=Q(supports__confirmed_at__isnull=False)))
        .order_by("submitted_at")
    )
    mine = set(
        Evaluation.objects.filter(evaluator=request.user, proposal__in=proposals).values_list(
            "proposal_id", flat=True
        )
    )
    return TemplateResponse(
        request,
        "participation/challenges/admin/call_proposals.html",
        {
            "call": call,
            "scores": score_proposals(call, proposals),
            "evaluated_by_me": mine,
            "criteria": list(call.criteria.all()),
            "header_title": call.title,
        },
    )


def proposal_view(request, pk):
    require_view(request)
    proposal = get_object_or_404(Proposal.objects.select_related("call"), pk=pk)
    call = proposal.call
    user = request.user
    if not can_see_call(user, call):
        return refuse(request, _("You are not assigned to evaluate this call: nothing was saved."))
    criteria = list(call.criteria.all())
    can_score = user.has_perm(SCORE_PERMISSION) and is_assigned(user, call)
    can_decide = user.has_perm(DECIDE_PERMISSION)
    own = Evaluation.objects.filter(proposal=proposal, evaluator=user).first()
    score_form = decision_form = None
    action = request.POST.get("action") if request.method == "POST" else None

    if action == "score":
        if not can_score:
            return refuse(
                request, _("You are not assigned to evaluate this call: nothing was saved.")
            )
        score_form = ScoreForm(request.POST, criteria=criteria, evaluation=own)
        if score_form.is_valid():
            try:
                record_evaluation(
                    proposal,
                    user,
                    score_form.scores(),
                    score_form.cleaned_data["comment"],
                    score_form.cleaned_data["no_conflict"],
                )
            except ValidationError as error:
                score_form.add_error(None, error)
            else:
                messages.success(request, _("Your scores are saved."))
                return redirect("proposals:proposal", pk=proposal.pk)
    elif action == "decide":
        if not can_decide:
            raise PermissionDenied
        decision_form = DecisionForm(request.POST, proposal=proposal)
        if decision_form.is_valid():
            data = decision_form.cleaned_data
            try:
                _decision, pilot = decide(
                    proposal, data["status"], data["reason"], user, data["territory"]
                )
            except ValidationError as error:
                decision_form.add_error(None, error)
            else:
                messages.success(request, _("The decision is saved and the applicant is told why."))
                if pilot is not None:
                    messages.info(
                        request, _("A draft pilot page was created: complete it and publish it.")
                    )
                    return redirect("wagtailadmin_pages:edit", pilot.pk)
                return redirect("proposals:proposal", pk=proposal.pk)

    if can_score and proposal.status in Proposal.SCORABLE and score_form is None:
        score_form = ScoreForm(criteria=criteria, evaluation=own)
    if can_decide and proposal.next_statuses and decision_form is None:
        decision_form = DecisionForm(proposal=proposal)
    evaluations = Evaluation.objects.filter(proposal=proposal).select_related("evaluator")
    if not can_decide:
        evaluations = evaluations.filter(evaluator=user)
    evaluations = list(evaluations.prefetch_related("scores"))
    names = {c.translation_key: c.name for c in criteria}
    for evaluation in evaluations:
        evaluation.named_scores = [
            (names.get(s.criterion_key, "?"), s.score, s.comment) for s in evaluation.scores.all()
        ]
    score = score_proposals(call, [proposal])[0]
    status = (
        400
        if (score_form and score_form.errors) or (decision_form and decision_form.errors)
        else 200
    )
    return TemplateResponse(
        request,
        "participation/challenges/admin/proposal.html",
        {
            "proposal": proposal,
            "call": call,
            "attachments": list(proposal.attachments.all()),
            "decisions": list(proposal.decisions.select_related("decided_by")),
            "evaluations": evaluations,
            "score": score,
            "score_form": score_form,
            "decision_form": decision_form,
            "supports": proposal.supports.filter(confirmed_at__isnull=False).count(),
            "header_title": f"{proposal.reference} — {proposal.title}",
        },
        status=status,
    )


def attachment_download(request, pk):
    """Send a private attachment, as a download, to staff allowed to see its proposal."""
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    attachment = get_object_or_404(ProposalAttachment.objects.select_related("proposal"), pk=pk)
    if not Proposal.objects.visible_to(request.user).filter(pk=attachment.proposal_id).exists():
        raise PermissionDenied
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


class PermissionMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


class ProposalEvaluationViewSet(ViewSet):
    name = "proposals"
    icon = "clipboard-list"
    menu_label = gettext_lazy("Challenge proposals")
    menu_order = 270
    add_to_admin_menu = True
    menu_item_class = PermissionMenuItem

    def get_urlpatterns(self):
        return [
            path("", call_index, name="index"),
            path("call/<int:call_id>/", call_proposals, name="call"),
            path("<int:pk>/", proposal_view, name="proposal"),
            path("attachment/<int:pk>/", attachment_download, name="attachment"),
        ]


class EvaluatorAssignmentViewSet(ModelViewSet):
    model = EvaluatorAssignment
    icon = "user"
    menu_label = gettext_lazy("Evaluator assignments")
    menu_order = 271
    add_to_admin_menu = True
    form_fields = ["call", "evaluator"]
    list_display = ["evaluator", "call", "assigned_at"]
    list_filter = ["evaluator"]


@hooks.register("register_admin_viewset")
def register_proposal_evaluation():
    return [
        ProposalEvaluationViewSet(),
        EvaluatorAssignmentViewSet("evaluator_assignments"),
    ]


@hooks.register("construct_homepage_panels")
def add_proposals_to_score_panel(request, panels):
    user = request.user
    if (
        user.has_perm(SCORE_PERMISSION)
        and EvaluatorAssignment.objects.filter(evaluator=user).exists()
    ):
        panels.append(ProposalsToScorePanel(request))
