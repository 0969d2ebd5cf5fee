"""The evaluators' panel on the admin home: proposals of their calls still waiting for their
scores."""

from core.dashboard import HomePanel

from .models import EvaluatorAssignment, Proposal


class ProposalsToScorePanel(HomePanel):
    name = "proposals_to_score"
    order = 105
    template_name = "participation/dashboard/proposals_to_score.html"

    def get_context_data(self, parent_context):
        user = self.request.user
        proposals = (
            Proposal.objects.filter(
                call__translation_key__in=EvaluatorAssignment.call_keys_for(user),
                status__in=Proposal.SCORABLE,
            )
            .exclude(evaluations__evaluator=user)
            .select_related("call")
            .only("pk", "reference", "title", "language", "call__title")
            .order_by("call__evaluation_ends_at", "reference")
        )
        return {"proposals": list(proposals)}
