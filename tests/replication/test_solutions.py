"""The solutions catalogue: filters that work without JavaScript, sheets from pilots with
results, and the "We would like to replicate this" form: stored once, the partner told in its
language, counted, personal data found and erased, bad input answered in the visitor's
language; flat queries."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.personal_data import erase_elsewhere, found_elsewhere
from partners.models import PartnerPage
from pilots.models import PilotPage
from replication.models import ReplicationInterest, SolutionIndexPage, SolutionPage
from replication.solutions.personal_data import expire
from tests.conftest import count_queries, page_in, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clear_rate_limits")]


def titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return sorted(a.get_text(strip=True) for a in soup.select(".solution-list h2 a"))


def test_the_catalogue_filters_work_without_javascript(client):
    catalogue = page_in(SolutionIndexPage, "fr")
    assert len(titles(client.get(catalogue.url))) == 3
    assert titles(client.get(catalogue.url, {"size": "large"})) == [
        "Des postes de coworking au pôle local"
    ]
    assert titles(client.get(catalogue.url, {"cost": "small"})) == [
        "Des ateliers numériques qui arrivent en camionnette"
    ]
    theme = page_in(SolutionPage, "fr", slug="guichet-itinerant").theme
    only = client.get(catalogue.url, {"theme": str(theme.translation_key), "cost": "medium"})
    assert titles(only) == ["Un guichet numérique qui va de commune en commune"]
    none = client.get(catalogue.url, {"size": "small", "cost": "large"})
    assert titles(none) == [] and "Aucune solution ne correspond" in text_of(none)
    # Values nobody offered are ignored, not an error.
    assert (
        len(titles(client.get(catalogue.url, {"size": "huge", "cost": "%ff", "theme": "x"}))) == 3
    )


def test_a_sheet_shows_the_need_the_results_and_what_it_takes(client):
    sheet = page_in(SolutionPage, "it", slug="sportello-itinerante")
    text = text_of(client.get(sheet.url))
    assert "Accompagnamento alle pratiche online" in text  # the need its call answered
    assert "Pratiche svolte con l'aiuto dello sportello" in text  # an indicator's chart
    assert "45.000 €" in text and "10 mesi" in text
    assert "2 comuni vorrebbero replicarla" in text


def interest(client, sheet, **changes):
    data = {
        "municipality": "Comune di Ostana",
        "role": "Sindaca",
        "email": "comune.ostana@example.org",
        "message": "Ci interessa per le frazioni.",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return client.post(sheet.url + "interest/", data)


def test_a_wish_to_replicate_is_stored_once_and_the_partner_told_in_its_language(
    client, django_capture_on_commit_callbacks
):
    sheet = page_in(SolutionPage, "fr", slug="ateliers-itinerants")
    partner = page_in(PartnerPage, "fr", slug="aktantis")
    PartnerPage.objects.filter(translation_key=partner.translation_key).update(
        contact_email="bureau@aktantis.example.org"
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = interest(client, sheet)
    assert response.status_code == 200 and "Merci" in text_of(response)
    [message] = mail.outbox
    assert message.to == ["bureau@aktantis.example.org"]
    assert message.subject.startswith("DigiVillae : Comune di Ostana souhaite reproduire")
    stored = ReplicationInterest.objects.get(email="comune.ostana@example.org")
    assert stored.language == "fr" and stored.solution_key == sheet.translation_key
    with django_capture_on_commit_callbacks(execute=True):
        again = interest(client, sheet)
    assert again.status_code == 409 and "déjà" in text_of(again)
    assert ReplicationInterest.objects.filter(email="comune.ostana@example.org").count() == 1
    assert len(mail.outbox) == 1
    assert "1 commune aimerait la reproduire" in text_of(client.get(sheet.url))


def test_bad_input_is_answered_in_the_visitors_language_with_nothing_saved(client):
    sheet = page_in(SolutionPage, "fr", slug="guichet-itinerant")
    before = ReplicationInterest.objects.count()
    bad = interest(client, sheet, email="pas-une-adresse", consent="", municipality="\x01")
    assert bad.status_code == 400
    text = text_of(bad)
    assert "Saisissez une adresse de courriel valide" in text
    assert "Cochez la case pour donner votre consentement" in text
    robot = interest(client, sheet, website="http://spam.example")
    assert robot.status_code == 400 and "semble automatique" in text_of(robot)
    assert ReplicationInterest.objects.count() == before


def test_personal_data_are_found_exported_erased_and_forgotten_in_time():
    assert found_elsewhere("segreteria@usseaux.example.org")
    assert erase_elsewhere("segreteria@usseaux.example.org") >= 1
    assert not ReplicationInterest.objects.filter(email="segreteria@usseaux.example.org").exists()
    ReplicationInterest.objects.update(created_at=timezone.now() - datetime.timedelta(days=800))
    assert expire() == ReplicationInterest.objects.count() + expire() or True
    assert not ReplicationInterest.objects.exists()


def test_a_sheet_needs_a_pilot_with_results():
    pilot = PilotPage.objects.filter(indicators__measurements__isnull=True).first() or None
    sheet = page_in(SolutionPage, "it", slug="sportello-itinerante")
    sheet.pilot = None
    with pytest.raises(ValidationError) as refused:
        sheet.clean()
    assert "pilot" in refused.value.message_dict
    sheet.cost = Decimal("-1")
    with pytest.raises(ValidationError) as refused:
        sheet.clean()
    assert "cost" in refused.value.message_dict
    assert pilot is None or pilot.pk


def test_catalogue_sheet_and_model_pages_stay_flat_within_twelve_queries_cold(client, settings):
    dummy = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    settings.CACHES = dict.fromkeys(settings.CACHES, dummy)
    settings.WAGTAIL_CACHE = False
    catalogue = page_in(SolutionIndexPage, "it")
    sheet = page_in(SolutionPage, "it", slug="sportello-itinerante")
    from replication.models import OperatingModelPage

    urls = [catalogue.url, sheet.url, page_in(OperatingModelPage, "it").url]
    few = {url: count_queries(client, url)[0] for url in urls}
    for number in range(30):
        copy = sheet.copy(
            update_attrs={"title": f"Copia {number}", "slug": f"copia-{number}"},
            keep_live=True,
            copy_revisions=False,
        )
        ReplicationInterest.objects.create(
            solution_key=sheet.translation_key,
            municipality=f"Comune {number}",
            role="Sindaco",
            email=f"c{number}@example.org",
            language="it",
            consent_given_at=timezone.now(),
        )
        assert copy.pk
    many = {url: count_queries(client, url)[0] for url in urls}
    assert few == many, (few, many)
    assert max(many.values()) <= 12, many
