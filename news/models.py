from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.models import BasePage, SectionIndexPage
from core.pagination import page_of
from core.querysets import listing_manager
from core.routing import parent_of
from pilots.links import ListedOnTerritoriesMixin, TerritoryLink, linked_territories

from .feeds import NewsAtomFeed, NewsRssFeed

NEWS_PER_PAGE = 10


class NewsIndexPage(RoutablePageMixin, SectionIndexPage):
    communication_officers_edit = True  # core.signals grants them this section
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")

    def news(self, request=None):
        # Wagtail's child_of, not the listings' children_of: nearly every page of the site is a
        # news item, so a path range reads no fewer rows, and the tag list's reused plan was
        # twice as slow with it (measured on the bench content).
        return NewsPage.objects.for_listing(self.locale_id, request).child_of(self)

    @path("")
    def listing(self, request):
        news = self.news(request)
        tag = request.GET.get("tag", "").strip()[:100]
        if tag:
            news = news.filter(tags__slug=tag)
        news_page = page_of(news, request, NEWS_PER_PAGE, tag=tag)
        tags = list(
            Tag.objects.filter(news_newspagetag_items__content_object__in=self.news(request))
            .distinct()
            .order_by("name")
        )
        return self.render(
            request,
            context_overrides={
                "news_page": news_page,
                "tags": tags,
                "current_tag": tag,
                "current_tag_name": next((t.name for t in tags if t.slug == tag), tag),
            },
        )

    @path("rss/", name="rss")
    def rss(self, request):
        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom(self, request):
        return NewsAtomFeed(self)(request)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsTerritoryLink(TerritoryLink):
    page = ParentalKey("news.NewsPage", related_name="territory_links", on_delete=models.CASCADE)


class NewsPage(ListedOnTerritoriesMixin, BasePage):
    select_related_on_view = ("social_image", "lead_image")

    date = models.DateField(_("date"), default=timezone.localdate)
    lead_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("lead image alternative text"),
        max_length=255,
        blank=True,
        help_text=_(
            "Describe the image in this page's language; leave empty to use the image's own text."
        ),
    )
    summary = models.TextField(
        _("summary"), max_length=500, help_text=_("One or two sentences shown in listings.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead_image"),
        FieldPanel("lead_image_alt"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("territory_links", heading=_("Pilot territories"), label=_("Territory")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    objects = listing_manager("lead_image", ("-date", "-pk"))

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")
        # Listings read the newest first and stop after a few: in this order, PostgreSQL reads
        # just those instead of sorting every article (flat in the number of articles).
        indexes = [models.Index(fields=["date", "page_ptr"], name="news_newest_first")]

    def get_listing_summary(self) -> str:
        return self.listing_summary or self.summary

    def get_social_image(self):
        return self.social_image or self.lead_image

    def get_social_image_alt(self) -> str:
        if self.social_image_id is None and self.lead_image_id and self.lead_image_alt:
            return self.lead_image_alt  # the lead image is shared: its text in this language
        return super().get_social_image_alt()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tag_list"] = list(self.tags.all())
        if context["tag_list"]:  # each tag links to the news index filtered by it
            context["news_index"] = parent_of(self, request)
        context["territories"] = linked_territories(self)
        return context
