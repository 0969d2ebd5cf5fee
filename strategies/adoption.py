"""What publishing a plan records, once it has passed its territory's approval: a newly
adopted version (its number, date, decision and text in the language published), and the
actions whose status changed since the plan was last published — both news for the
territory's followers (``StrategyChange``, read by the digests)."""

from django.db import transaction
from django.db.models import Max
from wagtail.signals import page_published

from .pages import StrategyPage
from .plan import item_ids, items, priority_values
from .records import AdoptedText, AdoptedVersion, KnownActionStatus, StrategyChange
from .versions import snapshot


def statuses_of(page) -> dict[str, str]:
    """Action id → status, for every action of the plan as published."""
    found = {}
    for priority in priority_values(page):
        raw = priority.get("actions")
        for action_id, action in zip(item_ids(raw), items(raw), strict=True):
            if action_id:
                found[action_id] = action.get("status") or "planned"
    return found


def is_original(page) -> bool:
    """The plan's first language version: the one its translations are made from, whose
    statuses count (a translation not yet brought up to date may still show older ones)."""
    first = (
        StrategyPage.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    return first == page.pk


def record_statuses(page) -> list[StrategyChange]:
    if not is_original(page) or page.territory_id is None:
        return []
    territory_key = page.territory.translation_key
    known = dict(
        KnownActionStatus.objects.filter(strategy_key=page.translation_key).values_list(
            "action_id", "status"
        )
    )
    changes = []
    for action_id, status in statuses_of(page).items():
        before = known.get(action_id)
        if before == status:
            continue
        KnownActionStatus.objects.update_or_create(
            strategy_key=page.translation_key, action_id=action_id, defaults={"status": status}
        )
        if before is not None:  # a new action is not a change of status
            changes.append(
                StrategyChange.objects.create(
                    strategy_key=page.translation_key,
                    territory_key=territory_key,
                    kind=StrategyChange.Kind.STATUS,
                    action_id=action_id,
                    status=status,
                )
            )
    return changes


def record_adoption(page) -> AdoptedVersion | None:
    """An adopted plan published with an adoption date not seen before is a new version; the
    same date again updates that version's text in this language (a typo corrected). A plan
    under revision records nothing: its adopted text stays as it was."""
    if page.stage != StrategyPage.Stage.ADOPTED or page.adopted_on is None:
        return None
    version = AdoptedVersion.objects.filter(
        strategy_key=page.translation_key, adopted_on=page.adopted_on
    ).first()
    if version is None:
        latest = AdoptedVersion.objects.filter(strategy_key=page.translation_key).aggregate(
            Max("number")
        )["number__max"]
        version = AdoptedVersion.objects.create(
            strategy_key=page.translation_key,
            number=(latest or 0) + 1,
            adopted_on=page.adopted_on,
            decision_reference=page.decision_reference,
            decision_document=page.decision_document,
        )
        if page.territory_id is not None:
            StrategyChange.objects.create(
                strategy_key=page.translation_key,
                territory_key=page.territory.translation_key,
                kind=StrategyChange.Kind.ADOPTED,
                version=version.number,
            )
    else:
        version.decision_reference = page.decision_reference
        version.decision_document = page.decision_document
        version.save(update_fields=["decision_reference", "decision_document"])
    AdoptedText.objects.update_or_create(
        version=version, locale=page.locale, defaults={"content": snapshot(page)}
    )
    return version


def on_plan_published(sender, instance, **kwargs) -> None:
    with transaction.atomic():
        # Every language version locked, in one order: two published at once record one
        # version, numbered once.
        list(
            StrategyPage.objects.select_for_update()
            .filter(translation_key=instance.translation_key)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        record_adoption(instance)
        record_statuses(instance)


def connect() -> None:
    page_published.connect(on_plan_published, sender=StrategyPage, dispatch_uid="plan-adoption")
