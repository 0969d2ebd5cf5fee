"""The catalogue of solutions that worked: each a sheet built from a pilot with results, saying
what it answered, what was done, by whom, at what cost and in how long, what its indicators
measured from baseline to now, what was learnt, and what a municipality needs to replicate it;
with a form for another municipality that would like to."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Lower
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.models import BasePage, SectionIndexPage
from core.querysets import listing_manager
from participation.challenges.models import Proposal
from participation.challenges.pages import CallNeed
from participation.needs.models import Need
from participation.surveys.models import Theme
from pilots.charts import indicator_series
from pilots.models import IndicatorMeasurement, PilotPage

from .models import ReplicationInterest

COST_BANDS = [
    ("small", _("Up to 10,000 €"), Decimal(0), Decimal(10_000)),
    ("medium", _("10,000 to 50,000 €"), Decimal(10_000), Decimal(50_000)),
    ("large", _("Over 50,000 €"), Decimal(50_000), None),
]
TEXT = ["bold", "italic", "link", "ul"]


def interested_count():
    """How many municipalities (named alike, whatever the case) would like to replicate it."""
    return Subquery(
        ReplicationInterest.objects.filter(solution_key=OuterRef("translation_key"))
        .order_by()
        .values("solution_key")
        .annotate(n=Count(Lower("municipality"), distinct=True))
        .values("n")
    )


class SolutionIndexPage(SectionIndexPage):
    """The catalogue, filtered by theme, municipality size and cost band (a form, no script)."""

    template = "replication/solutions/solution_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["replication.SolutionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("solutions catalogue page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        solutions = SolutionPage.objects.for_listing(self.locale_id, request).children_of(self)
        themes = list(
            Theme.objects.filter(locale_id=self.locale_id, live=True).values_list(
                "translation_key", "name"
            )
        )
        chosen = {
            "theme": request.GET.get("theme", ""),
            "size": request.GET.get("size", ""),
            "cost": request.GET.get("cost", ""),
        }
        if chosen["theme"] in {str(key) for key, _name in themes}:
            solutions = solutions.filter(theme__translation_key=chosen["theme"])
        else:
            chosen["theme"] = ""
        if chosen["size"] in dict(SolutionPage.Size.choices):
            solutions = solutions.filter(municipality_size=chosen["size"])
        else:
            chosen["size"] = ""
        band = next((b for b in COST_BANDS if b[0] == chosen["cost"]), None)
        if band is not None:
            solutions = solutions.filter(cost__gte=band[2])
            if band[3] is not None:
                solutions = solutions.filter(cost__lt=band[3])
        else:
            chosen["cost"] = ""
        context.update(
            solutions=list(solutions.annotate(interested=interested_count())),
            theme_choices=[(str(key), name) for key, name in themes],
            size_choices=SolutionPage.Size.choices,
            cost_choices=[(key, label) for key, label, _low, _high in COST_BANDS],
            chosen=chosen,
            filtered=any(chosen.values()),
        )
        return context


class SolutionPage(RoutablePageMixin, BasePage):
    template = "replication/solutions/solution_page.html"

    class Size(models.TextChoices):
        SMALL = "small", _("Under 1,000 residents")
        MEDIUM = "medium", _("1,000 to 5,000 residents")
        LARGE = "large", _("Over 5,000 residents")

    class Connectivity(models.TextChoices):
        ANY = "any", _("Works with a weak connection")
        MOBILE = "mobile", _("A mobile connection (4G)")
        BROADBAND = "broadband", _("Fixed broadband")

    pilot = models.ForeignKey(
        "pilots.PilotPage",
        verbose_name=_("pilot"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The pilot whose results the sheet describes; it must have measured values."),
    )
    theme = models.ForeignKey(
        "participation.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("summary"), max_length=500)
    what_was_done = RichTextField(_("what was done"), features=TEXT)
    cost = models.DecimalField(
        _("cost (euros)"),
        max_digits=12,
        decimal_places=2,
        help_text=_("What the pilot cost, everything included."),
    )
    duration_months = models.PositiveSmallIntegerField(_("duration (months)"))
    lessons = RichTextField(_("lessons learned"), features=TEXT)
    municipality_size = models.CharField(
        _("municipality size it suits"), max_length=10, choices=Size.choices
    )
    connectivity = models.CharField(
        _("connectivity it needs"), max_length=10, choices=Connectivity.choices
    )
    staff = models.CharField(
        _("staff it needs"),
        max_length=300,
        help_text=_("For example: one facilitator two half-days a week."),
    )
    yearly_running_cost = models.DecimalField(
        _("yearly running cost (euros)"), max_digits=12, decimal_places=2, null=True, blank=True
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("pilot"),
        FieldPanel("theme"),
        FieldPanel("summary"),
        FieldPanel("what_was_done"),
        FieldRowPanel([FieldPanel("cost"), FieldPanel("duration_months")]),
        FieldPanel("lessons"),
        MultiFieldPanel(
            [
                FieldPanel("municipality_size"),
                FieldPanel("connectivity"),
                FieldPanel("staff"),
                FieldPanel("yearly_running_cost"),
            ],
            heading=_("What a municipality needs to replicate it"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("what_was_done"),
        index.SearchField("lessons"),
    ]
    parent_page_types = ["replication.SolutionIndexPage"]
    subpage_types = []
    select_related_on_view = ("social_image", "theme")

    objects = listing_manager("", ("title",))

    class Meta:
        verbose_name = _("solution page")
        verbose_name_plural = _("solution pages")

    def clean(self):
        super().clean()
        errors = {}
        if self.pilot_id is None:
            errors["pilot"] = _("Choose the pilot whose results the sheet describes.")
        elif not IndicatorMeasurement.objects.filter(
            indicator__page__translation_key=self.pilot.translation_key
        ).exists():
            errors["pilot"] = _(
                "This pilot has no measured value yet: a solution sheet needs its results."
            )
        if self.cost is not None and self.cost < 0:
            errors["cost"] = _("A cost cannot be negative.")
        if self.yearly_running_cost is not None and self.yearly_running_cost < 0:
            errors["yearly_running_cost"] = _("A cost cannot be negative.")
        if self.duration_months == 0:
            errors["duration_months"] = _("Give the duration in months (at least one).")
        if errors:
            raise ValidationError(errors)

    def get_listing_summary(self) -> str:
        return self.listing_summary or self.summary

    @property
    def cost_band(self) -> str:
        for _key, label, low, high in COST_BANDS:
            if self.cost >= low and (high is None or self.cost < high):
                return str(label)
        return ""

    def pilot_in_reader_language(self):
        """The pilot as the reader is shown it (its translation, else the version chosen)."""
        if self.pilot_id is None:
            return None
        same = Page.objects.filter(pk=self.pilot_id).values("translation_key")
        versions = (
            PilotPage.objects.live().filter(translation_key__in=same).select_related("locale")
        )
        return min(versions, key=lambda pilot: pilot.locale_id != self.locale_id, default=None)

    def get_context(self, request, *args, **kwargs):
        from .forms import InterestForm

        context = super().get_context(request, *args, **kwargs)
        pilot = self.pilot_in_reader_language()
        context["pilot"] = pilot
        if pilot is not None:
            indicators = list(pilot.indicators.all())
            measurements = list(
                IndicatorMeasurement.objects.filter(
                    indicator__translation_key__in=[i.translation_key for i in indicators]
                )
                .select_related("indicator")
                .order_by("measured_on", "pk")
            )
            context["indicator_series"] = indicator_series(indicators, measurements)
            call_key = Proposal.objects.filter(pk=pilot.proposal_id).values("call__translation_key")
            answered = CallNeed.objects.filter(page__translation_key__in=call_key).values(
                "need__translation_key"
            )
            context["needs"] = list(
                Need.objects.filter(
                    locale_id=self.locale_id, live=True, translation_key__in=answered
                )
                .exclude(status=Need.Status.REPORTED)
                .order_by("title")
            )
        context.setdefault("interest_form", kwargs.get("interest_form") or InterestForm())
        context["interested"] = ReplicationInterest.objects.filter(
            solution_key=self.translation_key
        ).aggregate(n=Count(Lower("municipality"), distinct=True))["n"]
        return context

    @path("")
    def sheet(self, request):
        return self.render(request)

    @path("interest/", name="interest")
    def interest(self, request):
        from .services import answer_interest

        if request.method != "POST":
            return HttpResponseRedirect(self.url)
        return answer_interest(self, request)

    def render_with(self, request, template: str, status: int = 200, **extra):
        context = self.get_context(request, **extra)
        context.update(extra)
        return TemplateResponse(request, template, context, status=status)
