"""Digests: at most one e-mail per chosen period (a day or a week) of what changed in what a
follower follows, never one e-mail per change, and none when nothing changed.

What counts as a change since the last digest (or since confirming), in the follower's language:
- news and events first published (the project's news and events, or those of a followed
  territory);
- a challenge call that opens or closes in the next 7 days (announced once, when it comes
  within 7 days);
- a survey whose results became public;
- new indicator values of a pilot in a followed territory;
- a followed territory's plan newly adopted, or an action of it whose status changed.

A digest is claimed before it is sent (``last_digest_at`` moves first, in one conditional
UPDATE): two runs at once, or a run after a crash, never send the same period twice. A mail
server that is down delays the message (core.mail) without losing it.
"""

import datetime

from django.db.models import Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from core.mail import absolute_url, deliver_or_queue_again
from events.models import EventPage
from news.models import NewsPage
from participation.challenges.pages import ChallengeCallPage
from participation.surveys.pages import SurveyPage
from pilots.models import IndicatorMeasurement, PilotTerritoryPage
from strategies import news as strategy_news
from subscriptions.links import leave_url, manage_url
from subscriptions.models import Period, Subscriber, Topic
from subscriptions.tasks import list_unsubscribe_headers

from .email import build_message, render_email

PERIODS = {Period.DAILY: datetime.timedelta(days=1), Period.WEEKLY: datetime.timedelta(days=7)}
SOON = datetime.timedelta(days=7)


def due_subscribers(now):
    """Confirmed followers whose period has passed since their last digest (or confirmation)."""
    due = Q()
    for period, length in PERIODS.items():
        due |= Q(digest_period=period) & (
            Q(last_digest_at__lte=now - length)
            | Q(last_digest_at__isnull=True, confirmed_at__lte=now - length)
        )
    return Subscriber.objects.filter(
        due, confirmed_at__isnull=False, stopped_at__isnull=True
    ).prefetch_related("follows")


def entry(page, note="") -> dict:
    return {"text": page.title, "url": absolute_url(page.get_url()), "note": note}


def local_date(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")


def sections_for(subscriber: Subscriber, since, now) -> list[dict]:
    """The digest's sections for this follower, in their language (active when called)."""
    topics = {follow.topic for follow in subscriber.follows.all()}
    territories = [f.territory_key for f in subscriber.follows.all() if f.territory_key]
    language = subscriber.language
    sections = []

    def published(model, topic):
        """Pages first published in the period: all of them for the topic's followers, those
        linked to a followed territory for the others."""
        if topic not in topics and not territories:
            return []
        pages = model.objects.live().filter(
            locale__language_code=language,
            first_published_at__gt=since,
            first_published_at__lte=now,
        )
        if topic not in topics:
            pages = pages.filter(territory_links__territory__translation_key__in=territories)
        return list(pages.distinct().order_by("first_published_at", "pk"))

    news = published(NewsPage, Topic.NEWS)
    if news:
        sections.append({"title": _("News"), "entries": [entry(page) for page in news]})
    events = published(EventPage, Topic.EVENTS)
    if events:
        sections.append(
            {
                "title": _("Events"),
                "entries": [
                    entry(page, local_date(page.start)) for page in events if page.end >= now
                ],
            }
        )
    if Topic.CALLS in topics:
        calls = ChallengeCallPage.objects.live().filter(locale__language_code=language)
        opening = calls.filter(opens_at__gt=since + SOON, opens_at__lte=now + SOON)
        closing = calls.filter(
            submission_deadline__gt=since + SOON, submission_deadline__lte=now + SOON
        ).filter(submission_deadline__gt=now)
        entries = [
            entry(call, _("opens on %(date)s") % {"date": local_date(call.opens_at)})
            for call in opening.order_by("opens_at", "pk")
        ] + [
            entry(call, _("closes on %(date)s") % {"date": local_date(call.submission_deadline)})
            for call in closing.order_by("submission_deadline", "pk")
        ]
        if entries:
            sections.append({"title": _("Challenge calls"), "entries": entries})
    if Topic.SURVEYS in topics:
        surveys = SurveyPage.objects.live().filter(
            locale__language_code=language, results_published=True, closes_at__lte=now
        )
        fresh = [
            survey
            for survey in surveys.filter(
                Q(results_published_at__gt=since) | Q(closes_at__gt=since)
            ).order_by("closes_at", "pk")
            if since < survey.results_visible_since() <= now
        ]
        if fresh:
            sections.append(
                {"title": _("Survey results"), "entries": [entry(s, "") for s in fresh]}
            )
    if territories:
        sections.append(pilot_results(territories, language, since, now))
        sections.append(
            {
                "title": _("Local strategies"),
                "entries": [
                    entry(plan, note)
                    for plan, note in strategy_news.changes_for(territories, language, since, now)
                ],
            }
        )
    return [section for section in sections if section["entries"]]


def pilot_results(territories, language, since, now) -> dict:
    """New indicator values of the pilots under the followed territories, one line per pilot."""
    paths = PilotTerritoryPage.objects.filter(
        translation_key__in=territories, locale__language_code=language
    ).values_list("path", flat=True)
    under = Q(pk__in=[])
    for path in paths:
        under |= Q(indicator__page__path__startswith=path)
    values = (
        IndicatorMeasurement.objects.filter(
            under,
            recorded_at__gt=since,
            recorded_at__lte=now,
            indicator__page__live=True,
            indicator__page__locale__language_code=language,
        )
        .select_related("indicator__page")
        .order_by("recorded_at", "pk")
    )
    pilots = {}
    for value in values:
        pilots.setdefault(value.indicator.page_id, (value.indicator.page, []))[1].append(value)
    entries = [
        entry(
            pilot,
            "; ".join(
                f"{v.indicator.name}: {formats.number_format(v.value)} {v.indicator.unit}"
                for v in measured
            ),
        )
        for pilot, measured in pilots.values()
    ]
    return {"title": _("Pilot results"), "entries": entries}


def send_digests(now=None) -> int:
    """One digest per due follower with something new; returns how many were queued."""
    now = now or timezone.now()
    queued = 0
    for subscriber in due_subscribers(now):
        since = subscriber.last_digest_at or subscriber.confirmed_at
        with translation.override(subscriber.language):
            sections = sections_for(subscriber, since, now)
        claimed = Subscriber.objects.filter(
            pk=subscriber.pk, last_digest_at=subscriber.last_digest_at
        ).update(last_digest_at=now)
        if claimed and sections:
            send_digest.enqueue(subscriber.pk, since.isoformat(), now.isoformat())
            queued += 1
    return queued


@task()
def send_digest(subscriber_id: int, since: str, until: str, attempt: int = 0):
    subscriber = Subscriber.objects.filter(pk=subscriber_id).prefetch_related("follows").first()
    if subscriber is None or not subscriber.receives_mail:
        return False
    since_at = datetime.datetime.fromisoformat(since)
    until_at = datetime.datetime.fromisoformat(until)
    with translation.override(subscriber.language):
        sections = sections_for(subscriber, since_at, until_at)
        subject = _("DigiVillae: what changed since %(date)s") % {"date": local_date(since_at)}
    if not sections:
        return False
    leave = leave_url(subscriber)
    context = {
        "subject": subject,
        "preheader": ", ".join(section["title"] for section in sections),
        "items": [{"kind": "section", **section} for section in sections],
        "leave_url": leave,
        "manage_url": manage_url(subscriber),
    }
    html, text = render_email(context, subscriber.language)
    message = build_message(
        subject, html, text, subscriber.email, headers=list_unsubscribe_headers(leave)
    )
    return deliver_or_queue_again(
        message, task=send_digest, attempt=attempt, args=(subscriber_id, since, until)
    )
