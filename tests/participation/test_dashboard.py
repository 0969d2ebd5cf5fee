"""Panels on the admin home, by role: editors see the open surveys and their answers,
evaluators the proposals still waiting for their scores, communication officers their drafts
and scheduled news and events. Each role sees only its own panels."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from news.models import NewsIndexPage
from participation.models import Evaluation
from tests.conftest import count_queries
from tests.factories import NewsPageFactory
from tests.participation.challenges.test_evaluation import score_data
from tests.participation.conftest import make_call, make_evaluator, make_proposal
from tests.participation.surveys.test_survey_admin import (
    FR_URL,
    IT_URL,
    answer,
    sibling_survey,
    staff,
)

pytestmark = pytest.mark.django_db


def panels(client) -> dict[str, BeautifulSoup]:
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    return {
        section.h2.get_text(strip=True): section
        for section in soup.select("section.w-panel")
        if section.h2 is not None
    }


def test_editors_see_open_surveys_with_answers_today_and_in_total(client, open_survey):
    answer(client, IT_URL, "Residente", "Unione del Fossanese")
    answer(client, FR_URL, "Habitant", "Unione del Fossanese")
    open_survey.all_submissions().filter(language="fr").update(
        submit_time=timezone.now() - datetime.timedelta(days=3)
    )
    client.force_login(staff("Editors"))
    shown = panels(client)
    assert "Proposte da valutare" not in shown
    assert "Notizie ed eventi in bozza o programmati" not in shown
    results = f"/admin/surveys/{open_survey.translation_key}/results/"
    row = next(
        tr for tr in shown["Questionari aperti"].select("tbody tr") if tr.a["href"] == results
    )
    cells = [td.get_text(strip=True) for td in row.select("td")]
    assert cells[1:3] == ["1", "2"]  # today, and in total across both languages
    assert open_survey.title in row.text


def test_evaluators_see_what_is_left_to_score(client):
    call = make_call("evaluation")
    first = make_proposal(call, status="admissible", title="Prima proposta")
    make_proposal(call, status="admissible", title="Seconda proposta")
    make_proposal(make_call("evaluation", slug="altra"), status="admissible", title="Non mia")
    evaluator = make_evaluator("valutatrice-cruscotto", call=call)
    client.force_login(evaluator)
    to_score = panels(client)["Proposte da valutare"].get_text(" ", strip=True)
    assert "Prima proposta" in to_score and "Seconda proposta" in to_score
    assert "Non mia" not in to_score and "Questionari aperti" not in panels(client)

    client.post(f"/admin/proposals/{first.pk}/", score_data(call, [4, 3]))
    assert Evaluation.objects.filter(proposal=first, evaluator=evaluator).exists()
    to_score = panels(client)["Proposte da valutare"].get_text(" ", strip=True)
    assert "Prima proposta" not in to_score and "Seconda proposta" in to_score


def test_communication_officers_see_their_drafts_and_scheduled_pages(client):
    index = NewsIndexPage.objects.get(locale__language_code="it")
    draft = NewsPageFactory(parent=index, title="Bozza del comunicato", live=False)
    draft.save_revision()
    scheduled = NewsPageFactory(parent=index, title="Notizia programmata", live=False)
    # What Publish does when the go-live time is in the future: the revision waits, approved.
    scheduled.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(days=2))
    client.force_login(staff("Communication officers"))
    rows = {
        tr.td.get_text(strip=True): tr.select("td")[2].get_text(" ", strip=True)
        for tr in panels(client)["Notizie ed eventi in bozza o programmati"].select("tbody tr")
    }
    assert rows["Bozza del comunicato"] == "Bozza"
    assert rows["Notizia programmata"].startswith("Programmata per il")


def test_admin_home_queries_do_not_grow_with_open_surveys(client, open_survey):
    client.force_login(staff("Editors"))
    few, _response = count_queries(client, "/admin/")
    for number in range(6):
        sibling_survey(open_survey, f"Questionario {number}", f"questionario-{number}", True)
    answer(client, IT_URL, "Residente", "Unione del Fossanese")
    many, response = count_queries(client, "/admin/")
    assert "Questionario 5" in response.content.decode()
    assert many == few
