"""The plans in the open-data catalogue: their priorities with evidence counts, and their
actions with status, budget and links — the figures the plan pages show, computed the same
way (``strategies.plan``), without personal data (the local action group is not listed)."""

from django.utils.translation import gettext_lazy as _

from core import open_data
from core.querysets import without_view_restriction

from .pages import StrategyPage
from .plan import priority_values, read_plans

PRIORITY_COLUMNS = [
    "strategy_id",
    "strategy",
    "url",
    "territory_id",
    "territory",
    "stage",
    "adopted_on",
    "version",
    "priority_id",
    "number",
    "priority",
    "theme",
    "needs",
    "survey_answers",
    "workshop_participants",
    "supports",
    "cited_result",
]
ACTION_COLUMNS = [
    "strategy_id",
    "territory_id",
    "priority_id",
    "action_id",
    "action",
    "lead",
    "starts_on",
    "ends_on",
    "budget_eur",
    "status",
    "dropped_reason",
    "calls",
    "pilots",
]


def public_plans(locale):
    """Published plans in this language, not behind a view restriction."""
    return (
        StrategyPage.objects.live()
        .filter(locale=locale, alias_of__isnull=True)
        .filter(without_view_restriction())
        .select_related("territory", "locale")
        .order_by("title", "pk")
    )


def _read(locale, request):
    """Every public plan with what its page shows, read once per request for both datasets."""
    memo = request.__dict__.setdefault("_strategy_open_data", {})
    if locale.pk not in memo:
        plans = list(public_plans(locale))
        contexts = read_plans(plans, locale, request)
        memo[locale.pk] = [(plan, contexts[plan.pk]) for plan in plans]
    return memo[locale.pk]


def _url(request, linked) -> str:
    return request.build_absolute_uri(linked.url) if linked and linked.url else ""


def priority_rows(locale, request) -> list[dict]:
    rows = []
    for plan, context in _read(locale, request):
        versions = context["versions"]
        cited = {raw["id"]: raw.get("cited_result", "") for raw in priority_values(plan)}
        for priority in context["priorities"]:
            rows.append(
                {
                    "strategy_id": str(plan.translation_key),
                    "strategy": plan.title,
                    "url": request.build_absolute_uri(plan.get_url(request)),
                    "territory_id": str(plan.territory.translation_key) if plan.territory else "",
                    "territory": plan.territory.title if plan.territory else "",
                    "stage": plan.stage,
                    "adopted_on": plan.adopted_on.isoformat() if plan.adopted_on else "",
                    "version": versions[-1].number if versions else None,
                    "priority_id": priority.id,
                    "number": priority.number,
                    "priority": priority.title,
                    "theme": priority.theme,
                    "needs": len(priority.needs),
                    "survey_answers": priority.answers,
                    "workshop_participants": priority.participants,
                    "supports": priority.supports,
                    "cited_result": cited.get(priority.id, ""),
                }
            )
    return rows


def action_rows(locale, request) -> list[dict]:
    rows = []
    for plan, context in _read(locale, request):
        for priority in context["priorities"]:
            for action in priority.actions:
                lead = action.lead.title if action.lead else action.lead_name
                rows.append(
                    {
                        "strategy_id": str(plan.translation_key),
                        "territory_id": str(plan.territory.translation_key)
                        if plan.territory
                        else "",
                        "priority_id": priority.id,
                        "action_id": action.id,
                        "action": action.title,
                        "lead": lead,
                        "starts_on": action.starts_on.isoformat() if action.starts_on else "",
                        "ends_on": action.ends_on.isoformat() if action.ends_on else "",
                        "budget_eur": float(action.budget) if action.budget is not None else None,
                        "status": action.status,
                        "dropped_reason": action.dropped_reason,
                        "calls": " ".join(_url(request, call) for call in action.calls),
                        "pilots": " ".join(_url(request, pilot) for pilot in action.pilots),
                    }
                )
    return rows


def register_datasets() -> None:
    open_data.register(
        open_data.Dataset(
            "strategy_priorities",
            _("Local strategies: priorities"),
            PRIORITY_COLUMNS,
            priority_rows,
        )
    )
    open_data.register(
        open_data.Dataset(
            "strategy_actions", _("Local strategies: actions"), ACTION_COLUMNS, action_rows
        )
    )
