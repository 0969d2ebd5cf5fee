"""Digests: at most one e-mail per chosen period, gathering every change in what a follower
follows (never one e-mail per change), none when nothing changed, in the follower's language."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Page

from news.models import NewsPage, NewsTerritoryLink
from outreach.digests import send_digests
from participation.challenges.pages import ChallengeCallPage
from participation.surveys.pages import SurveyPage
from pilots.models import Indicator, IndicatorMeasurement, PilotTerritoryPage
from subscriptions.models import Subscriber
from subscriptions.services import replace_follows
from tests.conftest import page_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def lea(db):
    """A French follower of the Mont-Rose territory and of the calls, weekly, confirmed a
    week ago; the demo's followers are set aside."""
    Subscriber.objects.all().delete()
    now = timezone.now()
    # The demo was published when the test database was built: it is old news here.
    month_ago = now - datetime.timedelta(days=30)
    Page.objects.update(first_published_at=month_ago)
    IndicatorMeasurement.objects.update(recorded_at=month_ago)
    subscriber = Subscriber.objects.create(
        email="lea@example.org",
        language="fr",
        confirmed_at=now - datetime.timedelta(days=7, hours=1),
        last_digest_at=now - datetime.timedelta(days=7, hours=1),
    )
    mont_rose = page_in(PilotTerritoryPage, "fr", slug="mont-rose")
    replace_follows(subscriber, ["calls"], [mont_rose.translation_key])
    return subscriber


def publish_news_about(territory_slug: str, title: str) -> NewsPage:
    news = page_in(NewsPage, "fr", slug="lancement-turin")
    copy = news.copy(
        update_attrs={"title": title, "slug": title.lower().replace(" ", "-")},
        keep_live=True,
        copy_revisions=False,
    ).specific
    NewsTerritoryLink.objects.filter(page=copy).delete()
    territory = page_in(PilotTerritoryPage, "fr", slug=territory_slug)
    NewsTerritoryLink.objects.create(page=copy, territory=territory)
    NewsPage.objects.filter(pk=copy.pk).update(first_published_at=timezone.now())
    return copy


def test_two_changes_make_one_digest_then_nothing_until_something_changes(
    lea, django_capture_on_commit_callbacks
):
    send_digests(now=lea.last_digest_at + datetime.timedelta(minutes=1))  # not due yet
    Subscriber.objects.filter(pk=lea.pk).update(
        last_digest_at=timezone.now() - datetime.timedelta(days=7, minutes=5)
    )
    # Two changes: news about Mont-Rose, and a new indicator value of a pilot there.
    publish_news_about("mont-rose", "Un atelier à Pont-Saint-Martin")
    publish_news_about("fossanese", "Une nouvelle de Fossano")  # not followed
    indicator = Indicator.objects.filter(
        page__locale__language_code="fr",
        page__path__startswith=page_in(PilotTerritoryPage, "fr", slug="mont-rose").path,
    ).first()
    if indicator is not None:
        IndicatorMeasurement.objects.create(
            indicator=indicator, measured_on=datetime.date(2026, 11, 20), value=42
        )
    mail.outbox.clear()
    assert send_digests() == 1
    [digest] = mail.outbox
    assert digest.to == ["lea@example.org"]
    assert digest.subject.startswith("DigiVillae : ce qui a changé depuis")
    assert "Un atelier à Pont-Saint-Martin" in digest.body, digest.body
    assert "Une nouvelle de Fossano" not in digest.body
    if indicator is not None:
        assert "42" in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = digest.alternatives[0][0]
    assert '<html lang="fr">' in html and "Un atelier à Pont-Saint-Martin" in html

    # Straight after: not due; a week later with nothing new: still no e-mail.
    assert send_digests() == 0
    assert send_digests(now=timezone.now() + datetime.timedelta(days=8)) == 0
    assert len(mail.outbox) == 1


def test_a_call_closing_within_seven_days_is_announced_once(lea):
    Subscriber.objects.filter(pk=lea.pk).update(
        digest_period="daily", last_digest_at=timezone.now() - datetime.timedelta(days=1, hours=1)
    )
    call = ChallengeCallPage.objects.live().filter(locale__language_code="fr").first()
    ChallengeCallPage.objects.filter(translation_key=call.translation_key).update(
        submission_deadline=timezone.now() + datetime.timedelta(days=6, hours=12)
    )
    mail.outbox.clear()
    assert send_digests() == 1
    assert call.title in mail.outbox[0].body and "clôture le" in mail.outbox[0].body
    assert send_digests(now=timezone.now() + datetime.timedelta(days=1, hours=1)) == 0


def test_a_stopped_or_unconfirmed_address_gets_no_digest(lea):
    Subscriber.objects.filter(pk=lea.pk).update(stopped_at=timezone.now())
    publish_news_about("mont-rose", "Encore une nouvelle")
    Subscriber.objects.filter(pk=lea.pk).update(
        last_digest_at=timezone.now() - datetime.timedelta(days=8)
    )
    assert send_digests() == 0
    assert not mail.outbox


def test_survey_results_made_public_are_announced_once(lea):
    """Followers of the surveys hear of results once they are public (the survey closed and
    its results published), in their language."""
    Subscriber.objects.filter(pk=lea.pk).update(
        digest_period="daily", last_digest_at=timezone.now() - datetime.timedelta(days=1, hours=1)
    )
    replace_follows(lea, ["surveys"], [])
    survey = SurveyPage.objects.live().filter(locale__language_code="fr").first()
    closed = timezone.now() - datetime.timedelta(hours=3)
    SurveyPage.objects.filter(pk=survey.pk).update(
        opens_at=closed - datetime.timedelta(days=30),
        closes_at=closed,
        results_published=True,
        results_published_at=closed - datetime.timedelta(days=2),
    )
    mail.outbox.clear()
    assert send_digests() == 1
    assert "Résultats des enquêtes" in mail.outbox[0].body or survey.title in mail.outbox[0].body
    assert survey.title in mail.outbox[0].body
    assert send_digests(now=timezone.now() + datetime.timedelta(days=1, hours=1)) == 0
