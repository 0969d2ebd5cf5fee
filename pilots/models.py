from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.i18n import localized_version
from core.models import BasePage, SectionIndexPage
from core.querysets import listing_manager
from core.routing import parent_of

from .charts import indicator_series, latest_by_indicator


class PilotTerritoryIndexPage(SectionIndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["pilots.PilotTerritoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pilot territories index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        territories = list(
            PilotTerritoryPage.objects.for_listing(self.locale_id, request).children_of(self)
        )
        context["territories"] = territories
        context["map_markers"] = [
            {
                "title": territory.title,
                "url": territory.get_url(request),
                "region": territory.region,
                "lat": float(territory.latitude),
                "lng": float(territory.longitude),
            }
            for territory in territories
            if territory.latitude is not None and territory.longitude is not None
        ]
        return context


class LocalHub(TranslatableMixin, Orderable):
    """A physical meeting point where residents, businesses and the municipality meet."""

    page = ParentalKey(
        "pilots.PilotTerritoryPage", related_name="local_hubs", on_delete=models.CASCADE
    )
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    contact = models.CharField(
        _("contact"),
        max_length=255,
        blank=True,
        help_text=_("An office's address or web page; never an individual's phone or e-mail."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("opening_hours"),
        FieldPanel("contact"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("local hub")
        verbose_name_plural = _("local hubs")


class PilotTerritoryPage(BasePage):
    region = models.CharField(_("region"), max_length=150)
    municipalities = models.TextField(_("municipalities"), help_text=_("One per line."))
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    partner = models.ForeignKey(
        "partners.PartnerPage",
        verbose_name=_("partner running the pilot"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [
        FieldPanel("region"),
        FieldPanel("municipalities"),
        FieldPanel("population"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Map position")),
        FieldPanel("partner"),
        FieldPanel("description"),
        MultiFieldPanel([InlinePanel("local_hubs", label=_("Local hub"))], heading=_("Local hubs")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("region"),
        index.SearchField("municipalities"),
        index.SearchField("description"),
    ]

    parent_page_types = ["pilots.PilotTerritoryIndexPage"]
    subpage_types = ["pilots.PilotPage"]

    objects = listing_manager("", ("path",))

    class Meta:
        verbose_name = _("pilot territory page")

    @property
    def municipality_list(self) -> list[str]:
        return [line.strip() for line in self.municipalities.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        """News, events and needs of the territory are added by their own apps' template tags
        (``territory_news``, ``territory_events``, ``territory_needs``)."""
        context = super().get_context(request, *args, **kwargs)
        context.update(
            {
                "hubs": list(self.local_hubs.all()),
                "partner_page": localized_version(self.partner_id, self.locale_id),
                "pilots": list(
                    PilotPage.objects.for_listing(self.locale_id, request).children_of(self)
                ),
            }
        )
        return context


class Milestone(TranslatableMixin, Orderable):
    page = ParentalKey("pilots.PilotPage", related_name="milestones", on_delete=models.CASCADE)
    title = models.CharField(_("milestone"), max_length=200)
    planned_on = models.DateField(_("planned date"))
    achieved_on = models.DateField(_("actual date"), null=True, blank=True)

    panels = [FieldPanel("title"), FieldPanel("planned_on"), FieldPanel("achieved_on")]
    override_translatable_fields = [
        SynchronizedField("planned_on", overridable=False),
        SynchronizedField("achieved_on", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["sort_order"]

    @property
    def is_late(self) -> bool:
        return self.achieved_on is None and self.planned_on < timezone.localdate()


class Indicator(TranslatableMixin, Orderable):
    """What a pilot measures. Its values over time are recorded once, in any language, as
    ``IndicatorMeasurement`` rows, and shown on every language version of the pilot."""

    page = ParentalKey("pilots.PilotPage", related_name="indicators", on_delete=models.CASCADE)
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=50, help_text=_("For example: people, hours, %."))
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)

    panels = [FieldPanel("name"), FieldPanel("unit"), FieldPanel("baseline"), FieldPanel("target")]
    override_translatable_fields = [
        SynchronizedField("baseline", overridable=False),
        SynchronizedField("target", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sort_order"]

    def __str__(self):
        return f"{self.page.title} — {self.name} ({self.unit})"


def indicators_in_source_language():
    """Values are entered against the source-language indicators, so each appears once."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


class IndicatorMeasurement(models.Model):
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="measurements",
        limit_choices_to=indicators_in_source_language,
    )
    measured_on = models.DateField(_("measured on"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=255, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["measured_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"], name="one_value_per_indicator_and_day"
            )
        ]

    def __str__(self):
        return f"{self.indicator.name}: {self.value} ({self.measured_on})"


class EvidenceBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("What it shows"), max_length=200)

    class Meta:
        icon = "doc-full"
        template = "pilots/blocks/evidence_block.html"
        label = _("Evidence document")
        description = _("A report, photo album or dataset that shows the pilot's results.")
        preview_value = {"title": "Rapporto di monitoraggio"}


class PilotPage(BasePage):
    """A selected proposal tested in a pilot territory, with its milestones and indicators."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        COMPLETED = "completed", _("Completed")
        SUSPENDED = "suspended", _("Suspended")

    proposal = models.ForeignKey(
        "participation.Proposal",
        verbose_name=_("selected proposal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pilots",
        limit_choices_to={"status": "selected"},
    )
    company = models.CharField(_("company"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])
    evidence = StreamField(
        [("document", EvidenceBlock())], blank=True, verbose_name=_("evidence documents")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("proposal"),
        FieldPanel("company"),
        FieldRowPanel(
            [FieldPanel("status"), FieldPanel("starts_on"), FieldPanel("ends_on")],
            heading=_("Status and dates"),
        ),
        FieldPanel("description"),
        InlinePanel("milestones", heading=_("Milestones"), label=_("Milestone")),
        InlinePanel("indicators", heading=_("Indicators"), label=_("Indicator")),
        FieldPanel("evidence"),
    ]
    override_translatable_fields = [
        SynchronizedField("proposal"),
        SynchronizedField("status"),
        SynchronizedField("starts_on"),
        SynchronizedField("ends_on"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("company"),
        index.SearchField("description"),
    ]

    parent_page_types = ["pilots.PilotTerritoryPage"]
    subpage_types = []

    objects = listing_manager("", ("-starts_on", "pk"))

    class Meta:
        verbose_name = _("pilot page")

    def clean(self):
        super().clean()
        errors = {}
        if self.status in {self.Status.RUNNING, self.Status.COMPLETED} and not self.starts_on:
            errors["starts_on"] = _("A running or completed pilot needs a start date.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The pilot cannot end before it starts.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        """The chain back to the need and proposal is added by participation's ``chain_of``
        template tag: pilots know nothing of participation."""
        context = super().get_context(request, *args, **kwargs)
        indicators = list(self.indicators.all())
        measurements = list(
            IndicatorMeasurement.objects.filter(
                indicator__translation_key__in=[i.translation_key for i in indicators]
            )
            .select_related("indicator")
            .order_by("measured_on", "pk")
        )
        context.update(
            {
                "territory": parent_of(self, request),
                "milestones": list(self.milestones.all()),
                "indicator_series": indicator_series(indicators, measurements),
                # For the chain's results: the same values, not read again.
                "latest_values": latest_by_indicator(measurements, indicators),
            }
        )
        return context
