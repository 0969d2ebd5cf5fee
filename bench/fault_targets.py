"""What `make faults` loads while it breaks things: a one-question survey, an open call taking
proposals, and a call under evaluation with a shortlisted proposal citizens can support. Run
inside the faults database's Django (see bench/faults.py); prints their addresses."""

import datetime
import json

from django.db import transaction
from django.utils import timezone

from bench.seed import one_question_survey


def _call(index, slug: str, opens_days: int, deadline_days: int, evaluation_days: int):
    from participation.models import ChallengeCallPage, EvaluationCriterion

    now = timezone.now()
    call = ChallengeCallPage(
        title=f"Sfida per il test dei guasti ({slug})",
        slug=slug,
        context="<p>Contesto.</p>",
        objectives="<p>Obiettivi.</p>",
        eligibility="<p>Tutti.</p>",
        support_offered="<p>Sostegno.</p>",
        opens_at=now + datetime.timedelta(days=opens_days),
        questions_until=now + datetime.timedelta(days=opens_days + 1),
        submission_deadline=now + datetime.timedelta(days=deadline_days),
        evaluation_ends_at=now + datetime.timedelta(days=evaluation_days),
        results_on=(now + datetime.timedelta(days=evaluation_days + 1)).date(),
    )
    call.criteria.add(EvaluationCriterion(name="Utilità", weight=100, locale=index.locale))
    index.add_child(instance=call)
    call.save_revision().publish()
    return call


@transaction.atomic
def prepare() -> dict:
    from news.models import NewsIndexPage
    from participation.models import (
        ChallengeIndexPage,
        Proposal,
        SurveyIndexPage,
    )

    italian = {"locale__language_code": "it"}
    surveys = SurveyIndexPage.objects.get(**italian)
    survey = one_question_survey(surveys, "Questionario del test dei guasti", "faults-survey")

    index = ChallengeIndexPage.objects.get(**italian)
    open_call = _call(index, "faults-open-call", -10, 30, 60)
    evaluated = _call(index, "faults-evaluation-call", -60, -20, 30)
    Proposal.objects.create(
        call=evaluated,
        reference="FAULTS-1",
        organisation_name="Impresa sostenuta",
        country="IT",
        registration_number="IT00000000000",
        organisation_size="micro",
        contact_name="Referente",
        contact_email="sostenuta@example.invalid",
        title="Proposta da sostenere",
        summary="Sintesi pubblica.",
        description="Descrizione.",
        maturity="market",
        estimated_cost=1000,
        consent_given_at=timezone.now(),
        status="shortlisted",
        was_shortlisted=True,
    )
    detail = evaluated.url + "proposals/FAULTS-1/"
    targets = {
        "read": [
            "/it/",
            "/fr/",
            NewsIndexPage.objects.get(**italian).url,
            NewsIndexPage.objects.get(locale__language_code="fr").url,
            open_call.url,
            detail,
            "/it/search/?q=villaggio",
        ],
        "survey": survey.url,
        "submit": open_call.url + "submit/",
        "support": detail + "support/",
        "support_form": detail,
        "accepted_marker": {
            "answer": "Grazie per la risposta",
            "proposal": "Proposta ricevuta",
            "support": "Controlla la tua email",
        },
    }
    print("FAULTS " + json.dumps(targets))  # noqa: T201
    return targets
