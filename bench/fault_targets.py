"""What `make faults` loads while it breaks things: a one-question survey, an open call taking
proposals, and a call under evaluation with a shortlisted proposal citizens can support. Run
inside the faults database's Django (see bench/faults.py); prints their addresses."""

import json

from django.db import transaction
from django.utils import timezone

from bench.seed import challenge_call, one_question_survey


@transaction.atomic
def prepare() -> dict:
    from events.models import EventPage
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
    open_call = challenge_call(index, "faults-open-call", "Sfida aperta", -10, 30, 60)
    evaluated = challenge_call(
        index, "faults-evaluation-call", "Sfida in valutazione", -60, -20, 30
    )
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
    workshop = EventPage.objects.get(slug="laboratorio-bisogni-fossano")
    EventPage.objects.filter(translation_key=workshop.translation_key).update(
        capacity=1_000_000,
        end=timezone.now() + timezone.timedelta(days=30),
        start=timezone.now() + timezone.timedelta(days=29),
    )
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
        "register": f"/it/events/registration/{workshop.pk}/",
        "register_form": workshop.url,
        "accepted_marker": {
            "answer": "Grazie per la risposta",
            "proposal": "Proposta ricevuta",
            "support": "Controlla la tua email",
            "registration": "Il tuo posto è confermato",
        },
    }
    print("FAULTS " + json.dumps(targets))  # noqa: T201
    return targets
