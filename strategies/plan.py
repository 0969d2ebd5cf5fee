"""What a plan page shows, read from the portal: each priority's evidence (its needs, where they
came from, the survey result it cites, how many people stand behind it), each action with the
calls and pilots that carry it out and their progress, the local action group, the
consultation's results, and the monitoring figures.

Everything a plan links is stored once, against whichever language version an editor chose,
and shown in the reader's language (a page or need not translated yet in its own language,
labelled). The queries are fixed — one per kind of thing, whatever the number of priorities
and actions: the plan's stored data is read as it is kept (``raw_data``), never block by block.
"""

import datetime
import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils import timezone
from wagtail.models import Page

from core.querysets import without_view_restriction
from core.routing import frame_of
from participation.challenges.models import Support
from participation.needs.models import Need
from participation.needs.pages import NeedsIndexPage
from participation.surveys import tallies
from participation.surveys.models import SurveyFormField, Theme
from participation.surveys.results import QuestionResult, summarise_questions
from pilots.models import Indicator, LocalHub, Milestone, PilotPage

from .blocks import ActionStatus
from .records import AdoptedVersion


@dataclass
class Linked:
    """A page the plan links, as the reader is shown it."""

    title: str
    url: str
    language: str = ""  # set when not in the reader's language
    kind: str = ""
    start: datetime.datetime | None = None  # an event
    supports: int = 0  # a call: confirmed citizen supports of its proposals
    status: str = ""  # a pilot
    status_label: str = ""
    milestones_done: int = 0
    milestones_total: int = 0
    indicators: list = field(default_factory=list)
    results_public: bool = False  # a survey
    survey_key: str = ""
    page_id: int = 0  # the version shown


@dataclass
class NeedEvidence:
    title: str
    url: str
    origin: str
    survey_title: str = ""
    hub_name: str = ""
    workshop_date: datetime.date | None = None
    participants: int | None = None
    language: str = ""
    answers: frozenset = frozenset()


@dataclass
class Action:
    id: str
    title: str
    status: str
    status_label: str
    lead: Linked | None = None
    lead_name: str = ""
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    budget: Decimal | None = None
    dropped_reason: str = ""
    calls: list[Linked] = field(default_factory=list)
    pilots: list[Linked] = field(default_factory=list)
    gone: int = 0  # linked calls or pilots no longer published


@dataclass
class Priority:
    id: str
    number: int
    title: str
    why: str
    theme: str = ""
    theme_key: str = ""
    needs: list[NeedEvidence] = field(default_factory=list)
    needs_gone: int = 0  # chosen needs no longer in the public register
    chart: QuestionResult | None = None
    chart_survey: Linked | None = None
    chart_waiting: bool = False  # cited, results not published yet
    actions: list[Action] = field(default_factory=list)
    answers: int = 0
    participants: int = 0
    supports: int = 0


@dataclass
class Monitoring:
    by_status: list[tuple[str, str, int]]
    total: int
    done: int
    share_done: int  # per cent of the actions not dropped
    budget_committed: Decimal
    pilots: list[Linked]


def items(raw) -> list:
    """A ListBlock's stored items, whichever of Wagtail's two formats they were saved in."""
    return [
        item["value"] if isinstance(item, dict) and "value" in item else item for item in raw or []
    ]


def item_ids(raw) -> list:
    return [
        item.get("id", "") if isinstance(item, dict) and "value" in item else ""
        for item in raw or []
    ]


def as_date(value) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def as_uuid(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def as_decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def priority_values(page) -> list[dict]:
    return [
        {"id": block.get("id", ""), **block["value"]}
        for block in page.priorities.raw_data
        if block.get("type") == "priority"
    ]


def chosen_ids(page) -> dict[str, set]:
    """Every page, need and theme the plan links (by the id stored), by kind."""
    pages, needs, themes, surveys = set(), set(), set(), set()
    for priority in priority_values(page):
        needs |= {pk for pk in items(priority.get("needs")) if pk}
        if priority.get("theme"):
            themes.add(priority["theme"])
        if priority.get("cited_result"):
            surveys.add(priority["cited_result"].split(":", 1)[0])
        for action in items(priority.get("actions")):
            pages |= {pk for pk in items(action.get("calls")) if pk}
            pages |= {pk for pk in items(action.get("pilots")) if pk}
            if action.get("lead_partner"):
                pages.add(action["lead_partner"])
    for member in page.action_group.raw_data:
        if member["value"].get("partner"):
            pages.add(member["value"]["partner"])
    pages |= {block["value"] for block in page.meetings.raw_data if block.get("value")}
    if page.consultation_survey_id:
        pages.add(page.consultation_survey_id)
    if page.territory_id:
        pages.add(page.territory_id)
    return {"pages": pages, "needs": needs, "themes": themes, "surveys": surveys}


def _shown(rows, locale_id) -> dict:
    """Of the versions read (all versions of each translation key), the one a reader of
    ``locale_id`` is shown: theirs, else the default language's, else any."""
    default = settings.LANGUAGE_CODE
    best: dict = {}
    for row in rows:
        rank = 0 if row.locale_id == locale_id else 1 if row.language == default else 2
        if row.translation_key not in best or rank < best[row.translation_key][0]:
            best[row.translation_key] = (rank, row)
    return {key: row for key, (_rank, row) in best.items()}


def linked_pages(ids, locale, request, keys=()) -> dict:
    """The pages the plan links, in the reader's language, keyed by the id stored in the plan
    (or, for ``keys``, the surveys its priorities cite, by translation key as text): one query
    reading every version of each, with what the plan shows of each kind."""
    keys = [key for key in map(as_uuid, keys) if key is not None]
    if not ids and not keys:
        return {}
    chosen = Page.objects.filter(pk__in=ids).values("translation_key")
    supports = (
        Support.objects.filter(
            proposal__call__translation_key=OuterRef("translation_key"),
            confirmed_at__isnull=False,
        )
        .order_by()
        .values("proposal__call__translation_key")
        .annotate(n=Count("pk"))
        .values("n")
    )
    milestones = Milestone.objects.filter(page_id=OuterRef("pk")).order_by().values("page_id")
    rows = list(
        Page.objects.filter(Q(translation_key__in=chosen) | Q(translation_key__in=keys))
        .filter(alias_of__isnull=True)
        .filter(without_view_restriction())
        .annotate(
            language=F("locale__language_code"),
            kind=F("content_type__model"),
            start=F("eventpage__start"),
            pilot_status=F("pilotpage__status"),
            opens_at=F("surveypage__opens_at"),
            closes_at=F("surveypage__closes_at"),
            results_published=F("surveypage__results_published"),
            supports=Subquery(supports),
            milestones_total=Subquery(milestones.annotate(n=Count("pk")).values("n")),
            milestones_done=Subquery(
                milestones.filter(achieved_on__isnull=False).annotate(n=Count("pk")).values("n")
            ),
        )
        .only("id", "title", "url_path", "translation_key", "locale_id", "live", "depth", "path")
    )
    key_of = {row.pk: row.translation_key for row in rows}
    shown = _shown([row for row in rows if row.live], locale.pk)
    now = timezone.now()
    found = {}
    wanted = [(pk, key_of.get(pk)) for pk in ids] + [(str(key), key) for key in keys]
    for name, key in wanted:
        row = shown.get(key)
        if row is None:
            continue
        results_public = bool(
            row.results_published and row.closes_at is not None and row.closes_at <= now
        )
        found[name] = Linked(
            title=row.title,
            url=row.get_url(request),
            language=row.language if row.locale_id != locale.pk else "",
            kind=row.kind,
            start=row.start,
            supports=row.supports or 0,
            status=row.pilot_status or "",
            status_label=str(PilotPage.Status(row.pilot_status).label) if row.pilot_status else "",
            milestones_done=row.milestones_done or 0,
            milestones_total=row.milestones_total or 0,
            results_public=results_public,
            survey_key=str(row.translation_key) if row.kind == "surveypage" else "",
            page_id=row.pk,
        )
    return found


def add_indicators(pilots: list[Linked]) -> None:
    """Each shown pilot's indicators with their latest value: one query (values are recorded
    against the source-language indicator, named here in the pilot's shown language)."""
    by_page = {pilot.page_id: pilot for pilot in pilots}
    if not by_page:
        return
    measured = Indicator.objects.filter(translation_key=OuterRef("translation_key"))
    values = (
        measured.values("translation_key")
        .annotate(x=F("measurements__value"), on=F("measurements__measured_on"))
        .filter(on__isnull=False)
        .order_by("-on")
    )
    for indicator in (
        Indicator.objects.filter(page_id__in=list(by_page))
        .annotate(
            latest_value=Subquery(values.values("x")[:1]),
            latest_on=Subquery(values.values("on")[:1]),
        )
        .order_by("page_id", "sort_order")
    ):
        by_page[indicator.page_id].indicators.append(indicator)


def needs_evidence(ids, locale, request) -> dict[int, NeedEvidence]:
    """The chosen needs as the public register shows them (published, not merely reported), in
    the reader's language, keyed by the id stored in the plan; and the answers behind each."""
    if not ids:
        return {}
    keys = Need.objects.filter(pk__in=ids).values("translation_key")
    hub = LocalHub.objects.filter(translation_key=OuterRef("hub_key"), locale=locale)
    rows = list(
        Need.objects.filter(translation_key__in=keys)
        .annotate(
            language=F("locale__language_code"),
            survey_title=F("source_survey__title"),
            hub_label=Subquery(hub.values("name")[:1]),
            public=Q(live=True) & ~Q(status=Need.Status.REPORTED),
        )
        .only(
            "id",
            "title",
            "translation_key",
            "locale_id",
            "origin",
            "workshop_date",
            "participants",
            "live",
            "status",
        )
    )
    key_of = {row.pk: row.translation_key for row in rows}
    answers: dict = {}
    through = Need.source_answers.through.objects.filter(need__translation_key__in=keys)
    for key, answer_id in through.values_list("need__translation_key", "surveysubmission_id"):
        answers.setdefault(key, set()).add(answer_id)
    shown = _shown([row for row in rows if row.public], locale.pk)
    register = register_url(request, locale)
    found = {}
    for pk in ids:
        row = shown.get(key_of.get(pk))
        if row is None:
            continue
        # A need is at its register's address followed by its key, in the reader's language
        # only (a need not translated yet has no page there).
        in_register = register and row.locale_id == locale.pk
        found[pk] = NeedEvidence(
            title=row.title,
            url=f"{register}{row.translation_key}/" if in_register else "",
            origin=row.origin,
            survey_title=row.survey_title or "",
            hub_name=row.hub_label or "",
            workshop_date=row.workshop_date,
            participants=row.participants,
            language=row.language if row.locale_id != locale.pk else "",
            answers=frozenset(answers.get(row.translation_key, ())),
        )
    return found


def register_url(request, locale) -> str:
    """The needs register's address in the reader's language: from the page frame the route
    read with the plan (its menu), else asked (a preview)."""
    frame = frame_of(request)
    register = None
    if frame is not None and frame.home.locale_id == locale.pk:
        register = frame.sections((NeedsIndexPage,)).get(NeedsIndexPage)
    register = register or NeedsIndexPage.objects.live().filter(locale=locale).first()
    return register.get_url(request) if register is not None else ""


def theme_names(keys_or_ids, locale) -> dict[int, tuple[str, str]]:
    """Theme id stored → (name in the reader's language, translation key): one query."""
    if not keys_or_ids:
        return {}
    keys = Theme.objects.filter(pk__in=keys_or_ids).values("translation_key")
    rows = list(
        Theme.objects.filter(translation_key__in=keys).annotate(language=F("locale__language_code"))
    )
    key_of = {row.pk: row.translation_key for row in rows}
    shown = _shown([row for row in rows if row.live], locale.pk)
    return {
        pk: (shown[key_of[pk]].name, str(key_of[pk]))
        for pk in keys_or_ids
        if key_of.get(pk) in shown
    }


def survey_results(surveys: dict[str, Linked], cited: dict[str, set], locale) -> dict:
    """(survey key, question key) → QuestionResult, for the published results of the surveys
    the plan shows (``cited``: the questions wanted of each; an empty set: all of them). Two
    queries: the questions, and the counts."""
    public = {key: linked for key, linked in surveys.items() if linked.results_public}
    if not public:
        return {}
    rows = list(
        SurveyFormField.objects.filter(page__translation_key__in=list(public))
        .annotate(survey_key=F("page__translation_key"), language_id=F("page__locale_id"))
        .order_by("sort_order", "pk")
    )
    versions: dict = {}
    for row in rows:
        versions.setdefault(str(row.survey_key), {}).setdefault(row.language_id, []).append(row)
    counts = tallies.read_many(public)
    results = {}
    for key, by_language in versions.items():
        questions = by_language.get(locale.pk) or next(iter(by_language.values()))
        wanted = cited.get(key) or set()
        if wanted:
            questions = [question for question in questions if question.clean_name in wanted]
        for result in summarise_questions(questions, locale, counts[key], public=True):
            results[(key, result.key)] = result
    return results


def plan_context(page, request) -> dict:
    """What one plan page shows (``read_plans`` for one plan)."""
    return read_plans([page], page.locale, request)[page.pk]


def read_plans(plans, locale, request) -> dict[int, dict]:
    """What each of ``plans`` shows, in ``locale``: the queries are the same for one plan or
    all of them (the open data reads every plan at once)."""
    ids = {"pages": set(), "needs": set(), "themes": set(), "surveys": set()}
    for plan in plans:
        for kind, found in chosen_ids(plan).items():
            ids[kind] |= found
    pages = linked_pages(sorted(ids["pages"]), locale, request, keys=sorted(ids["surveys"]))
    needs = needs_evidence(sorted(ids["needs"]), locale, request)
    themes = theme_names(sorted(ids["themes"]), locale)
    add_indicators([linked for linked in pages.values() if linked.kind == "pilotpage"])

    surveys = {linked.survey_key: linked for linked in pages.values() if linked.survey_key}
    wanted: dict[str, set | None] = {}  # survey key → questions wanted, None: all of them
    for plan in plans:
        for raw in priority_values(plan):
            if raw.get("cited_result"):
                survey_key, question = raw["cited_result"].split(":", 1)
                if wanted.get(survey_key, set()) is not None:
                    wanted.setdefault(survey_key, set()).add(question)
        consultation = pages.get(plan.consultation_survey_id)
        if consultation is not None and consultation.survey_key:
            wanted[consultation.survey_key] = None
    results = survey_results(
        {key: surveys[key] for key in wanted if key in surveys},
        {key: questions or set() for key, questions in wanted.items()},
        locale,
    )
    adopted = [plan.translation_key for plan in plans if plan.is_adopted]
    versions: dict = {}
    if adopted:
        for version in AdoptedVersion.objects.filter(strategy_key__in=adopted).select_related(
            "decision_document"
        ):
            versions.setdefault(version.strategy_key, []).append(version)
    return {
        plan.pk: assemble(plan, pages, needs, themes, surveys, results, versions) for plan in plans
    }


def assemble(plan, pages, needs, themes, surveys, results, versions) -> dict:
    """One plan's context from what ``read_plans`` read for all of them."""
    priorities = []
    for number, raw in enumerate(priority_values(plan), start=1):
        priority = Priority(
            id=raw["id"], number=number, title=raw.get("title", ""), why=raw.get("why", "")
        )
        if raw.get("theme") in themes:
            priority.theme, priority.theme_key = themes[raw["theme"]]
        for pk in items(raw.get("needs")):
            if pk in needs:
                priority.needs.append(needs[pk])
            else:
                priority.needs_gone += 1
        if raw.get("cited_result"):
            survey_key, question = raw["cited_result"].split(":", 1)
            priority.chart_survey = surveys.get(survey_key)
            priority.chart = results.get((survey_key, question))
            priority.chart_waiting = priority.chart_survey is not None and priority.chart is None
        for action_id, action in zip(
            item_ids(raw.get("actions")), items(raw.get("actions")), strict=True
        ):
            priority.actions.append(read_action(action_id, action, pages))
        supports_calls = {call.url: call.supports for a in priority.actions for call in a.calls}
        priority.supports = sum(supports_calls.values())
        priority.answers = len(frozenset().union(*(need.answers for need in priority.needs)))
        priority.participants = sum(
            need.participants or 0 for need in priority.needs if need.origin == "workshop"
        )
        priorities.append(priority)

    consultation = pages.get(plan.consultation_survey_id)
    consultation_results = (
        [result for (key, _q), result in results.items() if key == consultation.survey_key]
        if consultation is not None
        else []
    )
    members = [
        {
            "partner": pages.get(block["value"].get("partner")),
            "organisation": block["value"].get("organisation", ""),
            "role": block["value"].get("role", ""),
        }
        for block in plan.action_group.raw_data
    ]
    meetings = sorted(
        (pages[block["value"]] for block in plan.meetings.raw_data if block["value"] in pages),
        key=lambda event: event.start or timezone.now(),
    )
    return {
        "territory": pages.get(plan.territory_id),
        "priorities": priorities,
        "monitoring": monitoring(priorities),
        "members": members,
        "meetings": meetings,
        "consultation": consultation,
        "consultation_results": consultation_results,
        "versions": versions.get(plan.translation_key, []) if plan.is_adopted else [],
    }


def read_action(action_id: str, raw: dict, pages: dict[int, Linked]) -> Action:
    status = raw.get("status") or ActionStatus.PLANNED
    action = Action(
        id=action_id,
        title=raw.get("title", ""),
        status=status,
        status_label=str(ActionStatus.LABELS.get(status, status)),
        lead=pages.get(raw.get("lead_partner")),
        lead_name=raw.get("lead_name") or "",
        starts_on=as_date(raw.get("starts_on")),
        ends_on=as_date(raw.get("ends_on")),
        budget=as_decimal(raw.get("budget")),
        dropped_reason=raw.get("dropped_reason") or "",
    )
    for kind in ("calls", "pilots"):
        for pk in items(raw.get(kind)):
            if pk in pages:
                getattr(action, kind).append(pages[pk])
            elif pk:
                action.gone += 1
    return action


def monitoring(priorities: list[Priority]) -> Monitoring:
    """Actions by status, the share done (of those not dropped), the budget committed (of
    those not dropped) and every linked pilot's progress."""
    actions = [action for priority in priorities for action in priority.actions]
    counts = {status: 0 for status, _label in ActionStatus.CHOICES}
    for action in actions:
        counts[action.status] = counts.get(action.status, 0) + 1
    live = [action for action in actions if action.status != ActionStatus.DROPPED]
    done = counts[ActionStatus.DONE]
    pilots, seen = [], set()
    for action in actions:
        for pilot in action.pilots:
            if pilot.url not in seen:
                seen.add(pilot.url)
                pilots.append(pilot)
    return Monitoring(
        by_status=[(status, str(label), counts[status]) for status, label in ActionStatus.CHOICES],
        total=len(actions),
        done=done,
        share_done=round(100 * done / len(live)) if live else 0,
        budget_committed=sum((action.budget or Decimal(0) for action in live), Decimal(0)),
        pilots=pilots,
    )
