from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.models import BasePage
from core.routing import ChainRoutingMixin, frame_of
from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from participation.challenges.pages import ChallengeCallPage, ChallengeIndexPage
from participation.surveys.pages import SurveyIndexPage, SurveyPage
from pilots.models import PilotTerritoryIndexPage, PilotTerritoryPage

HOME_LISTING_SIZE = 3


class HomePage(ChainRoutingMixin, BasePage):
    """The root of each language tree: introduction plus the latest of every section."""

    hero_title = models.CharField(_("hero title"), max_length=150)
    introduction = RichTextField(_("introduction"), features=["bold", "italic", "link"])
    hero_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("hero image alternative text"),
        max_length=255,
        blank=True,
        help_text=_(
            "Describe the image in this page's language; leave empty to use the image's own text."
        ),
    )
    participation_heading = models.CharField(_("participation heading"), max_length=150, blank=True)
    participation_text = RichTextField(
        _("participation text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Invites residents to take part; open surveys and calls are listed below it."),
    )

    select_related_on_view = ("social_image", "hero_image")

    content_panels = BasePage.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("introduction"),
        FieldPanel("hero_image"),
        FieldPanel("hero_image_alt"),
        MultiFieldPanel(
            [FieldPanel("participation_heading"), FieldPanel("participation_text")],
            heading=_("Open participation"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "partners.PartnerIndexPage",
        "pilots.PilotTerritoryIndexPage",
        "participation.SurveyIndexPage",
        "participation.NeedsIndexPage",
        "participation.ChallengeIndexPage",
        "strategies.StrategiesIndexPage",
        "replication.SolutionIndexPage",
        "replication.OperatingModelPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context.update(
            {
                "latest_news": list(
                    NewsPage.objects.for_listing(self.locale_id, request)[:HOME_LISTING_SIZE]
                ),
                "upcoming_events": list(
                    EventPage.objects.for_listing(self.locale_id, request).filter(end__gte=now)[
                        :HOME_LISTING_SIZE
                    ]
                ),
                "territories": list(
                    PilotTerritoryPage.objects.for_listing(self.locale_id, request)
                ),
                "open_surveys": list(
                    SurveyPage.objects.for_listing(self.locale_id, request).filter(
                        opens_at__lte=now, closes_at__gt=now
                    )[:HOME_LISTING_SIZE]
                ),
                "open_calls": list(
                    ChallengeCallPage.objects.for_listing(self.locale_id, request)
                    .filter(opens_at__lte=now, submission_deadline__gt=now)
                    .order_by("submission_deadline", "pk")[:HOME_LISTING_SIZE]
                ),
                **self._sections(request),
            }
        )
        return context

    SECTIONS = {
        "surveys_index": SurveyIndexPage,
        "challenges_index": ChallengeIndexPage,
        "news_index": NewsIndexPage,
        "events_index": EventIndexPage,
        "territories_index": PilotTerritoryIndexPage,
    }

    def _sections(self, request) -> dict:
        """The section pages the home page links to (only their URLs are shown): among the menu
        pages the router read with the home page, else in one query."""
        kinds = tuple(self.SECTIONS.values())
        frame = frame_of(request)
        found = frame.sections(kinds) if frame is not None and frame.home.pk == self.pk else {}
        if len(found) < len(kinds):
            found = {
                page.specific_class: page
                for page in Page.objects.child_of(self).live().type(*kinds).order_by("path")
            }
        return {name: found.get(model) for name, model in self.SECTIONS.items()}


class StandardPage(BasePage):
    """The project presentation, accessibility statement, privacy notice and similar pages."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
