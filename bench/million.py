"""A survey with a million answers, for `make bench`: run inside the bench
database's Django (``manage.py shell -c "from bench.million import seed; seed()"``).

The answers are written by PostgreSQL itself (one ``INSERT … SELECT generate_series``: no
Python per answer), spread at random (with a fixed seed) over Italian, French and English, the
four channels, the territories and 90 days, so every slice of the filters holds answers; the
answer counts the results read are then rebuilt by the portal's own ``tallies.recount``. The
survey is closed with its results published, so its public page shows them."""

import datetime
import json
import time

from django.db import connection, transaction
from django.utils import timezone

MILLION_SLUG = "bench-million"
QUESTIONS = [
    # clean_name, type, choices (one per line), label
    ("territory", "territory", "", "Territorio"),
    ("respondent_type", "radio", "Cittadino\nImpresa\nEnte pubblico\nAssociazione", "Ruolo"),
    (
        "priority_themes",
        "checkboxes",
        "Mobilità\nSalute\nScuola\nLavoro\nTurismo\nAmbiente\nConnessione\nCultura",
        "Temi prioritari",
    ),
    ("connection_quality", "rating", "", "Qualità della connessione"),
    ("online_services", "dropdown", "Mai\nOgni anno\nOgni mese\nOgni settimana", "Servizi online"),
    ("distance_km", "number", "", "Distanza dal comune (km)"),
    ("main_need", "multiline", "", "Il bisogno più importante"),
]


def million_survey():
    from participation.models import SurveyFormField, SurveyIndexPage, SurveyPage

    existing = SurveyPage.objects.filter(slug=MILLION_SLUG).first()
    if existing is not None:
        return existing
    index = SurveyIndexPage.objects.get(locale__language_code="it")
    now = timezone.now()
    survey = SurveyPage(
        title="Questionario da un milione di risposte",
        slug=MILLION_SLUG,
        introduction="<p>Risultati di un questionario molto partecipato.</p>",
        thank_you_text="<p>Grazie.</p>",
        opens_at=now - datetime.timedelta(days=100),
        closes_at=now - datetime.timedelta(days=1),
        results_published=True,
    )
    for key, field_type, choices, label in QUESTIONS:
        survey.form_fields.add(
            SurveyFormField(
                label=label,
                clean_name=key,
                field_type=field_type,
                choices=choices,
                required=False,
                locale=index.locale,
            )
        )
    index.add_child(instance=survey)
    survey.save_revision().publish()
    return survey


@transaction.atomic
def seed(total: int = 1_000_000) -> dict:
    from participation.surveys import tallies
    from pilots.models import PilotTerritoryPage

    survey = million_survey()
    territories = [
        str(key)
        for key in PilotTerritoryPage.objects.filter(locale=survey.locale).values_list(
            "translation_key", flat=True
        )[:5]
    ]
    started = time.monotonic()
    present = survey.all_submissions().count()
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.2026)")  # the same answers on every run
        cursor.execute(
            """
            INSERT INTO participation_surveysubmission (
                form_data, submit_time, language, territory_key, personal_data,
                respondent_email, submission_token, page_id, channel, collected_on
            )
            SELECT
                jsonb_build_object(
                    'territory', t.key,
                    'respondent_type', floor(random() * 4)::int::text,
                    'priority_themes', jsonb_build_array(
                        floor(random() * 8)::int::text, floor(random() * 8)::int::text
                    ),
                    'connection_quality', 1 + floor(random() * 5)::int,
                    'online_services', floor(random() * 4)::int::text,
                    'distance_km', floor(random() * 40)::int::text,
                    'main_need', 'Bisogno numero ' || g
                ),
                now() - random() * interval '90 days',
                (ARRAY['it', 'it', 'fr', 'en'])[1 + floor(random() * 4)::int],
                t.key::uuid, '{}'::jsonb, '', gen_random_uuid(), %s,
                (ARRAY['online', 'online', 'paper', 'phone', 'in_person'])[
                    1 + floor(random() * 5)::int
                ],
                NULL
            FROM generate_series(%s, %s) AS g
            CROSS JOIN LATERAL (
                SELECT (%s::text[])[1 + floor(random() * %s)::int + 0 * g] AS key
            ) AS t
            """,
            [survey.pk, present + 1, total, territories, len(territories)],
        )
    inserted = time.monotonic() - started
    counted = tallies.recount(survey)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE participation_surveysubmission")
        cursor.execute("ANALYZE participation_answercount")
    summary = {
        "answers": counted,
        "insert_seconds": round(inserted, 1),
        "count_seconds": round(time.monotonic() - started - inserted, 1),
        "count_rows": tallies.counts_of(survey).count(),
        "url": survey.url,
        "translation_key": str(survey.translation_key),
    }
    print("MILLION " + json.dumps(summary))  # noqa: T201
    return summary
