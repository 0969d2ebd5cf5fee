"""What a change elsewhere purges of the replication pages, in every language: a solution sheet
when its pilot (or the pilot's measured values, or the needs its call answers) changes; the
operating model page when anything it counts changes (a need, a plan, a call, a proposal, a
pilot, a solution)."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from core.page_cache import purge, when_enabled
from participation.challenges.models import Proposal
from participation.challenges.pages import CallNeed, ChallengeCallPage
from participation.needs.models import Need
from pilots.models import IndicatorMeasurement, PilotPage
from strategies.models import StrategyPage

from .operating_model import OperatingModelPage
from .solutions.pages import SolutionPage

COUNTED = (StrategyPage, ChallengeCallPage, PilotPage, SolutionPage)


def sheets_of_pilots(pilot_keys) -> list[SolutionPage]:
    return list(SolutionPage.objects.filter(pilot__translation_key__in=list(pilot_keys)))


def model_pages() -> list[OperatingModelPage]:
    return list(OperatingModelPage.objects.all())


@when_enabled
def purge_for_page(sender, instance, **kwargs) -> None:
    page = instance.specific_deferred
    if isinstance(page, PilotPage):
        purge(pages=sheets_of_pilots([page.translation_key]))
    if isinstance(page, COUNTED):
        purge(listings=model_pages())


@when_enabled
def purge_for_measurement(sender, instance, **kwargs) -> None:
    keys = PilotPage.objects.filter(indicators__pk=instance.indicator_id).values_list(
        "translation_key", flat=True
    )
    purge(pages=sheets_of_pilots(keys))


@when_enabled
def purge_for_need(sender, instance, **kwargs) -> None:
    calls = CallNeed.objects.filter(need__translation_key=instance.translation_key).values(
        "page__translation_key"
    )
    pilots = PilotPage.objects.filter(proposal__call__translation_key__in=calls).values_list(
        "translation_key", flat=True
    )
    purge(pages=sheets_of_pilots(pilots), listings=model_pages())


@when_enabled
def purge_for_proposal(sender, instance, **kwargs) -> None:
    purge(listings=model_pages())


def connect() -> None:
    for signal in (page_published, page_unpublished):
        signal.connect(purge_for_page, dispatch_uid=f"replication-page-{signal}")
    for signal in (post_save, post_delete):
        signal.connect(
            purge_for_measurement,
            sender=IndicatorMeasurement,
            dispatch_uid=f"replication-value-{signal}",
        )
        signal.connect(purge_for_need, sender=Need, dispatch_uid=f"replication-need-{signal}")
        signal.connect(
            purge_for_proposal, sender=Proposal, dispatch_uid=f"replication-proposal-{signal}"
        )
