from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from core.models import BasePage, SectionIndexPage
from core.querysets import listing_manager

RELATED_ITEMS = 5


class PilotTerritoryIndexPage(SectionIndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["pilots.PilotTerritoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pilot territories index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        territories = list(PilotTerritoryPage.objects.for_listing(self.locale).child_of(self))
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
    subpage_types = []

    objects = listing_manager("", ("path",))

    class Meta:
        verbose_name = _("pilot territory page")

    @property
    def municipality_list(self) -> list[str]:
        return [line.strip() for line in self.municipalities.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from core.i18n import localized_pages
        from events.models import EventPage
        from news.models import NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["hubs"] = list(self.local_hubs.all())
        context["partner_page"] = (
            next(iter(localized_pages([self.partner])), None) if (self.partner_id) else None
        )
        # Links may point at any language version of this territory: match on translation key.
        linked = {"territory_links__territory__translation_key": self.translation_key}
        context["related_news"] = (
            NewsPage.objects.for_listing(self.locale).filter(**linked).distinct()[:RELATED_ITEMS]
        )
        from participation.models import Need, NeedsIndexPage

        context["needs_register"] = (
            NeedsIndexPage.objects.live().filter(locale_id=self.locale_id).first()
        )
        context["validated_needs"] = (
            Need.objects.filter(
                locale_id=self.locale_id, territory__translation_key=self.translation_key
            )
            .exclude(status=Need.Status.REPORTED)
            .count()
        )
        context["related_events"] = (
            EventPage.objects.for_listing(self.locale)
            .filter(end__gte=timezone.now(), **linked)
            .distinct()[:RELATED_ITEMS]
        )
        return context
