"""Open data: the traceability chain as CSV and JSON, without personal data.

Needs, calls, selected proposals and pilot indicator values, each row carrying the keys that
link it to the previous step (need → call → proposal → pilot). Contact details, registration
numbers, descriptions, evaluators and supporters never appear: only the organisation's name
and the proposal's public fields.
"""

import uuid
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from core import open_data
from core.querysets import without_view_restriction
from pilots.models import Indicator, IndicatorMeasurement, PilotPage

from .chain import pick_versions
from .challenges.models import Proposal
from .challenges.pages import CallNeed, ChallengeCallPage
from .challenges.services import score_proposals
from .needs.models import Need
from .surveys import tallies
from .surveys.pages import SurveyPage
from .surveys.results import summarise

COLUMNS = {
    "needs": [
        "need_id",
        "title",
        "description",
        "territory_id",
        "territory",
        "theme",
        "status",
        "created_on",
    ],
    "calls": [
        "call_id",
        "title",
        "url",
        "status",
        "opens_at",
        "submission_deadline",
        "evaluation_ends_at",
        "budget_eur",
        "need_ids",
    ],
    "proposals": [
        "reference",
        "call_id",
        "title",
        "summary",
        "language",
        "organisation",
        "country",
        "maturity",
        "expert_score",
        "confirmed_supports",
        "status",
    ],
    "indicators": [
        "pilot_id",
        "pilot",
        "proposal_reference",
        "indicator_id",
        "indicator",
        "unit",
        "baseline",
        "target",
        "measured_on",
        "value",
    ],
    "survey_results": [
        "survey_id",
        "survey",
        "question_id",
        "question",
        "question_type",
        "statement",
        "answer",
        "count",
        "percent",
        "answered",
        "average_rank",
        "average",
    ],
}
# Live pages with no view restriction on themselves or an ancestor: what open data may show.
PUBLIC_PAGES = Page.objects.live().filter(without_view_restriction())


def _number(value):
    return None if value is None else float(value) if isinstance(value, Decimal) else value


def needs_rows(locale: Locale) -> list[dict]:
    needs = (
        Need.objects.filter(locale=locale, live=True)
        .exclude(status=Need.Status.REPORTED)
        .select_related("territory", "theme")
        .order_by("created_at", "pk")
    )
    return [
        {
            "need_id": str(need.translation_key),
            "title": need.title,
            "description": need.description,
            "territory_id": str(need.territory.translation_key) if need.territory else "",
            "territory": need.territory.title if need.territory else "",
            "theme": need.theme.name if need.theme else "",
            "status": need.status,
            "created_on": need.created_at.date().isoformat(),
        }
        for need in needs
    ]


def calls_rows(locale: Locale, request) -> list[dict]:
    calls = list(
        ChallengeCallPage.objects.live()
        .public()
        .filter(locale=locale, alias_of__isnull=True)
        .defer_streamfields()
        .order_by("opens_at", "pk")
    )
    needs: dict = {}
    links = CallNeed.objects.filter(page__in=calls).values_list("page_id", "need__translation_key")
    for page_id, need_key in links:
        needs.setdefault(page_id, []).append(str(need_key))
    return [
        {
            "call_id": str(call.translation_key),
            "title": call.title,
            "url": request.build_absolute_uri(call.get_url(request)),
            "status": call.status(),
            "opens_at": call.opens_at.isoformat(),
            "submission_deadline": call.submission_deadline.isoformat(),
            "evaluation_ends_at": call.evaluation_ends_at.isoformat(),
            "budget_eur": _number(call.budget),
            "need_ids": " ".join(needs.get(call.pk, [])),
        }
        for call in calls
    ]


def proposals_rows() -> list[dict]:
    """Selected proposals of published, public calls; their expert score only once the call's
    results are public (before that, the ranking is the evaluators' work in progress)."""
    proposals = list(
        Proposal.objects.filter(status=Proposal.Status.SELECTED, call__live=True)
        .filter(Exists(PUBLIC_PAGES.filter(pk=OuterRef("call_id"))))
        .select_related("call")
        .annotate(support_count=Count("supports", filter=Q(supports__confirmed_at__isnull=False)))
        .order_by("submitted_at", "pk")
    )
    totals = {}
    by_call: dict = {}
    for proposal in proposals:
        by_call.setdefault(proposal.call.translation_key, []).append(proposal)
    sources = {
        call.translation_key: call
        for call in ChallengeCallPage.objects.filter(
            translation_key__in=list(by_call), alias_of__isnull=True
        ).order_by("-locale__language_code")
    }
    for key, items in by_call.items():
        call = sources.get(key, items[0].call)
        if not call.results_are_public:
            continue
        for result in score_proposals(call, items, count_evaluations=False):
            totals[result.proposal.pk] = result.total
    return [
        {
            "reference": proposal.reference,
            "call_id": str(proposal.call.translation_key),
            "title": proposal.title,
            "summary": proposal.summary,
            "language": proposal.language,
            "organisation": proposal.organisation_name,
            "country": proposal.country,
            "maturity": proposal.maturity,
            "expert_score": totals.get(proposal.pk),
            "confirmed_supports": proposal.support_count,
            "status": proposal.status,
        }
        for proposal in proposals
    ]


def indicator_rows(locale: Locale) -> list[dict]:
    """Measured values of published, public pilots, named in the asked language if that
    translation is published too."""
    measurements = list(
        IndicatorMeasurement.objects.filter(
            indicator__page__live=True,
            indicator__page_id__in=PUBLIC_PAGES.values("pk"),
        )
        .select_related("indicator", "indicator__page")
        .order_by("indicator__page_id", "indicator__sort_order", "measured_on")
    )
    keys = {m.indicator.translation_key for m in measurements}
    published = Indicator.objects.filter(page__live=True, page_id__in=PUBLIC_PAGES.values("pk"))
    names = pick_versions(published.select_related("page", "locale"), keys, locale)
    rows = []
    for measurement in measurements:
        indicator = names.get(measurement.indicator.translation_key, measurement.indicator)
        pilot = indicator.page
        rows.append(
            {
                "pilot_id": str(pilot.translation_key),
                "pilot": pilot.title,
                "proposal_reference": "",
                "indicator_id": str(indicator.translation_key),
                "indicator": indicator.name,
                "unit": indicator.unit,
                "baseline": _number(indicator.baseline),
                "target": _number(indicator.target),
                "measured_on": measurement.measured_on.isoformat(),
                "value": _number(measurement.value),
            }
        )
    references = dict(
        PilotPage.objects.filter(
            translation_key__in={row["pilot_id"] for row in rows}, proposal__isnull=False
        ).values_list("translation_key", "proposal__reference")
    )
    for row in rows:
        row["proposal_reference"] = references.get(uuid.UUID(row["pilot_id"]), "")
    return rows


def survey_result_rows(locale: Locale) -> list[dict]:
    """The published results of closed surveys, as on their public page: every language's
    answers counted together, only the questions editors chose to publish, never free text or
    personal data. A grid gives one row per statement and point of its scale."""
    rows = []
    surveys = SurveyPage.objects.live().filter(
        locale=locale, alias_of__isnull=True, results_published=True, closes_at__lte=timezone.now()
    )
    for survey in surveys.filter(pk__in=PUBLIC_PAGES.values("pk")).order_by("closes_at", "pk"):
        base = {"survey_id": str(survey.translation_key), "survey": survey.title}
        for result in summarise(survey, tallies.read(survey), public=True):
            question = base | {
                "question_id": result.key,
                "question": result.label,
                "question_type": result.field_type,
                "answered": result.answered,
                "statement": "",
                "answer": "",
                "count": None,
                "percent": None,
                "average_rank": None,
                "average": result.average,
            }
            for row in result.rows:
                for option in row.options:
                    rows.append(
                        question
                        | {
                            "statement": row.label,
                            "answer": option.label,
                            "count": option.count,
                            "percent": option.percent,
                            "answered": row.answered,
                        }
                    )
            for option in result.options:
                rows.append(
                    question
                    | {
                        "answer": option.label,
                        "count": option.count,
                        "percent": option.percent,
                        "average_rank": getattr(option, "average_rank", None),
                    }
                )
            if not result.rows and not result.options:
                rows.append(question)  # a number: its average
    return rows


def register_datasets() -> None:
    """The chain's datasets in the open-data catalogue (``core.open_data``)."""
    rows = {
        "needs": lambda locale, request: needs_rows(locale),
        "calls": calls_rows,
        "proposals": lambda locale, request: proposals_rows(),
        "indicators": lambda locale, request: indicator_rows(locale),
        "survey_results": lambda locale, request: survey_result_rows(locale),
    }
    labels = {
        "needs": _("Needs"),
        "calls": _("Calls"),
        "proposals": _("Selected proposals"),
        "indicators": _("Pilot indicators"),
        "survey_results": _("Survey results"),
    }
    for name, columns in COLUMNS.items():
        open_data.register(open_data.Dataset(name, labels[name], columns, rows[name]))
