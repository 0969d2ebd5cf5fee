"""Run inside the bench database's Django (manage.py shell): one URL per public page type, and
the SQL queries each costs uncached."""

import json

PAGE_TYPES = {
    "home": "home.HomePage",
    "standard": "home.StandardPage",
    "news_index": "news.NewsIndexPage",
    "news": "news.NewsPage",
    "event_index": "events.EventIndexPage",
    "event": "events.EventPage",
    "partner_index": "partners.PartnerIndexPage",
    "partner": "partners.PartnerPage",
    "territory_index": "pilots.PilotTerritoryIndexPage",
    "territory": "pilots.PilotTerritoryPage",
    "pilot": "pilots.PilotPage",
    "survey_index": "participation.SurveyIndexPage",
    "survey": "participation.SurveyPage",
    "needs_register": "participation.NeedsIndexPage",
    "challenge_index": "participation.ChallengeIndexPage",
    "strategies_index": "strategies.StrategiesIndexPage",
    "strategy": "strategies.StrategyPage",
    "solutions_index": "replication.SolutionIndexPage",
    "solution": "replication.SolutionPage",
    "operating_model": "replication.OperatingModelPage",
}


def page_urls() -> dict:
    from django.apps import apps

    from participation.models import ChallengeCallPage, Need, NeedsIndexPage, Proposal

    urls = {}
    for name, label in PAGE_TYPES.items():
        page = (
            apps.get_model(label)
            .objects.live()
            .filter(locale__language_code="it", alias_of__isnull=True)
            .order_by("path")
            .first()
        )
        if page is not None:
            urls[name] = page.url
    register = NeedsIndexPage.objects.get(locale__language_code="it")
    need = Need.objects.filter(locale__language_code="it").exclude(status="reported").first()
    urls["need"] = register.url + f"{need.translation_key}/"
    proposal = Proposal.objects.public().first()
    call = ChallengeCallPage.objects.get(pk=proposal.call_id)
    urls["call"] = call.url
    urls["proposal"] = call.url + f"proposals/{proposal.reference}/"
    print("URLS " + json.dumps(urls))  # noqa: T201
    return urls


def count_queries(urls: dict) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for name, url in urls.items():
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            status = client.get(url).status_code
        counts[name] = len(context.captured_queries) if status == 200 else -status
    print("QUERIES " + json.dumps(counts))  # noqa: T201
    return counts
