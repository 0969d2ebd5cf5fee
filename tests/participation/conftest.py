import pytest

from participation.models import SurveyPage
from tests.conftest import page_in


@pytest.fixture(autouse=True)
def fresh_rate_limits(clear_rate_limits):
    """Every participation test posts public forms: it starts with no rate-limit counts."""


@pytest.fixture
def needs_survey(db):
    return page_in(SurveyPage, "it", slug="bisogni-del-territorio")


@pytest.fixture
def open_survey(needs_survey):
    """The demo's open survey with its demo answers removed, so tests count their own."""
    needs_survey.all_submissions().delete()
    return needs_survey


def answer_data(client, url: str, **answers) -> dict:
    """Load the form as a visitor would and fill it in (token from the page, as the browser)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(url).content, "html.parser")
    token = soup.select_one('input[name="submission_token"]')["value"]
    data = {"submission_token": token, "website": ""}
    data.update(answers)
    return data


def valid_answers(client, url, language):
    """A complete answer to the demo's needs survey, in Italian or French."""
    labels = {
        "it": ("Unione del Fossanese", "Impresa", "Servizi pubblici digitali", "Ogni mese"),
        "fr": ("Unione del Fossanese", "Entreprise", "Services publics numériques", "Chaque mois"),
    }[language]
    return answer_data(
        client,
        url,
        territory=choice_value(client, url, "territory", labels[0]),
        respondent_type=choice_value(client, url, "respondent_type", labels[1]),
        priority_themes=[choice_value(client, url, "priority_themes", labels[2])],
        connection_quality="4",
        online_services=choice_value(client, url, "online_services", labels[3]),
        distance_km="12",
        main_need="Uno sportello digitale" if language == "it" else "Un guichet numérique",
    )


def choice_value(client, url: str, name: str, label: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(url).content, "html.parser")
    for option in soup.select(f'[name="{name}"]'):
        if option.name == "select":
            for item in option.select("option"):
                if item.get_text(strip=True) == label:
                    return item["value"]
        elif option.find_parent("label").get_text(strip=True) == label:
            return option["value"]
    raise AssertionError(f"no choice {label!r} for {name}")


def grow_answers(survey, total: int) -> None:
    """Bring the survey to ``total`` answers by copying its first one (fast, for query counts)."""
    from participation.models import SurveySubmission
    from participation.surveys import tallies

    template = survey.all_submissions().order_by("pk").first()
    missing = total - survey.all_submissions().count()
    SurveySubmission.objects.bulk_create(
        SurveySubmission(
            page=template.page, form_data=template.form_data, language=template.language
        )
        for _number in range(missing)
    )
    tallies.recount(survey)  # bulk_create bypasses the counts kept on write


# Challenge calls ------------------------------------------------------------------------------

CALL_OFFSETS = {
    # days from now of: opening, end of questions, deadline, end of evaluation
    "upcoming": (1, 5, 10, 20),
    "open": (-10, 2, 5, 20),
    "evaluation": (-30, -20, -10, 10),
    "closed": (-60, -50, -40, -10),
}


def make_call(state: str = "open", slug: str = "sfida-di-prova", needs=(), criteria=None):
    """A published Italian call in the given state, under the demo's challenges index."""
    import datetime
    from decimal import Decimal

    from django.utils import timezone

    from participation.models import (
        CallNeed,
        ChallengeCallPage,
        ChallengeIndexPage,
        EvaluationCriterion,
    )

    index = page_in(ChallengeIndexPage, "it")
    now = timezone.now()
    opens, questions, deadline, evaluation = (
        now + datetime.timedelta(days=days) for days in CALL_OFFSETS[state]
    )
    call = ChallengeCallPage(
        title=f"Sfida di prova ({state})",
        slug=slug,
        context="<p>Contesto della sfida.</p>",
        objectives="<p>Obiettivi.</p>",
        eligibility="<p>Imprese e cooperative.</p>",
        support_offered="<p>Fino a 10.000 euro.</p>",
        budget=Decimal("30000"),
        opens_at=opens,
        questions_until=questions,
        submission_deadline=deadline,
        evaluation_ends_at=evaluation,
        results_on=timezone.localdate(evaluation) + datetime.timedelta(days=1),
    )
    for weight, minimum, name in criteria or [(60, Decimal("2"), "Utilità"), (40, None, "Costo")]:
        call.criteria.add(
            EvaluationCriterion(
                name=name, weight=weight, minimum_score=minimum, locale=index.locale
            )
        )
    for need in needs:
        call.call_needs.add(CallNeed(need=need))
    index.add_child(instance=call)
    call.save_revision().publish()
    return ChallengeCallPage.objects.get(pk=call.pk)


def pdf_bytes(title: str = "Scheda") -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (200, 280), (255, 255, 255)).save(buffer, "PDF", title=title)
    return buffer.getvalue()


def pdf_upload(name: str = "scheda.pdf", content: bytes | None = None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content or pdf_bytes(), content_type="application/pdf")


def proposal_data(**overrides) -> dict:
    import uuid

    data = {
        "organisation_name": "Innovazione Alpina Srl",
        "country": "IT",
        "registration_number": "IT01234567890",
        "organisation_size": "small",
        "contact_name": "Referente di prova",
        "contact_email": "referente@example.com",
        "title": "Sportello digitale mobile",
        "summary": "Un furgone attrezzato porta l'aiuto digitale nei comuni.",
        "description": "Descrizione riservata ai valutatori.",
        "maturity": "prototype",
        "estimated_cost": "15000",
        "consent": "on",
        "submission_token": str(uuid.uuid4()),
        "website": "",
    }
    data.update(overrides)
    return data


def make_proposal(call, status: str = "submitted", **fields):
    from tests.factories import ProposalFactory

    shortlisted = status in {"shortlisted", "selected"}
    return ProposalFactory(call=call, status=status, was_shortlisted=shortlisted, **fields)


def make_evaluator(username: str, call=None):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from participation.models import EvaluatorAssignment

    user = get_user_model().objects.create_user(username, password="evaluator-password")
    user.groups.add(Group.objects.get(name="Evaluators"))
    if call is not None:
        EvaluatorAssignment.objects.create(call=call, evaluator=user)
    return user


def make_editor(username: str = "caporedattrice"):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(username, password="editor-password")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def committing_client(django_capture_on_commit_callbacks):
    """A test client whose POSTs run their on-commit callbacks (receipts, decision e-mails), as
    the real request's transaction would when it commits."""
    from django.test import Client

    client = Client()
    original = client.post

    def post(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return original(*args, **kwargs)

    client.post = post
    return client
