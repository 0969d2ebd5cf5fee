"""What changed in the plans of the territories someone follows, for their digest: a newly
adopted version, and actions whose status changed, named in the follower's language."""

from django.utils.translation import gettext as _

from .blocks import ActionStatus
from .pages import StrategyPage
from .plan import item_ids, items, priority_values
from .records import StrategyChange


def action_titles(plan) -> dict[str, str]:
    titles = {}
    for priority in priority_values(plan):
        raw = priority.get("actions")
        for action_id, action in zip(item_ids(raw), items(raw), strict=True):
            titles[action_id] = action.get("title", "")
    return titles


def changes_for(territory_keys, language: str, since, now) -> list[tuple[StrategyPage, str]]:
    """(plan in ``language``, one sentence) per change in the period, in the order they
    happened; plans not published in that language are left out."""
    changes = list(
        StrategyChange.objects.filter(
            territory_key__in=territory_keys, happened_at__gt=since, happened_at__lte=now
        )
    )
    if not changes:
        return []
    plans = {
        plan.translation_key: plan
        for plan in StrategyPage.objects.live().filter(
            translation_key__in={change.strategy_key for change in changes},
            locale__language_code=language,
            alias_of__isnull=True,
        )
    }
    found = []
    titles: dict = {}
    for change in changes:
        plan = plans.get(change.strategy_key)
        if plan is None:
            continue
        if change.kind == StrategyChange.Kind.ADOPTED:
            note = _("version %(number)s adopted") % {"number": change.version}
        else:
            if plan.pk not in titles:
                titles[plan.pk] = action_titles(plan)
            note = _("“%(action)s” is now: %(status)s") % {
                "action": titles[plan.pk].get(change.action_id, ""),
                "status": ActionStatus.LABELS.get(change.status, change.status),
            }
        found.append((plan, note))
    return found
