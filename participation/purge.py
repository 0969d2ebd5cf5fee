"""What a public write purges from the page cache: only the pages of the chain it belongs to.

A support, a proposal, a decision or a score shows on its call's pages (the call, its proposal
pages) and on the chain around it (needs register, pilots); an indicator value on its pilot and
that chain; a need or a theme on the needs register and the territory pages that count needs.
Every language version is purged (``core.page_cache.purge``).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from core.page_cache import enabled, purge
from pilots.models import IndicatorMeasurement, PilotPage, PilotTerritoryPage

from .challenges.models import CriterionScore, Evaluation, Proposal, ProposalDecision, Support
from .challenges.pages import CallNeed, ChallengeCallPage
from .needs.models import Need
from .needs.pages import NeedsIndexPage
from .surveys.models import Theme


def _registers_if(linked: bool) -> list:
    return list(NeedsIndexPage.objects.all()) if linked else []


def purge_call_chain(call_key) -> None:
    calls = list(ChallengeCallPage.objects.filter(translation_key=call_key))
    pilots = list(PilotPage.objects.filter(proposal__call__translation_key=call_key))
    needs_linked = CallNeed.objects.filter(page__translation_key=call_key).exists()
    purge(pages=calls + pilots + _registers_if(needs_linked))


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


def purge_proposal(sender, instance, **_kwargs) -> None:
    if not enabled():
        return
    proposal = _proposal_of(instance)
    if proposal is not None:
        purge_call_chain(proposal.call.translation_key)


def purge_measurement(sender, instance, **_kwargs) -> None:
    if not enabled():
        return
    pilot = PilotPage.objects.filter(indicators__pk=instance.indicator_id).first()
    if pilot is None:
        return
    proposal = Proposal.objects.filter(pk=pilot.proposal_id).select_related("call").first()
    if proposal is not None:
        purge_call_chain(proposal.call.translation_key)
    else:
        purge(pages=[pilot])


def purge_need(sender, instance, **_kwargs) -> None:
    if not enabled():
        return
    territories = [instance.territory] if getattr(instance, "territory_id", None) else []
    if isinstance(instance, Theme):
        territories = list(PilotTerritoryPage.objects.all())
    calls = list(
        ChallengeCallPage.objects.filter(
            call_needs__need__translation_key=getattr(instance, "translation_key", None)
        )
    )
    purge(pages=_registers_if(True) + calls, listings=territories)


def purge_chain_page(sender, instance, **_kwargs) -> None:
    """A pilot or call published or unpublished changes the chain shown on the others."""
    if not enabled():
        return
    page = instance.specific_deferred
    if isinstance(page, PilotPage) and page.proposal_id:
        proposal = Proposal.objects.filter(pk=page.proposal_id).select_related("call").first()
        if proposal is not None:
            purge_call_chain(proposal.call.translation_key)
    elif isinstance(page, ChallengeCallPage):
        purge_call_chain(page.translation_key)


def connect() -> None:
    for signal in (post_save, post_delete):
        for model in (Proposal, ProposalDecision, Support, Evaluation, CriterionScore):
            signal.connect(purge_proposal, sender=model, dispatch_uid=f"purge-{model.__name__}")
        signal.connect(purge_measurement, sender=IndicatorMeasurement, dispatch_uid="purge-value")
        for model in (Need, Theme):
            signal.connect(purge_need, sender=model, dispatch_uid=f"purge-{model.__name__}")
    for signal in (page_published, page_unpublished):
        signal.connect(purge_chain_page, dispatch_uid=f"purge-chain-{signal}")
