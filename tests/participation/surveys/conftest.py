"""A small survey of its own for the tests of sections, conditions, new question types and hub
entries: two steps, a conditional section, a grid, a ranking, a date and a number."""

import datetime

import pytest
from django.utils import timezone

from participation.models import SurveyFormField, SurveyPage
from tests.conftest import page_in

URL = "/it/partecipa/servizi-e-connessione/"


def question(clean_name, field_type, label, **extra):
    return SurveyFormField(clean_name=clean_name, field_type=field_type, label=label, **extra)


@pytest.fixture
def sectioned(db):
    index = page_in(SurveyPage, "it", slug="bisogni-del-territorio").get_parent()
    now = timezone.now()
    survey = SurveyPage(
        title="Servizi e connessione",
        slug="servizi-e-connessione",
        introduction="<p>Tre minuti.</p>",
        thank_you_text="<p>Grazie</p>",
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=30),
    )
    survey.form_fields = [
        question("da_casa", "radio", "Lavori da casa?", choices="Sì\nNo", required=True),
        question("s_connessione", "section", "Connessione", show_when="da_casa=0"),
        question("rallenta", "multiline", "Che cosa rallenta la connessione?", required=True),
        question("s_servizi", "section", "Servizi"),
        question(
            "soddisfazione",
            "grid",
            "Quanto sei soddisfatto?",
            rows="Trasporti\nSanità",
            choices="Soddisfatto\nNeutro\nInsoddisfatto",
            required=True,
        ),
        question("priorita", "ranking", "Metti in ordine", choices="Strade\nInternet\nBus"),
        question("quando", "date", "Da quando vivi qui?", required=False),
        question("persone", "number", "Quante persone in casa?", minimum=1, maximum=20),
        question(
            "con_te", "checkboxes", "Chi vive con te?", choices="Bambini\nAnziani", required=False
        ),
    ]
    for position, field in enumerate(survey.form_fields.all()):
        field.sort_order = position  # questions keep this order (a tie would be random)
    index.add_child(instance=survey)
    survey.save_revision().publish()
    return survey
