"""The operating model, in public: one page per language explaining how a municipality works
with the portal — needs, strategy, calls, proposals, pilots, solutions — with what the portal
holds at each step, counted when the page is shown, and the templates a municipality can take
to start (``exchange``)."""

from django.db.models import Count, IntegerField, Subquery, Value
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from core.models import BasePage
from core.querysets import without_view_restriction
from participation.challenges.models import Proposal
from participation.challenges.pages import ChallengeCallPage
from participation.needs.models import Need
from pilots.models import PilotPage
from strategies.models import StrategyPage

from .solutions.pages import SolutionPage

STAGES = [
    ("needs", _("Needs")),
    ("strategy", _("Local strategy")),
    ("calls", _("Challenge calls")),
    ("proposals", _("Proposals")),
    ("pilots", _("Pilots")),
    ("solutions", _("Solutions")),
]


def counted(key: str, number: int) -> str:
    """What a step's number counts, agreeing with it ("1 need", "5 needs")."""
    forms = {
        "needs": ngettext("need in the register", "needs in the register", number),
        "strategy": ngettext("local strategy adopted", "local strategies adopted", number),
        "calls": ngettext("challenge call", "challenge calls", number),
        "proposals": ngettext("proposal", "proposals", number),
        "pilots": ngettext("pilot", "pilots", number),
        "solutions": ngettext("solution sheet", "solution sheets", number),
    }
    return forms[key]


class StepBlock(blocks.StructBlock):
    stage = blocks.ChoiceBlock(choices=STAGES, label=_("Step"))
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.RichTextBlock(label=_("What happens"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "list-ol"
        label = _("Step of the model")
        template = "replication/blocks/step_block.html"
        description = _("One step of the process, with the portal's live count beside it.")
        preview_value = {"stage": "needs", "heading": "Ascoltare", "text": "<p>Questionari.</p>"}


class TemplateBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(
        page_type=["participation.SurveyPage", "participation.ChallengeCallPage"],
        label=_("Survey or call to offer as a template"),
    )
    description = blocks.CharBlock(label=_("What it is for"), max_length=200)

    class Meta:
        icon = "download"
        label = _("Downloadable template")
        template = "replication/blocks/template_block.html"
        description = _("A live survey or call whose template municipalities can download.")
        preview_value = {"description": "Un questionario sui bisogni"}


def count(queryset) -> Subquery:
    return Subquery(
        queryset.order_by()
        .annotate(one=Value(1, output_field=IntegerField()))
        .values("one")
        .annotate(n=Count("pk"))
        .values("n"),
        output_field=IntegerField(),
    )


class OperatingModelPage(BasePage):
    template = "replication/operating_model_page.html"

    introduction = RichTextField(_("introduction"), features=["bold", "italic", "link"])
    steps = StreamField([("step", StepBlock())], verbose_name=_("steps"), blank=True)
    templates = StreamField(
        [("template", TemplateBlock())], verbose_name=_("downloadable templates"), blank=True
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("steps"),
        FieldPanel("templates"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("operating model page")

    def live_counts(self) -> dict[str, int]:
        """What the portal holds at each step, in this page's language, in one query."""
        public = {"locale_id": self.locale_id, "live": True, "alias_of__isnull": True}
        row = (
            Page.objects.filter(pk=self.pk)
            .annotate(
                needs=count(
                    Need.objects.filter(locale_id=self.locale_id, live=True).exclude(
                        status=Need.Status.REPORTED
                    )
                ),
                strategy=count(
                    StrategyPage.objects.filter(**public, stage__in=["adopted", "revision"])
                ),
                calls=count(
                    ChallengeCallPage.objects.filter(**public).filter(without_view_restriction())
                ),
                proposals=count(Proposal.objects.exclude(status=Proposal.Status.WITHDRAWN)),
                pilots=count(PilotPage.objects.filter(**public).filter(without_view_restriction())),
                solutions=count(SolutionPage.objects.filter(**public)),
            )
            .values(*[key for key, _label in STAGES])
            .first()
        )
        return {key: (row or {}).get(key) or 0 for key, _label in STAGES}

    def downloads(self) -> list[dict]:
        """The offered templates that are live and public, each in this page's language where
        it has a live version (else as chosen): one query."""
        ids = [block["value"].get("page") for block in self.templates.raw_data]
        descriptions = {
            block["value"].get("page"): block["value"].get("description", "")
            for block in self.templates.raw_data
        }
        chosen_keys = Page.objects.filter(pk__in=[pk for pk in ids if pk]).values("translation_key")
        versions = (
            Page.objects.live()
            .filter(translation_key__in=chosen_keys, alias_of__isnull=True)
            .filter(without_view_restriction())
            .select_related("content_type")
        )
        by_pk, by_key = {}, {}
        for page in versions:
            by_pk[page.pk] = page
            if page.locale_id == self.locale_id:
                by_key[page.translation_key] = page
        found = []
        for pk in ids:
            page = by_pk.get(pk)
            if page is None:
                continue
            page = by_key.get(page.translation_key, page)
            kind = "survey" if page.content_type.model == "surveypage" else "call"
            found.append(
                {
                    "title": page.title,
                    "kind": kind,
                    "key": page.translation_key,
                    "description": descriptions.get(pk, ""),
                }
            )
        return found

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        counts = self.live_counts()
        labels = dict(STAGES)
        context["stages"] = [
            {
                "key": key,
                "label": labels[key],
                "count": counts[key],
                "counted": counted(key, counts[key]),
            }
            for key, _label in STAGES
        ]
        context["step_counts"] = {stage["key"]: stage for stage in context["stages"]}
        context["downloads"] = self.downloads()
        return context
