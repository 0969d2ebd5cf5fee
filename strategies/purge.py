"""What a change elsewhere purges of the plans: exactly the plans that show it — found through
Wagtail's reference index (what each plan links), in every language — and the overview when a
theme's or a territory's name changes. A plan's own publication purges itself, the overview and
its territory's page (``StrategyPage.pages_showing_me``, through ``core.page_cache``)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_unpublished

from core.page_cache import purge, when_enabled
from participation.challenges.models import Proposal, Support
from participation.needs.models import Need
from participation.surveys.models import SurveySubmission, Theme
from pilots.models import IndicatorMeasurement, PilotTerritoryPage

from .pages import StrategiesIndexPage, StrategyPage


def plans_linking(model, translation_keys) -> list[StrategyPage]:
    """The plans whose content links any language version of these items."""
    targets = model.objects.filter(translation_key__in=list(translation_keys)).values_list(
        "pk", flat=True
    )
    base = Page if issubclass(model, Page) else model
    sources = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(base),
        to_object_id__in=[str(pk) for pk in targets],
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    return list(StrategyPage.objects.filter(pk__in=[int(pk) for pk in sources]))


@when_enabled
def purge_for_need(sender, instance, **kwargs) -> None:
    purge(pages=plans_linking(Need, [instance.translation_key]))


@when_enabled
def purge_for_need_answers(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_") and isinstance(instance, Need):
        purge(pages=plans_linking(Need, [instance.translation_key]))


@when_enabled
def purge_for_theme(sender, instance, **kwargs) -> None:
    plans = plans_linking(Theme, [instance.translation_key])
    purge(pages=plans, listings=list(StrategiesIndexPage.objects.all()) if plans else [])


@when_enabled
def purge_for_page(sender, instance, **kwargs) -> None:
    """A call, pilot, partner, event or survey published or unpublished; a territory renamed."""
    page = instance.specific_deferred
    if isinstance(page, StrategyPage):
        return  # its own publication: core.page_cache
    if isinstance(page, PilotTerritoryPage):
        plans = list(StrategyPage.objects.filter(territory__translation_key=page.translation_key))
        purge(pages=plans, listings=list(StrategiesIndexPage.objects.all()) if plans else [])
        return
    purge(pages=plans_linking(Page, [page.translation_key]))


def _call_key_of(instance):
    proposal_id = instance.pk if isinstance(instance, Proposal) else instance.proposal_id
    return (
        Proposal.objects.filter(pk=proposal_id).values_list("call__translation_key", flat=True)
    ).first()


@when_enabled
def purge_for_support(sender, instance, **kwargs) -> None:
    """A confirmed support counts behind the priorities whose actions the call carries out."""
    key = _call_key_of(instance)
    if key is not None:
        purge(pages=plans_linking(Page, [key]))


@when_enabled
def purge_for_measurement(sender, instance, **kwargs) -> None:
    key = (
        Page.objects.filter(pilotpage__indicators__pk=instance.indicator_id)
        .values_list("translation_key", flat=True)
        .first()
    )
    if key is not None:
        purge(pages=plans_linking(Page, [key]))


@when_enabled
def purge_for_answer(sender, instance, **kwargs) -> None:
    """An answer counts in a cited survey's published results (one entered at a hub after the
    survey closed), and behind the needs it was turned into."""
    closed = Page.objects.filter(pk=instance.page_id, surveypage__closes_at__lte=timezone.now())
    key = closed.values_list("translation_key", flat=True).first()
    if key is not None:  # while a survey is open its results are not public: nothing shows
        purge(pages=plans_linking(Page, [key]))


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(purge_for_need, sender=Need, dispatch_uid=f"plans-need-{signal}")
        signal.connect(purge_for_theme, sender=Theme, dispatch_uid=f"plans-theme-{signal}")
        signal.connect(purge_for_support, sender=Support, dispatch_uid=f"plans-support-{signal}")
        signal.connect(purge_for_support, sender=Proposal, dispatch_uid=f"plans-proposal-{signal}")
        signal.connect(
            purge_for_measurement,
            sender=IndicatorMeasurement,
            dispatch_uid=f"plans-value-{signal}",
        )
        signal.connect(
            purge_for_answer, sender=SurveySubmission, dispatch_uid=f"plans-answer-{signal}"
        )
    m2m_changed.connect(
        purge_for_need_answers,
        sender=Need.source_answers.through,
        dispatch_uid="plans-need-answers",
    )
    for signal in (page_published, page_unpublished):
        signal.connect(purge_for_page, dispatch_uid=f"plans-page-{signal}")
