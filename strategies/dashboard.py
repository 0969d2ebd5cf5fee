"""The editors' and approvers' panel on the admin home: every territory's plan, its stage, its
latest adopted version and where it stands in the approval workflow."""

from django.db.models import Max, Q
from wagtail.models import WorkflowState

from core.dashboard import HomePanel
from core.i18n import in_reader_language

from .pages import StrategyPage
from .records import AdoptedVersion, StrategyApprovers


class StrategiesPanel(HomePanel):
    name = "local_strategies"
    order = 105
    template_name = "strategies/admin/strategies_panel.html"

    def get_context_data(self, parent_context):
        versions: dict = {}
        for plan in StrategyPage.objects.filter(alias_of__isnull=True).select_related(
            "locale", "territory"
        ):
            versions.setdefault(plan.translation_key, []).append(plan)
        adopted = dict(
            AdoptedVersion.objects.filter(strategy_key__in=list(versions))
            .values_list("strategy_key")
            .annotate(latest=Max("number"))
        )
        waiting = {
            int(state.object_id): state
            for state in WorkflowState.objects.active()
            .filter(
                base_content_type__model="page",
                object_id__in=[str(p.pk) for plans in versions.values() for p in plans],
            )
            .select_related("current_task_state__task")
        }
        rows = []
        for key, plans in versions.items():
            plan = in_reader_language(plans)
            rows.append(
                {
                    "plan": plan,
                    "languages": sorted(p.locale.language_code for p in plans),
                    "version": adopted.get(key),
                    "waiting": [
                        (p.locale.language_code, waiting[p.pk]) for p in plans if p.pk in waiting
                    ],
                }
            )
        rows.sort(key=lambda row: row["plan"].title)
        return {"rows": rows}


def sees_strategies(user) -> bool:
    """Administrators, editors and translators, and the approvers of a territory's plan."""
    if user.is_superuser:
        return True
    return user.groups.filter(
        Q(name__in=["Editors", "Translators"]) | Q(pk__in=StrategyApprovers.objects.values("group"))
    ).exists()
