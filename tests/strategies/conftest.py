"""Plans to test with: the demo's (Mont-Rose adopted twice, Fossanese in consultation, the Région
Sud adopted once, Liguria a draft), and plans built here with as many priorities as a test
needs."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import Page

from participation.models import ChallengeCallPage, Need
from pilots.models import PilotPage, PilotTerritoryPage
from strategies.models import StrategiesIndexPage, StrategyPage
from strategies.workflow import approvers_for
from tests.conftest import page_in


@pytest.fixture
def mont_rose(db) -> StrategyPage:
    return page_in(StrategyPage, "it", slug="mont-rose")


def plan_for(territory_slug: str, priorities: int, actions_each: int = 1, **fields):
    """A published plan (Italian) for a territory without one, each priority with the demo's
    needs, the demo's calls and pilot on every action."""
    index = page_in(StrategiesIndexPage, "it")
    territory = page_in(PilotTerritoryPage, "it", slug=territory_slug)
    StrategyPage.objects.filter(territory__translation_key=territory.translation_key).delete()
    needs = list(Need.objects.filter(locale=index.locale).values_list("pk", flat=True))
    calls = list(ChallengeCallPage.objects.filter(locale=index.locale).values_list("pk", flat=True))
    pilots = list(PilotPage.objects.filter(locale=index.locale).values_list("pk", flat=True))

    def listed(values):
        return [{"type": "item", "value": value} for value in values]

    stream = [
        {
            "type": "priority",
            "value": {
                "title": f"Priorità {number}",
                "why": "Perché sì.",
                "theme": None,
                "cited_result": "",
                "needs": listed(needs),
                "actions": listed(
                    {
                        "title": f"Azione {number}.{a}",
                        "lead_partner": None,
                        "lead_name": "Comune",
                        "starts_on": None,
                        "ends_on": None,
                        "status": "in_progress",
                        "dropped_reason": "",
                        "budget": "1000",
                        "calls": listed(calls),
                        "pilots": listed(pilots),
                    }
                    for a in range(actions_each)
                ),
            },
        }
        for number in range(priorities)
    ]
    plan = StrategyPage(
        title=f"Piano {territory_slug}",
        slug=f"piano-{territory_slug}-{priorities}",
        territory=territory,
        summary="Un piano di prova.",
        priorities=stream,
        **fields,
    )
    index.add_child(instance=plan)
    plan.save_revision().publish()
    return StrategyPage.objects.get(pk=plan.pk)


def person(username: str, *groups: str) -> User:
    user = User.objects.create_user(username, password="x-Secret-123")
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def approver_of(territory_slug: str, username: str) -> User:
    territory = page_in(PilotTerritoryPage, "it", slug=territory_slug)
    user = User.objects.create_user(username, password="x-Secret-123")
    user.groups.add(approvers_for(territory))
    return user


def live_versions(plan) -> list[Page]:
    return list(Page.objects.filter(translation_key=plan.translation_key, live=True))


TODAY = datetime.date(2026, 12, 6)
