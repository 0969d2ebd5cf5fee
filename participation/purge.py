"""What a public write purges from the page cache: only the pages of the chain it belongs to.

A support, a proposal, a decision or a score shows on its call's pages (the call, its proposal
pages) and on the chain around it (needs register, pilots); an indicator value on its pilot and
that chain; a need or a theme on the needs register and the territory pages that count needs;
a territory's title and its local hubs' names on the needs register.
Every language version is purged (``core.page_cache.purge``).
"""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from core.page_cache import purge, when_enabled
from pilots.models import IndicatorMeasurement, LocalHub, PilotPage, PilotTerritoryPage

from .challenges.models import CriterionScore, Evaluation, Proposal, ProposalDecision, Support
from .challenges.pages import CallNeed, ChallengeCallPage
from .needs.models import Need
from .needs.pages import NeedsIndexPage
from .surveys.models import Theme


def purge_call_chain(call_key) -> None:
    calls = list(ChallengeCallPage.objects.filter(translation_key=call_key))
    pilots = list(PilotPage.objects.filter(proposal__call__translation_key=call_key))
    registers = []
    if CallNeed.objects.filter(page__translation_key=call_key).exists():
        registers = list(NeedsIndexPage.objects.all())
    purge(pages=calls + pilots + registers)


def purge_pilot_chain(pilot: PilotPage) -> None:
    """A pilot from a selected proposal shows in its call's chain; otherwise only on its own."""
    proposal = Proposal.objects.filter(pk=pilot.proposal_id).select_related("call").first()
    if proposal is not None:
        purge_call_chain(proposal.call.translation_key)
    else:
        purge(pages=[pilot])


def _proposal_of(instance) -> Proposal | None:
    if isinstance(instance, Proposal):
        return instance
    if isinstance(instance, ProposalDecision | Support | Evaluation):
        return Proposal.objects.filter(pk=instance.proposal_id).select_related("call").first()
    if isinstance(instance, CriterionScore):
        return (
            Proposal.objects.filter(evaluations__pk=instance.evaluation_id)
            .select_related("call")
            .first()
        )
    return None


@when_enabled
def purge_proposal(sender, instance, **_kwargs) -> None:
    proposal = _proposal_of(instance)
    if proposal is not None:
        purge_call_chain(proposal.call.translation_key)


@when_enabled
def purge_measurement(sender, instance, **_kwargs) -> None:
    pilot = PilotPage.objects.filter(indicators__pk=instance.indicator_id).first()
    if pilot is not None:
        purge_pilot_chain(pilot)


@when_enabled
def purge_need(sender, instance, **_kwargs) -> None:
    """The register, the calls that answer the need, and its territory's count of needs."""
    calls = list(
        ChallengeCallPage.objects.filter(call_needs__need__translation_key=instance.translation_key)
    )
    territories = [instance.territory] if instance.territory_id else []
    purge(pages=list(NeedsIndexPage.objects.all()) + calls, listings=territories)


@when_enabled
def purge_theme(sender, instance, **_kwargs) -> None:
    """A theme's name shows in the register's filters and needs."""
    purge(pages=list(NeedsIndexPage.objects.all()))


@when_enabled
def purge_chain_page(sender, instance, **_kwargs) -> None:
    """A pilot or call published or unpublished changes the chain shown on the others; a
    territory's title and its hubs' names show on the register's needs."""
    page = instance.specific_deferred
    if isinstance(page, PilotPage) and page.proposal_id:
        purge_pilot_chain(page)
    elif isinstance(page, ChallengeCallPage):
        purge_call_chain(page.translation_key)
    elif isinstance(page, PilotTerritoryPage) and needs_name(page):
        purge(pages=list(NeedsIndexPage.objects.all()))


def needs_name(territory: PilotTerritoryPage) -> bool:
    """Whether a need names this territory or one of its hubs."""
    hubs = LocalHub.objects.filter(page__translation_key=territory.translation_key)
    return Need.objects.filter(
        Q(territory__translation_key=territory.translation_key)
        | Q(hub_key__in=hubs.values("translation_key"))
    ).exists()


def connect() -> None:
    for signal in (post_save, post_delete):
        for model in (Proposal, ProposalDecision, Support, Evaluation, CriterionScore):
            signal.connect(purge_proposal, sender=model, dispatch_uid=f"purge-{model.__name__}")
        signal.connect(purge_measurement, sender=IndicatorMeasurement, dispatch_uid="purge-value")
        signal.connect(purge_need, sender=Need, dispatch_uid="purge-need")
        signal.connect(purge_theme, sender=Theme, dispatch_uid="purge-theme")
    for signal in (page_published, page_unpublished):
        signal.connect(purge_chain_page, dispatch_uid=f"purge-chain-{signal}")
