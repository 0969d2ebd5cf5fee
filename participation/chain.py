"""The traceability chain need → challenge call → proposal → pilot → results.

Every page of the chain shows the whole chain it belongs to, in the reader's language. Links
are stored once, against whichever language version an editor chose, so the chain is followed
by translation keys and each item is then shown in the reader's language (or, for a page not
translated yet, in its source language, labelled as such). The number of queries is fixed: one
per kind of item, whatever the length of the chain.
"""

from dataclasses import dataclass, field

from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.routing import frame_of
from pilots.charts import latest_by_indicator
from pilots.models import Indicator, IndicatorMeasurement, PilotPage

from .challenges.models import Proposal
from .challenges.pages import CallNeed, ChallengeCallPage
from .needs.models import Need
from .needs.pages import NeedsIndexPage

STAGES = ("need", "call", "proposal", "pilot", "result")
# A call may have hundreds of public proposals: the chain names the first ones (selected
# first) and says how many more there are, with a link to the call's full list.
PROPOSALS_SHOWN = 8


@dataclass
class TraceItem:
    title: str
    url: str = ""
    meta: str = ""
    language: str = ""  # set when the text is not in the reader's language
    current: bool = False


@dataclass
class TraceStage:
    key: str
    label: str
    empty_text: str
    items: list[TraceItem] = field(default_factory=list)
    more: int = 0  # items left out of a long stage
    more_url: str = ""  # where the whole list is


def _stages() -> dict[str, TraceStage]:
    return {
        "need": TraceStage("need", _("Local need"), _("No need from the register is linked.")),
        "call": TraceStage("call", _("Challenge call"), _("No challenge call answers it yet.")),
        "proposal": TraceStage(
            "proposal", _("Proposed solution"), _("No proposal has been shortlisted yet.")
        ),
        "pilot": TraceStage("pilot", _("Pilot"), _("No pilot has started yet.")),
        "result": TraceStage("result", _("Results"), _("No result has been measured yet.")),
    }


def pick_versions(queryset, keys, locale: Locale) -> dict:
    """For each translation key, the version to show a reader of ``locale``: its translation,
    else its placeholder alias, else the source. One query (``keys`` None: the queryset is
    already filtered)."""
    ranked: dict = {}
    for item in queryset if keys is None else queryset.filter(translation_key__in=keys):
        if item.locale_id == locale.pk:
            rank = 0 if getattr(item, "alias_of_id", None) is None else 1
        else:
            rank = 2 if getattr(item, "alias_of_id", None) is None else 3
        best = ranked.get(item.translation_key)
        if best is None or rank < best[0]:
            ranked[item.translation_key] = (rank, item)
    return {key: item for key, (_rank, item) in ranked.items()}


def _foreign(item, locale: Locale) -> str:
    code = item.locale.language_code
    return code if code != locale.language_code else ""


class ChainBuilder:
    def __init__(self, request, locale: Locale, current: tuple[str, object], page=None):
        self.request = request
        self.locale = locale
        self.current = current
        self.page = page  # the page being shown: what it holds is not read again

    def build(
        self,
        *,
        need_keys=(),
        call_keys=(),
        proposal_ids=(),
        pilot_keys=(),
        downstream=True,
        latest_values=None,
        proposals=None,
        calls=None,
        pilots=None,
    ) -> list[TraceStage]:
        """``latest_values`` — (indicator, measurement) pairs a pilot page has already loaded
        for its charts — and ``proposals`` — the public proposals a call page has already
        loaded, with their call — and ``calls`` and ``pilots`` — {translation key: page}
        already in hand — save fetching them again."""
        need_keys, call_keys = set(need_keys), set(call_keys)
        proposal_ids, pilot_keys = set(proposal_ids), set(pilot_keys)
        # Pages as the chain shows them: title, address, dates; never their bodies.
        live_pilots = PilotPage.objects.live().defer_streamfields().select_related("locale")
        # Keys found from other keys are, where nothing else depends on them, a subquery of
        # the query that reads their items (``needs_from``, ``pilots_from``): one query less.
        needs_from = pilots_from = None

        # Upstream: a pilot comes from a proposal, a proposal from a call, a call from needs.
        if pilot_keys:
            origins = set(
                live_pilots.filter(
                    translation_key__in=pilot_keys, proposal__isnull=False
                ).values_list("proposal_id", "proposal__call__translation_key")
            )
            proposal_ids |= {proposal_id for proposal_id, _key in origins}
            call_keys |= {call_key for _id, call_key in origins}
        elif proposal_ids and not call_keys:
            call_keys |= set(
                Proposal.objects.filter(pk__in=proposal_ids).values_list(
                    "call__translation_key", flat=True
                )
            )
        if call_keys:
            needs_from = CallNeed.objects.filter(page__translation_key__in=call_keys).values(
                "need__translation_key"
            )
        # Downstream: what came of it.
        if downstream:
            if need_keys and not call_keys:
                call_keys |= set(
                    CallNeed.objects.filter(
                        need__translation_key__in=need_keys, page__live=True
                    ).values_list("page__translation_key", flat=True)
                )
            if proposals is not None:
                proposal_ids = {proposal.pk for proposal in proposals}
            elif call_keys and not proposal_ids:
                # Read once, below, with the call's key instead of the call.
                proposals = list(
                    Proposal.objects.public()
                    .filter(call__translation_key__in=call_keys)
                    .annotate(call_key=F("call__translation_key"))
                    .listed()
                )
                proposal_ids = {proposal.pk for proposal in proposals}
            if proposal_ids and not pilot_keys:
                pilots_from = live_pilots.filter(proposal_id__in=proposal_ids).values(
                    "translation_key"
                )

        stages = _stages()
        locale = self.locale
        if need_keys or needs_from is not None:
            public_needs = (
                Need.objects.filter(live=True)
                .exclude(status=Need.Status.REPORTED)
                .select_related("locale")
                .annotate(territory_title=F("territory__title"))
            )
            wanted = Q(translation_key__in=need_keys)
            if needs_from is not None:
                wanted |= Q(translation_key__in=needs_from)
            needs = pick_versions(public_needs.filter(wanted), None, locale)
            register_url = self.register_url()
            for need in sorted(needs.values(), key=lambda n: n.title):
                url = ""
                if register_url is not None:
                    url = register_url + NeedsIndexPage.get_resolver().reverse(
                        "need_detail", need.translation_key
                    )
                meta = need.get_status_display()
                if need.territory_title:
                    meta = f"{need.territory_title} · {meta}"
                stages["need"].items.append(
                    TraceItem(
                        need.title,
                        url,
                        meta,
                        _foreign(need, locale),
                        self.current == ("need", need.translation_key),
                    )
                )
        if calls is None or set(calls) != call_keys:
            calls = {}
            if call_keys:
                calls = pick_versions(
                    ChallengeCallPage.objects.live().defer_streamfields().select_related("locale"),
                    call_keys,
                    locale,
                )
        if call_keys:
            for call in sorted(calls.values(), key=lambda c: c.opens_at):
                stages["call"].items.append(
                    TraceItem(
                        call.title,
                        call.get_url(self.request),
                        _("%(status)s · deadline %(date)s")
                        % {
                            "status": call.status_label(),
                            "date": date_format(
                                timezone.localtime(call.submission_deadline), "DATE_FORMAT"
                            ),
                        },
                        _foreign(call, locale),
                        self.current == ("call", call.translation_key),
                    )
                )
        if proposal_ids:
            if proposals is None:
                # The call's key, not the call: a page row is heavy (its body is parsed).
                proposals = (
                    Proposal.objects.public()
                    .filter(pk__in=proposal_ids)
                    .annotate(call_key=F("call__translation_key"))
                    .listed()
                )
            ranked = sorted(
                proposals,
                key=lambda p: (
                    self.current != ("proposal", p.pk),
                    p.status != "selected",
                    p.reference,
                ),
            )
            shown = sorted(
                ranked[:PROPOSALS_SHOWN], key=lambda p: (p.status != "selected", p.reference)
            )
            call_urls: dict = {}
            for proposal in shown:
                call_key = getattr(proposal, "call_key", None) or proposal.call.translation_key
                call = calls.get(call_key) or proposal.call
                if call.pk not in call_urls:
                    call_urls[call.pk] = call.get_url(self.request) or ""
                url = call_urls[call.pk] + call.reverse_subpage(
                    "proposal_detail", args=[proposal.reference]
                )
                stages["proposal"].items.append(
                    TraceItem(
                        proposal.title,
                        url,
                        f"{proposal.organisation_name} · {proposal.get_status_display()}",
                        proposal.language if proposal.language != locale.language_code else "",
                        self.current == ("proposal", proposal.pk),
                    )
                )
            stages["proposal"].more = len(ranked) - len(shown)
            if stages["proposal"].more and len(call_urls) == 1:
                stages["proposal"].more_url = next(iter(call_urls.values())) + "#proposals-heading"
        if pilots_from is not None:
            from_proposals = live_pilots.filter(translation_key__in=pilots_from)
            pilots = pick_versions(from_proposals, None, locale)
            pilot_keys = set(pilots)
        elif pilot_keys and (pilots is None or set(pilots) != pilot_keys):
            pilots = pick_versions(live_pilots, pilot_keys, locale)
        if pilot_keys:
            for pilot in sorted(pilots.values(), key=lambda p: p.title):
                meta = pilot.get_status_display()
                if pilot.starts_on:
                    meta += " · " + date_format(pilot.starts_on, "DATE_FORMAT")
                stages["pilot"].items.append(
                    TraceItem(
                        pilot.title,
                        pilot.get_url(self.request),
                        meta,
                        _foreign(pilot, locale),
                        self.current == ("pilot", pilot.translation_key),
                    )
                )
            if latest_values is None:
                latest_values = self.latest_values(pilot_keys)
            for indicator, measurement in latest_values:
                stages["result"].items.append(
                    TraceItem(
                        indicator.name,
                        meta=_("%(value)s %(unit)s on %(date)s (target %(target)s)")
                        % {
                            "value": _number(measurement.value),
                            "unit": indicator.unit,
                            "date": date_format(measurement.measured_on, "DATE_FORMAT"),
                            "target": _number(indicator.target),
                        },
                    )
                )
        return [stages[key] for key in STAGES]

    def latest_values(self, pilot_keys) -> list[tuple]:
        """The latest value of each indicator of these pilots, with the indicator's name and
        unit in the reader's language (else as measured), in one query."""
        in_reader_language = Indicator.objects.filter(
            translation_key=OuterRef("indicator__translation_key"), locale=self.locale
        )
        measurements = (
            IndicatorMeasurement.objects.filter(indicator__page__translation_key__in=pilot_keys)
            .select_related("indicator")
            .annotate(
                local_name=Subquery(in_reader_language.values("name")[:1]),
                local_unit=Subquery(in_reader_language.values("unit")[:1]),
            )
            .order_by("measured_on", "pk")
        )
        pairs = latest_by_indicator(measurements)
        for indicator, measurement in pairs:
            if measurement.local_name is not None:
                indicator.name, indicator.unit = measurement.local_name, measurement.local_unit
        return pairs

    def register_url(self) -> str | None:
        """The needs register's address in the reader's language: the page shown when it is
        the register, else a section the router read with the page (the menu), else asked."""
        page = self.page
        if not (isinstance(page, NeedsIndexPage) and page.locale_id == self.locale.pk):
            frame = frame_of(self.request)
            page = None
            if frame is not None and frame.home.locale_id == self.locale.pk:
                page = frame.sections((NeedsIndexPage,)).get(NeedsIndexPage)
            page = page or NeedsIndexPage.objects.live().filter(locale=self.locale).first()
        return page.get_url(self.request) if page is not None else None


def _number(value) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def chain_of(
    item, request, locale: Locale | None = None, proposals=None, page=None, latest=None
) -> list[TraceStage]:
    """The one entry point: the public chain need → call → proposal → pilot → result around
    ``item`` (a need, a call, a proposal or a pilot), in ``locale`` (the item's own by default;
    a proposal is read in the language of the call page it is shown on). What the page shown
    (``page``) has already read is not read again: a call page's public ``proposals``, a pilot
    page's ``latest`` indicator values, the page itself."""
    locale = locale or item.locale
    if isinstance(item, Need):
        builder = ChainBuilder(request, locale, ("need", item.translation_key), page)
        return builder.build(need_keys=[item.translation_key])
    if isinstance(item, ChallengeCallPage):
        builder = ChainBuilder(request, locale, ("call", item.translation_key), page)
        return builder.build(
            call_keys=[item.translation_key],
            calls={item.translation_key: item},
            proposals=proposals,
        )
    if isinstance(item, Proposal):
        builder = ChainBuilder(request, locale, ("proposal", item.pk), page)
        if isinstance(page, ChallengeCallPage) and page.translation_key == item.call_key:
            # Shown on its call's page: the call, and the proposal, are in hand.
            return builder.build(
                proposal_ids=[item.pk],
                call_keys=[page.translation_key],
                calls={page.translation_key: page},
                proposals=[item],
            )
        return builder.build(proposal_ids=[item.pk])
    if isinstance(item, PilotPage):
        builder = ChainBuilder(request, locale, ("pilot", item.translation_key), page)
        return builder.build(
            pilot_keys=[item.translation_key],
            pilots={item.translation_key: item},
            latest_values=latest,
        )
    raise TypeError(f"no chain for {type(item).__name__}")
