"""The chain need → call → proposal → pilot → result on every page of it, and as open data."""

import csv
import io
import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from participation.models import ChallengeCallPage, Need, NeedsIndexPage, Proposal
from pilots.models import PilotPage
from tests.conftest import demo_pilot, page_in

pytestmark = pytest.mark.django_db


def timeline(client, url) -> dict[str, list[str]]:
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    stages = {}
    for stage in soup.select(".trace-stage"):
        label = stage.select_one(".trace-label").get_text(strip=True)
        stages[label] = [" ".join(li.get_text(" ").split()) for li in stage.select("ul > li")]
    return stages


def demo_chain(language):
    call = page_in(
        ChallengeCallPage, language, slug__in=["sportelli-digitali", "guichets-numeriques"]
    )
    proposal = Proposal.objects.get(reference="DV26-DEMO1")
    pilot = demo_pilot(language)
    need = Need.objects.get(
        locale__language_code=language,
        translation_key=call.call_needs.first().need.translation_key,
    )
    register = page_in(NeedsIndexPage, language)
    return (
        {
            "need": register.url + f"{need.translation_key}/",
            "call": call.url,
            "proposal": call.url + f"proposals/{proposal.reference}/",
            "pilot": pilot.url,
        },
        need,
        call,
        proposal,
        pilot,
    )


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("it", ["Bisogno locale", "Sfida", "Soluzione proposta", "Sperimentazione", "Risultati"]),
        ("fr", ["Besoin local", "Défi", "Solution proposée", "Pilote", "Résultats"]),
    ],
)
def test_every_page_of_the_chain_shows_the_whole_chain(client, language, labels):
    urls, need, call, proposal, pilot = demo_chain(language)
    for kind, url in urls.items():
        stages = timeline(client, url)
        assert list(stages) == labels, (kind, stages)
        need_items, call_items, proposal_items, pilot_items, results = stages.values()
        assert any(need.title in item for item in need_items), kind
        assert any(call.title in item for item in call_items), kind
        assert any(proposal.title in item for item in proposal_items), kind
        assert any(pilot.title in item for item in pilot_items), kind
        assert len(results) == 2 and all("120" in r or "200" in r for r in results), kind


def test_timeline_links_lead_to_each_step_in_the_readers_language(client):
    urls, *_rest = demo_chain("fr")
    soup = BeautifulSoup(client.get(urls["need"]).content, "html.parser")
    links = [a["href"] for a in soup.select(".trace a")]
    assert urls["call"] in links and urls["proposal"] in links and urls["pilot"] in links
    for link in links:
        assert link.startswith("/fr/"), link
        assert client.get(link).status_code == 200


def test_applicant_text_is_labelled_with_its_language(client):
    urls, _need, _call, proposal, _pilot = demo_chain("fr")
    soup = BeautifulSoup(client.get(urls["proposal"]).content, "html.parser")
    assert soup.h1["lang"] == "it" and soup.h1.get_text(strip=True) == proposal.title
    assert "Rédigé par le candidat en italien" in soup.get_text(" ")
    trace_item = soup.select_one(".trace-proposal li")
    assert "(en italien)" in " ".join(trace_item.get_text(" ").split())


def test_need_without_a_call_says_so(client):
    need = (
        Need.objects.filter(locale__language_code="it", status="validated")
        .exclude(
            title__in=[
                "Accompagnamento alle pratiche online",
                "Spazio di lavoro condiviso nei borghi",
            ]
        )
        .first()
    )
    register = page_in(NeedsIndexPage, "it")
    stages = timeline(client, register.url + f"{need.translation_key}/")
    assert stages["Sfida"] == []
    response = client.get(register.url + f"{need.translation_key}/")
    assert "Nessuna sfida risponde ancora" in response.content.decode()


def test_reported_needs_have_no_public_page(client):
    need = Need.objects.filter(locale__language_code="it", status="reported").first()
    register = page_in(NeedsIndexPage, "it")
    assert client.get(register.url + f"{need.translation_key}/").status_code == 404


def test_language_switcher_keeps_the_proposal_and_the_need(client):
    urls_it, *_ = demo_chain("it")
    urls_fr, *_ = demo_chain("fr")
    for kind in ("need", "proposal"):
        soup = BeautifulSoup(client.get(urls_it[kind]).content, "html.parser")
        french = soup.select_one('.language-switcher a[hreflang="fr"]')["href"]
        assert french == urls_fr[kind]


PERSONAL = ["proposta-1@example.invalid", "Referente di esempio", "DEMO0000001", "example.invalid"]


def test_open_data_json_links_the_chain_without_personal_data(client):
    response = client.get("/open-data/digivillae.json?language=fr")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    body = response.content.decode()
    for secret in PERSONAL:
        assert secret not in body
    data = json.loads(body)
    assert set(data) >= {"needs", "calls", "proposals", "indicators"}
    [proposal] = data["proposals"]
    call = next(c for c in data["calls"] if c["call_id"] == proposal["call_id"])
    need_ids = {n["need_id"] for n in data["needs"]}
    assert set(call["need_ids"].split()) <= need_ids and call["need_ids"]
    assert proposal["expert_score"] == 87.0 and proposal["confirmed_supports"] == 23
    # The pilot that came from the proposal, beside pilots the territories ran on their own.
    assert proposal["reference"] in {row["proposal_reference"] for row in data["indicators"]}
    assert call["title"].startswith("Défi")
    assert {"contact_email", "contact_name", "registration_number", "description"}.isdisjoint(
        proposal
    )


@pytest.mark.parametrize("dataset", ["needs", "calls", "proposals", "indicators"])
def test_open_data_csv(client, dataset):
    response = client.get(f"/open-data/{dataset}.csv?language=en")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.getvalue().decode("utf-8-sig")  # streamed
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows
    for secret in PERSONAL:
        assert secret not in text


def test_open_data_bad_requests(client):
    assert client.get("/open-data/secrets.csv").status_code == 404
    bad = client.get("/open-data/needs.csv?language=de", HTTP_ACCEPT_LANGUAGE="fr")
    assert bad.status_code == 400 and "Langue inconnue" in bad.content.decode()


def _open_data(client) -> dict:
    return json.loads(client.get("/open-data/digivillae.json?language=it").content)


def test_open_data_scores_wait_for_the_results_and_unpublished_pages_leave(client):
    proposal = Proposal.objects.get(status=Proposal.Status.SELECTED)
    calls = ChallengeCallPage.objects.filter(translation_key=proposal.call.translation_key)
    closed_at = calls.first().evaluation_ends_at
    assert _open_data(client)["proposals"][0]["expert_score"] == 87.0

    calls.update(evaluation_ends_at=timezone.now() + timedelta(days=3))  # still being evaluated
    [row] = _open_data(client)["proposals"]
    assert row["reference"] == proposal.reference and row["expert_score"] is None
    exported = client.get("/open-data/proposals.csv?language=it").getvalue().decode("utf-8-sig")
    assert next(csv.DictReader(io.StringIO(exported)))["expert_score"] == ""
    calls.update(evaluation_ends_at=closed_at)

    for call in calls:
        call.unpublish()
    assert _open_data(client)["proposals"] == []

    def from_the_proposal():
        rows = _open_data(client)["indicators"]
        return [row for row in rows if row["proposal_reference"] == proposal.reference]

    assert from_the_proposal()
    for pilot in PilotPage.objects.filter(proposal=proposal):
        for version in pilot.get_translations(inclusive=True):
            version.unpublish()
    assert from_the_proposal() == []


def test_open_data_leaves_out_restricted_pilots(client):
    assert _open_data(client)["indicators"]
    for pilot in PilotPage.objects.all():
        PageViewRestriction.objects.create(
            page=pilot, restriction_type=PageViewRestriction.PASSWORD, password="segreto"
        )
    assert _open_data(client)["indicators"] == []
