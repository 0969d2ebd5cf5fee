"""Content large enough to matter, on top of the demo: 1,000 news items, 100 events, 20
territories, 5 surveys with 10,000 answers, 3 calls with 300 proposals.

Run inside the bench database's Django (see bench/run.py); idempotent."""

import datetime
import json
import random
import uuid
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

BENCH_SURVEY_SLUG = "bench-survey"


def _add_pages(parent, model, count: int, build) -> None:
    existing = model.objects.child_of(parent).count()
    for number in range(existing, count):
        parent.add_child(instance=build(number))


def one_question_survey(index, title: str, slug: str):
    """A published Italian survey asking one required short text, "messaggio"; answering it
    shows "Grazie per la risposta." (bench/run.py and bench/faults.py look for it)."""
    from participation.models import SurveyFormField, SurveyPage

    survey = SurveyPage(
        title=title,
        slug=slug,
        introduction="<p>Un questionario per il test di carico.</p>",
        thank_you_text="<p>Grazie per la risposta.</p>",
        opens_at=timezone.now() - datetime.timedelta(days=10),
        closes_at=timezone.now() + datetime.timedelta(days=365),
    )
    survey.form_fields.add(
        SurveyFormField(
            label="Messaggio",
            clean_name="messaggio",
            field_type="singleline",
            required=True,
            locale=index.locale,
        )
    )
    index.add_child(instance=survey)
    survey.save_revision().publish()
    return survey


def challenge_call(index, slug: str, title: str, opens: int, deadline: int, evaluation_ends: int):
    """A published Italian call with one criterion; its dates are days from now (negative: in
    the past), questions accepted for a day after it opens."""
    from participation.models import ChallengeCallPage, EvaluationCriterion

    now = timezone.now()
    call = ChallengeCallPage(
        title=title,
        slug=slug,
        context="<p>Contesto.</p>",
        objectives="<p>Obiettivi.</p>",
        eligibility="<p>Tutti.</p>",
        support_offered="<p>Sostegno.</p>",
        opens_at=now + datetime.timedelta(days=opens),
        questions_until=now + datetime.timedelta(days=opens + 1),
        submission_deadline=now + datetime.timedelta(days=deadline),
        evaluation_ends_at=now + datetime.timedelta(days=evaluation_ends),
        results_on=(now + datetime.timedelta(days=evaluation_ends + 1)).date(),
    )
    call.criteria.add(EvaluationCriterion(name="Utilità", weight=100, locale=index.locale))
    index.add_child(instance=call)
    call.save_revision().publish()
    return call


@transaction.atomic
def seed() -> dict:
    from events.models import EventIndexPage, EventPage
    from news.models import NewsIndexPage, NewsPage
    from participation.models import (
        ChallengeCallPage,
        ChallengeIndexPage,
        Proposal,
        Support,
        SurveyIndexPage,
        SurveyPage,
        SurveySubmission,
    )
    from participation.surveys import tallies
    from pilots.models import PilotTerritoryIndexPage, PilotTerritoryPage

    rng = random.Random(2026)  # noqa: S311 (bench data)
    italian = {"locale__language_code": "it"}
    news_index = NewsIndexPage.objects.get(**italian)
    _add_pages(
        news_index,
        NewsPage,
        1000,
        lambda n: NewsPage(
            title=f"Notizia di carico {n}",
            slug=f"bench-news-{n}",
            summary="Una notizia per misurare il portale sotto carico.",
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n % 900),
        ),
    )
    events_index = EventIndexPage.objects.get(**italian)
    start = timezone.now() - datetime.timedelta(days=50)
    _add_pages(
        events_index,
        EventPage,
        100,
        lambda n: EventPage(
            title=f"Evento di carico {n}",
            slug=f"bench-event-{n}",
            summary="Un evento per il test di carico.",
            start=start + datetime.timedelta(days=n),
            end=start + datetime.timedelta(days=n, hours=2),
            venue_name="Fossano",
        ),
    )
    territories = PilotTerritoryIndexPage.objects.get(**italian)
    _add_pages(
        territories,
        PilotTerritoryPage,
        20,
        lambda n: PilotTerritoryPage(
            title=f"Territorio di carico {n}",
            slug=f"bench-territory-{n}",
            region="Piemonte",
            municipalities="Comune A\nComune B",
            latitude=Decimal("44.5") + Decimal(n) / 100,
            longitude=Decimal("7.5") + Decimal(n) / 100,
        ),
    )
    surveys = SurveyIndexPage.objects.get(**italian)
    if not SurveyPage.objects.filter(slug=BENCH_SURVEY_SLUG).exists():
        for number in range(3):
            one_question_survey(
                surveys,
                f"Questionario di carico {number}",
                BENCH_SURVEY_SLUG if number == 0 else f"{BENCH_SURVEY_SLUG}-{number}",
            )
    all_surveys = list(SurveyPage.objects.filter(**italian, alias_of__isnull=True))
    missing = 10_000 - SurveySubmission.objects.count()
    SurveySubmission.objects.bulk_create(
        (
            SurveySubmission(
                page=all_surveys[n % len(all_surveys)],
                form_data={"messaggio": f"risposta {n}"},
                language="it",
            )
            for n in range(max(missing, 0))
        ),
        batch_size=1000,
    )
    for survey in all_surveys:  # bulk_create bypasses the counts kept on write
        tallies.recount(survey)
    calls_index = ChallengeIndexPage.objects.get(**italian)
    if not ChallengeCallPage.objects.filter(slug="bench-call").exists():
        challenge_call(calls_index, "bench-call", "Sfida di carico", -60, -40, 30)
    calls = list(ChallengeCallPage.objects.filter(**italian, alias_of__isnull=True))
    missing = 300 - Proposal.objects.count()
    proposals = Proposal.objects.bulk_create(
        Proposal(
            call=calls[n % len(calls)],
            reference=f"BENCH-{n:05d}",
            organisation_name=f"Impresa di carico {n}",
            country="IT",
            registration_number="IT00000000000",
            organisation_size="micro",
            contact_name="Referente",
            contact_email=f"bench{n}@example.invalid",
            title=f"Proposta di carico {n}",
            summary="Sintesi.",
            description="Descrizione.",
            maturity="market",
            estimated_cost=1000,
            consent_given_at=timezone.now(),
            status="shortlisted" if n % 3 == 0 else "submitted",
            was_shortlisted=n % 3 == 0,
        )
        for n in range(max(missing, 0))
    )
    Support.objects.bulk_create(
        Support(
            proposal=proposal,
            email_digest=uuid.uuid4().hex,
            confirmed_at=timezone.now() if rng.random() < 0.8 else None,
        )
        for proposal in proposals
        if proposal.was_shortlisted
    )
    counts = {
        "news": NewsPage.objects.filter(**italian).count(),
        "events": EventPage.objects.filter(**italian).count(),
        "territories": PilotTerritoryPage.objects.filter(**italian).count(),
        "surveys": len(all_surveys),
        "answers": SurveySubmission.objects.count(),
        "calls": len(calls),
        "proposals": Proposal.objects.count(),
    }
    print("SEEDED " + json.dumps(counts))  # noqa: T201
    return counts
