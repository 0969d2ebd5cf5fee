from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from core.i18n import localized_link_targets, localized_targets


class TerritoryLink(Orderable):
    """A page's link to a pilot territory. Subclasses add the ParentalKey to their page."""

    territory = models.ForeignKey(
        "pilots.PilotTerritoryPage",
        verbose_name=_("pilot territory"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("territory")]

    class Meta(Orderable.Meta):
        abstract = True


class ListedOnTerritoriesMixin:
    """For pages that territory pages list (news, events): they are purged from the page cache
    together with the territories they are linked to (``territory_links``)."""

    def pages_showing_me(self) -> list:
        territories = [link.territory for link in self.territory_links.select_related("territory")]
        return super().pages_showing_me() + territories


def linked_territories(page) -> list:
    """The territories ``page`` links to (its ``territory_links``), in the page's language and
    in the links' order: what an article, event or partner page shows. A preview's links are
    the editor's, held in memory; a published page's are read with their targets at once."""
    links = page.territory_links
    if not isinstance(links.all(), QuerySet):
        return localized_targets(links, "territory", page.locale_id)
    return localized_link_targets(links.model, "territory", "page", page.pk, page.locale_id)
