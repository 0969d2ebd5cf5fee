"""Adopted versions, read back: each one's text as it was adopted, and what changed since the
one before (priorities and actions added or removed, statuses and budgets changed, in the
order of the plan), beside the editors' own note."""

from dataclasses import dataclass, field

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _

from .blocks import ActionStatus
from .plan import as_date, as_decimal, item_ids, items
from .records import AdoptedVersion


def snapshot(page) -> dict:
    """What an adopted version keeps of the plan, in the page's language."""
    return {
        "title": page.title,
        "summary": page.summary,
        "vision": str(page.vision or ""),
        "changes_note": page.changes_note,
        "priorities": [
            {"id": block.get("id", ""), **block["value"]}
            for block in page.priorities.raw_data
            if block.get("type") == "priority"
        ],
    }


@dataclass
class AdoptedAction:
    title: str
    status: str
    status_label: str
    starts_on: object = None
    ends_on: object = None
    budget: object = None
    dropped_reason: str = ""


@dataclass
class AdoptedPriority:
    title: str
    why: str
    actions: list[AdoptedAction] = field(default_factory=list)


def _actions(priority: dict) -> dict[str, dict]:
    raw = priority.get("actions")
    return dict(zip(item_ids(raw), items(raw), strict=True))


def read_priorities(content: dict) -> list[AdoptedPriority]:
    priorities = []
    for raw in content.get("priorities", []):
        priority = AdoptedPriority(raw.get("title", ""), raw.get("why", ""))
        for action in _actions(raw).values():
            status = action.get("status") or ActionStatus.PLANNED
            priority.actions.append(
                AdoptedAction(
                    title=action.get("title", ""),
                    status=status,
                    status_label=str(ActionStatus.LABELS.get(status, status)),
                    starts_on=as_date(action.get("starts_on")),
                    ends_on=as_date(action.get("ends_on")),
                    budget=as_decimal(action.get("budget")),
                    dropped_reason=action.get("dropped_reason") or "",
                )
            )
        priorities.append(priority)
    return priorities


def changes_between(before: dict, after: dict) -> list[str]:
    """What changed from one adopted text to the next, one sentence each."""
    changes = []
    old = {raw["id"]: raw for raw in before.get("priorities", [])}
    new = {raw["id"]: raw for raw in after.get("priorities", [])}
    for key, raw in new.items():
        if key not in old:
            changes.append(_("New priority: %(title)s") % {"title": raw.get("title", "")})
    for key, raw in old.items():
        if key not in new:
            changes.append(_("Priority removed: %(title)s") % {"title": raw.get("title", "")})
    old_actions = {k: v for raw in old.values() for k, v in _actions(raw).items()}
    new_actions = {k: v for raw in new.values() for k, v in _actions(raw).items()}
    for key, action in new_actions.items():
        title = action.get("title", "")
        previous = old_actions.get(key)
        if previous is None:
            changes.append(_("New action: %(title)s") % {"title": title})
            continue
        if previous.get("status") != action.get("status"):
            changes.append(
                _("%(title)s: from “%(before)s” to “%(after)s”")
                % {
                    "title": title,
                    "before": ActionStatus.LABELS.get(previous.get("status"), ""),
                    "after": ActionStatus.LABELS.get(action.get("status"), ""),
                }
            )
        if as_decimal(previous.get("budget")) != as_decimal(action.get("budget")):
            changes.append(_("%(title)s: budget changed") % {"title": title})
    for key, action in old_actions.items():
        if key not in new_actions:
            changes.append(_("Action removed: %(title)s") % {"title": action.get("title", "")})
    return changes


def text_in(version: AdoptedVersion, locale_id: int):
    """The version's text in the reader's language, else the default language's, else any."""
    texts = list(version.texts.select_related("locale"))
    for wanted in (
        lambda text: text.locale_id == locale_id,
        lambda text: text.locale.language_code == settings.LANGUAGE_CODE,
        lambda text: True,
    ):
        for text in texts:
            if wanted(text):
                return text
    return None


def version_context(page, number: int) -> dict:
    versions = {
        version.number: version
        for version in AdoptedVersion.objects.filter(
            strategy_key=page.translation_key, number__in=[number, number - 1]
        ).select_related("decision_document")
    }
    version = versions.get(number)
    if version is None:
        raise Http404
    text = text_in(version, page.locale_id)
    if text is None:
        raise Http404
    previous = versions.get(number - 1)
    before = text_in(previous, text.locale_id) if previous else None
    return {
        "version": version,
        "version_text": text.content,
        "version_language": text.locale.language_code if text.locale_id != page.locale_id else "",
        "version_priorities": read_priorities(text.content),
        "previous_version": previous,
        "changes": changes_between(before.content, text.content) if before else [],
    }
