"""Every question's answer count, in the admin's results and the public ones, is the number of
answers behind it: for every question type (free text included), under every filter."""

import datetime
import uuid

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Locale

from participation.models import SurveyFormField, SurveyPage, Theme
from participation.surveys import tallies
from participation.surveys.forms import build_survey_form_class
from participation.surveys.services import record_answer
from pilots.models import LocalHub, PilotTerritoryPage
from tests.conftest import page_in
from tests.participation.surveys.test_survey_admin import staff

pytestmark = pytest.mark.django_db

QUESTIONS = [
    ("nome", "singleline", {}),
    ("racconto", "multiline", {}),
    ("sito", "url", {}),
    ("ora", "datetime", {}),
    ("mezzo", "dropdown", {"choices": "Auto\nBus"}),
    ("frequenza", "radio", {"choices": "Spesso\nMai"}),
    ("servizi", "checkboxes", {"choices": "Posta\nBanca\nMedico"}),
    ("lingue", "multiselect", {"choices": "Italiano\nFrancese"}),
    ("accordo", "checkbox", {}),
    ("voto", "rating", {}),
    ("territorio", "territory", {}),
    ("tema", "theme", {}),
    ("quanti", "number", {}),
    ("dal", "date", {}),
    ("griglia", "grid", {"rows": "Strade\nInternet", "choices": "Bene\nCosì così\nMale"}),
    ("ordine", "ranking", {"choices": "Scuola\nNegozio\nBus"}),
]


@pytest.fixture
def every_type(db):
    """A survey with one question of every type, in Italian and in French."""
    index = page_in(SurveyPage, "it", slug="bisogni-del-territorio").get_parent()
    now = timezone.now()
    survey = SurveyPage(
        title="Ogni tipo di domanda",
        slug="ogni-tipo",
        introduction="<p>Prova.</p>",
        thank_you_text="<p>Grazie</p>",
        opens_at=now - datetime.timedelta(days=60),
        closes_at=now + datetime.timedelta(days=30),
    )
    survey.form_fields = [
        SurveyFormField(
            clean_name=key, field_type=kind, label=f"Domanda {key}", required=False, **extra
        )
        for key, kind, extra in QUESTIONS
    ]
    for position, field in enumerate(survey.form_fields.all()):
        field.sort_order = position
    index.add_child(instance=survey)
    survey.save_revision().publish()
    french = survey.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.save_revision().publish()
    return survey, SurveyPage.objects.get(pk=french.pk)


def answer_values(number: int, territories, themes) -> dict:
    """What answer ``number`` says: each question left blank by some answers, not others."""
    values = {
        "nome": "Orto comune",
        "racconto": "Una piazza con il wifi",
        "sito": "https://example.org/idea",
        "ora": "2026-03-01 10:30",
        "mezzo": str(number % 2),
        "frequenza": str(number % 2),
        "servizi": ["0", "2"] if number % 2 else ["1"],
        "lingue": ["0"],
        "accordo": "on",
        "voto": str(1 + number % 5),
        "territorio": str(territories[number % len(territories)]),
        "tema": str(themes[number % len(themes)]),
        "quanti": str(number),
        "dal": f"20{10 + number % 10}-05-01",
        "griglia__0": str(number % 3),
        "griglia__1": "0",
        "ordine__0": "1",
        "ordine__1": "2",
        "ordine__2": "3",
    }
    keys = [key for key, _kind, _extra in QUESTIONS]
    # Answer n leaves out the questions at positions n, n + 3, n + 6, …
    blank = {keys[i] for i in range(number % 3, len(keys), 3)}
    return {
        name: value
        for name, value in values.items()
        if name.split("__")[0] not in blank or name == "accordo"
    }


def store(survey, values, *, channel="online", hub=None, collected_on=None):
    form_class = build_survey_form_class(survey)
    form = form_class({**values, "submission_token": str(uuid.uuid4()), "website": ""})
    assert form.is_valid(), form.errors
    submission, created = record_answer(
        survey, form, channel=channel, hub=hub, collected_on=collected_on
    )
    assert created
    return submission


@pytest.fixture
def answers(every_type):
    """Thirty answers across both languages, online and on paper at two hubs, over days."""
    italian, french = every_type
    territories = list(
        PilotTerritoryPage.objects.live()
        .filter(locale=italian.locale)
        .values_list("translation_key", flat=True)
    )
    themes = list(
        Theme.objects.filter(locale=italian.locale, live=True).values_list(
            "translation_key", flat=True
        )
    )
    hubs = list(LocalHub.objects.filter(locale=italian.locale).order_by("pk")[:2])
    today = timezone.localdate()
    for number in range(30):
        values = answer_values(number, territories, themes)
        survey = french if number % 4 == 3 else italian
        if number % 3 == 1:
            hub = hubs[number % 2]
            store(
                survey,
                values,
                channel="paper",
                hub=hub,
                collected_on=today - datetime.timedelta(days=number),
            )
        else:
            store(survey, values)
    return italian, hubs, territories


def day_of(submission):
    return submission.collected_on or timezone.localdate(submission.submit_time)


def expected_counts(survey, **filters) -> dict[str, int]:
    """How many answers, under ``filters``, gave something to each question: read from the
    answers themselves, not from the counts."""
    kept = []
    for submission in survey.all_submissions():
        if "language" in filters and submission.language != filters["language"]:
            continue
        if "channel" in filters and submission.channel != filters["channel"]:
            continue
        if "territory" in filters and str(submission.territory_key) != filters["territory"]:
            continue
        if "hub" in filters and str(submission.hub_key) != filters["hub"]:
            continue
        if "date_from" in filters and day_of(submission) < filters["date_from"]:
            continue
        if "date_to" in filters and day_of(submission) > filters["date_to"]:
            continue
        kept.append(submission)
    return {
        f"Domanda {key}": sum(1 for s in kept if s.form_data.get(key) not in (None, "", [], {}))
        for key, _kind, _extra in QUESTIONS
    }


def shown_counts(html) -> dict[str, int]:
    soup = BeautifulSoup(html, "html.parser")
    shown = {}
    for section in soup.select("section.result"):
        label = section.find("h3").get_text(strip=True)
        shown[label] = int(section.find("p").get_text(strip=True).split()[0])
    return shown


def test_every_question_type_counts_its_answers_under_every_filter(client, answers):
    survey, hubs, territories = answers
    client.force_login(staff("Editors"))
    results = f"/admin/surveys/{survey.translation_key}/results/"
    today = timezone.localdate()
    filters = [
        {},
        {"language": "fr"},
        {"language": "it"},
        {"channel": "paper"},
        {"channel": "online"},
        {"territory": str(territories[0])},
        {"hub": str(hubs[0].translation_key)},
        {
            "date_from": today - datetime.timedelta(days=12),
            "date_to": today - datetime.timedelta(days=3),
        },
        {"date_from": today},
        {"language": "it", "channel": "paper", "date_to": today - datetime.timedelta(days=5)},
    ]
    for chosen in filters:
        query = {name: str(value) for name, value in chosen.items()}
        response = client.get(results, query)
        assert response.status_code == 200
        expected = expected_counts(survey, **chosen)
        assert shown_counts(response.content) == expected, chosen
        if not chosen:
            assert expected["Domanda nome"] > 0 and expected["Domanda racconto"] > 0
            assert len(set(expected.values())) > 1  # questions differ: the test can tell


def test_counts_rebuilt_from_the_answers_are_the_counts_kept_on_write(answers):
    survey, _hubs, _territories = answers
    kept = sorted(
        tallies.counts_of(survey).values_list("question", "part", "value", "day", "count")
    )
    tallies.recount(survey)
    rebuilt = sorted(
        tallies.counts_of(survey).values_list("question", "part", "value", "day", "count")
    )
    assert rebuilt == kept
    assert any(row[0] == "racconto" for row in rebuilt)


def test_public_results_count_every_published_question(client, answers):
    survey, _hubs, _territories = answers
    SurveyPage.objects.filter(translation_key=survey.translation_key).update(
        closes_at=timezone.now() - datetime.timedelta(hours=1), results_published=True
    )
    expected = expected_counts(survey)
    for url in (
        survey.url,
        SurveyPage.objects.get(pk=survey.pk)
        .get_translation(Locale.objects.get(language_code="fr"))
        .url,
    ):
        shown = shown_counts(client.get(url).content)
        assert shown, url
        assert shown == {label: expected[label] for label in shown}, url
