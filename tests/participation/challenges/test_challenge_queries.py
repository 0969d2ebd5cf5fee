"""Challenge pages, the chain and the evaluation admin cost the same number of queries with 10
proposals as with 500."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from participation.models import (
    CriterionScore,
    Evaluation,
    Need,
    NeedsIndexPage,
    Proposal,
    Support,
)
from tests.conftest import MAX_QUERIES, count_queries, demo_pilot, page_in
from tests.participation.conftest import make_call, make_editor

pytestmark = pytest.mark.django_db


def grow_proposals(call, total: int, evaluator) -> None:
    """Bring the call to ``total`` shortlisted proposals, each scored and supported."""
    missing = total - call.all_proposals().count()
    now = timezone.now()
    proposals = Proposal.objects.bulk_create(
        Proposal(
            call=call,
            reference=f"T{call.pk}-{call.all_proposals().count() + n:05d}",
            organisation_name=f"Impresa {n}",
            country="IT",
            registration_number="IT0000",
            organisation_size="micro",
            contact_name="Referente",
            contact_email=f"impresa{n}@example.com",
            title=f"Proposta {n}",
            summary="Sintesi.",
            description="Descrizione.",
            maturity="market",
            estimated_cost=1000,
            consent_given_at=now,
            status="shortlisted",
            was_shortlisted=True,
        )
        for n in range(missing)
    )
    evaluations = Evaluation.objects.bulk_create(
        Evaluation(proposal=p, evaluator=evaluator, no_conflict_of_interest=True) for p in proposals
    )
    keys = [c.translation_key for c in call.criteria.all()]
    CriterionScore.objects.bulk_create(
        CriterionScore(evaluation=e, criterion_key=key, score=(e.pk % 6))
        for e in evaluations
        for key in keys
    )
    Support.objects.bulk_create(
        Support(proposal=p, email_digest=f"{p.pk:064d}", confirmed_at=now) for p in proposals
    )


def queries_for(client, url) -> int:
    queries, _response = count_queries(client, url)
    return queries


@pytest.mark.parametrize("state", ["evaluation", "closed"])
def test_call_pages_do_not_grow_with_proposals(client, state):
    need = Need.objects.filter(locale__language_code="it", status="validated").first()
    call = make_call(state, needs=[need])
    evaluator = get_user_model().objects.create_user("contatore")
    grow_proposals(call, 10, evaluator)
    reference = call.all_proposals().first().reference
    register = page_in(NeedsIndexPage, "it")
    urls = [
        call.url,
        call.url + f"proposals/{reference}/",
        register.url + f"{need.translation_key}/",
        "/open-data/digivillae.json",
    ]
    few = {url: queries_for(client, url) for url in urls}
    grow_proposals(call, 500, evaluator)
    many = {url: queries_for(client, url) for url in urls}
    assert few == many
    assert all(count <= MAX_QUERIES for count in many.values()), many


def test_pilot_page_does_not_grow_with_values(client):
    from datetime import date, timedelta

    from pilots.models import IndicatorMeasurement

    pilot = demo_pilot("fr")
    few = queries_for(client, pilot.url)
    indicator = demo_pilot("it").indicators.first()
    IndicatorMeasurement.objects.bulk_create(
        IndicatorMeasurement(
            indicator=indicator, measured_on=date(2020, 1, 1) + timedelta(days=n), value=n
        )
        for n in range(300)
    )
    assert queries_for(client, pilot.url) == few <= MAX_QUERIES


def test_admin_ranking_does_not_grow_with_proposals(client):
    call = make_call("evaluation")
    evaluator = get_user_model().objects.create_user("contatore")
    grow_proposals(call, 10, evaluator)
    client.force_login(make_editor())
    url = f"/admin/proposals/call/{call.pk}/"

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    few = count()
    grow_proposals(call, 500, evaluator)
    assert count() == few
