"""Challenge call pages: content, status from the dates in Italian time, translation rules."""

import datetime
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from participation.models import ChallengeCallPage, EvaluationCriterion, Need
from tests.conftest import page_in, text_of
from tests.participation.conftest import make_call

pytestmark = pytest.mark.django_db
ROME = zoneinfo.ZoneInfo("Europe/Rome")


def test_status_follows_the_dates_in_italian_time():
    call = ChallengeCallPage(
        opens_at=datetime.datetime(2026, 3, 2, 9, 0, tzinfo=ROME),
        questions_until=datetime.datetime(2026, 3, 20, 12, 0, tzinfo=ROME),
        # 31 March is summer time in Rome (UTC+2): 23:59 there is 21:59 UTC.
        submission_deadline=datetime.datetime(2026, 3, 31, 23, 59, tzinfo=ROME),
        evaluation_ends_at=datetime.datetime(2026, 5, 1, 12, 0, tzinfo=ROME),
    )
    utc = datetime.UTC
    assert call.status(datetime.datetime(2026, 3, 2, 7, 59, tzinfo=utc)) == "upcoming"
    assert call.status(datetime.datetime(2026, 3, 2, 8, 0, tzinfo=utc)) == "open"
    assert call.status(datetime.datetime(2026, 3, 31, 21, 58, tzinfo=utc)) == "open"
    assert call.status(datetime.datetime(2026, 3, 31, 21, 59, tzinfo=utc)) == "evaluation"
    assert call.status(datetime.datetime(2026, 5, 1, 9, 59, tzinfo=utc)) == "evaluation"
    assert call.status(datetime.datetime(2026, 5, 1, 10, 0, tzinfo=utc)) == "closed"


def test_dates_must_follow_the_order_of_the_call():
    call = make_call("open")
    call.submission_deadline = call.opens_at - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        call.full_clean()
    assert "questions_until" in error.value.message_dict or (
        "submission_deadline" in error.value.message_dict
    )


def test_call_page_shows_needs_timeline_criteria_and_questions(client):
    need = Need.objects.filter(locale__language_code="it").exclude(status="reported").first()
    call = make_call("open", needs=[need])
    call.questions.create(
        locale=call.locale,
        asked_on=datetime.date(2026, 1, 10),
        question="Possono partecipare le associazioni?",
        answer="Sì, se iscritte a un registro.",
    )
    call.save_revision().publish()
    response = client.get(call.url)
    text = text_of(response)
    assert response.status_code == 200
    for expected in (
        need.title,
        "Scadenza per le proposte",
        "Utilità",
        "60",
        "Possono partecipare le associazioni?",
        "Sì, se iscritte a un registro.",
        "Aperta alle proposte",
        "Invia una proposta",
    ):
        assert expected in text, expected
    soup = BeautifulSoup(response.content, "html.parser")
    need_link = soup.find("a", string=need.title)
    assert need_link and str(need.translation_key) in need_link["href"]
    assert client.get(need_link["href"]).status_code == 200


@pytest.mark.parametrize(
    ("state", "label", "has_submit"),
    [
        ("upcoming", "Apertura prossima", False),
        ("open", "Aperta alle proposte", True),
        ("evaluation", "In valutazione", False),
        ("closed", "Conclusa", False),
    ],
)
def test_status_label_and_submit_button(client, state, label, has_submit):
    call = make_call(state)
    soup = BeautifulSoup(client.get(call.url).content, "html.parser")
    assert soup.select_one(".badge").get_text(strip=True) == label
    assert bool(soup.find("a", string="Invia una proposta")) is has_submit


def test_weights_thresholds_and_dates_are_synchronised_across_translations():
    call = make_call("open")
    source, _created = TranslationSource.get_or_create_from_instance(call)
    synchronised = source.as_instance()
    assert [c.weight for c in synchronised.criteria.all()] == [60, 40]
    paths = {segment.context.path for segment in source.stringsegment_set.all()}
    assert any(path.startswith("criteria.") and path.endswith(".name") for path in paths)
    assert not any(path.endswith(".weight") or path.endswith(".minimum_score") for path in paths)
    assert not any("deadline" in path for path in paths)
    french = call.copy_for_translation(Locale.objects.get(language_code="fr"), alias=False)
    french.save_revision().publish()
    assert list(french.criteria.values_list("weight", flat=True)) == [60, 40]
    assert french.status() == call.status()


def test_criteria_are_translatable_children():
    assert issubclass(EvaluationCriterion, __import__("wagtail").models.TranslatableMixin)


def test_index_groups_calls_by_status(client):
    from participation.models import ChallengeIndexPage

    index = page_in(ChallengeIndexPage, "fr")
    soup = BeautifulSoup(client.get(index.url).content, "html.parser")
    headings = [h.get_text(strip=True) for h in soup.select("main h2")]
    assert "Ouvert aux propositions" in headings and "Clôturé" in headings
    assert soup.find("a", string="Défi : coworking dans les villages")
    assert soup.find("a", string="Défi : guichets numériques de proximité")
