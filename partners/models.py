from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.models import BasePage, SectionIndexPage
from core.querysets import listing_manager
from pilots.links import TerritoryLink, linked_territories


class PartnerIndexPage(SectionIndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.PartnerPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partners index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = list(PartnerPage.objects.for_listing(self.locale_id, request).children_of(self))
        context["partners_by_role"] = [
            (str(label), [p for p in partners if p.role == role])
            for role, label in PartnerPage.Role.choices
            if any(p.role == role for p in partners)
        ]
        return context


class PartnerTerritoryLink(TerritoryLink):
    page = ParentalKey(
        "partners.PartnerPage", related_name="territory_links", on_delete=models.CASCADE
    )


class PartnerPage(BasePage):
    class Role(models.TextChoices):
        LEAD = "lead", _("Lead partner")
        PARTNER = "partner", _("Partner")
        ASSOCIATED = "associated", _("Associated partner")

    class Country(models.TextChoices):
        ITALY = "IT", _("Italy")
        FRANCE = "FR", _("France")

    organisation_name = models.CharField(
        _("organisation's full name"),
        max_length=255,
        help_text=_("The official name; the page title may be a shorter form."),
    )
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTNER)
    logo = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(
        _("office e-mail address (never published)"),
        blank=True,
        help_text=_(
            "An office's address (never a person's) where the portal forwards messages for the "
            "partner, such as a municipality that would like to replicate one of its solutions."
        ),
    )
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [
        FieldPanel("organisation_name"),
        FieldPanel("country"),
        FieldPanel("role"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("contact_email", permission="superuser"),
        FieldPanel("description"),
        InlinePanel("territory_links", heading=_("Territories it works in"), label=_("Territory")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("organisation_name", boost=2),
        index.SearchField("description"),
    ]

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []

    objects = listing_manager("logo", ("path",))
    select_related_on_view = ("social_image", "logo")

    class Meta:
        verbose_name = _("partner page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["territories"] = linked_territories(self)
        return context
