"""What every app shares: the image model, the abstract base page and site-wide settings."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page, PageViewRestriction
from wagtailcache.cache import WagtailCacheMixin

from core import navigation


class CustomImage(AbstractImage):
    """Wagtail's image with a mandatory alternative text, so no meaningful image goes online
    without one (WCAG 1.1.1). Decorative uses in a StreamField can still be marked as such."""

    description = models.CharField(
        max_length=255,
        verbose_name=_("alternative text"),
        help_text=_("Describe what the image shows for people who cannot see it."),
    )

    admin_form_fields = Image.admin_form_fields


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def _is_site_root(page, request) -> bool:
    # A function, not a method: Wagtail's admin sets ``_is_site_root`` on the pages it lists.
    return any(root.root_path == page.url_path for root in page._get_site_root_paths(request))


class BasePage(WagtailCacheMixin, Page):
    """Abstract parent of every public page: social-sharing image and listing summary.

    ``WagtailCacheMixin`` marks pages behind a view restriction ``Cache-Control: private``, so
    the shared page cache never stores them (see ``core.page_cache``).
    """

    listing_summary = models.CharField(
        _("listing summary"),
        max_length=300,
        blank=True,
        help_text=_("Short text shown in listings, search results and link previews."),
    )
    social_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name=_("social sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social networks."),
    )

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading=_("Common page configuration")),
        FieldPanel("listing_summary"),
        FieldPanel("social_image"),
    ]

    # Read with the page when it is served (core.routing.specific_of): every page shows it.
    select_related_on_view = ("social_image",)

    class Meta:
        abstract = True

    def get_url_parts(self, request=None):
        """Wagtail's URL parts, found once per section and language in a request.

        A page's address is its parent's followed by its slug (Wagtail builds both from the
        ``url_path`` it keeps); Wagtail works each one out anew (site root paths, language,
        ``reverse``), which a listing of eighty events repeats eighty times. The first page of a
        section is asked to Wagtail; its siblings reuse the section's part. Kept on the request
        only; a site's root page is always asked to Wagtail.
        """
        if request is None:
            return super().get_url_parts(request)
        bases = request.__dict__.setdefault("_digivillae_url_bases", {})
        parent = self.url_path[: self.url_path.rstrip("/").rfind("/") + 1]
        key = (parent, translation.get_language())
        own = self.url_path[len(parent) :]
        if key in bases and not _is_site_root(self, request):
            site_id, root_url, base = bases[key]
            return site_id, root_url, base + own
        parts = super().get_url_parts(request)
        if parts and parts[2] and parts[2].endswith("/" + own) and not _is_site_root(self, request):
            bases[key] = (parts[0], parts[1], parts[2][: -len(own)])
        return parts

    def get_view_restrictions(self):
        """The page's view restrictions, read once per page object.

        Serving a page asks twice (Wagtail's privacy check, then wagtail-cache's "is this page
        private?"); both get the same queryset, evaluated once. A page object lives for one
        request, so nothing is kept across requests.
        """
        if "_view_restrictions" not in self.__dict__:
            self._view_restrictions = self._restrictions_in_one_query()
        return self._view_restrictions

    def _restrictions_in_one_query(self):
        """Wagtail's rule (the restrictions of the page and of its ancestors, an alias's
        being its source's) in one query: the ancestors are found by their paths, which are
        prefixes of this page's, inside the query instead of in a query of their own."""
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        checked = (
            Page.objects.filter(path__in=paths)
            .annotate(checked_id=Coalesce("alias_of_id", "id"))
            .values("checked_id")
        )
        return PageViewRestriction.objects.filter(page_id__in=checked)

    @cached_property
    def content_language(self) -> str:
        """The language the page's text is written in. A placeholder that wagtail-localize's
        tree synchronisation made in another language (an alias of the source page, awaiting
        translation) shows its source's text: its language is the source's, not the tree's."""
        if not self.alias_of_id:
            return self.locale.language_code
        return (
            Page.objects.filter(pk=self.alias_of_id)
            .values_list("locale__language_code", flat=True)
            .get()
        )

    def get_listing_summary(self) -> str:
        return self.listing_summary or self.search_description or ""

    def get_social_image(self):
        return self.social_image

    def get_social_image_alt(self) -> str:
        """The sharing image's text alternative (link previews): the page type gives it in the
        page's language where it has a field for it, else the image's own text."""
        image = self.get_social_image()
        return image.default_alt_text if image else ""

    def pages_showing_me(self) -> list[Page]:
        """Pages that list or link this one, purged with it when it changes: its ancestors
        (section listings, the home page) by default; page types linked from elsewhere add
        the pages that link them."""
        return list(self.get_ancestors().filter(depth__gte=2))


class SectionIndexPage(BasePage):
    """Abstract parent of the pages that introduce and list a section (news, events…)."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    class Meta:
        abstract = True


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("The project's institutional address shown in the footer."),
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    programme_url = models.URLField(
        _("programme website"), blank=True, help_text=_("Link to the Interreg ALCOTRA programme.")
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social networks"),
        ),
        FieldPanel("programme_url"),
        MultiFieldPanel(
            [FieldPanel("accessibility_page"), FieldPanel("privacy_page")],
            heading=_("Footer pages"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("Facebook", self.facebook_url),
            ("LinkedIn", self.linkedin_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in links if url]


def privacy_notice_url(request, locale_id: int | None) -> str:
    """The site's privacy notice in the language of ``locale_id`` when translated, or ""."""
    site_settings = SiteSettings.for_request(request)
    page_id = site_settings.privacy_page_id
    if not page_id:
        return ""
    # Read with the page's route, as the footer links are.
    in_frame = navigation.footer_page_in(request, site_settings, page_id, locale_id)
    if in_frame is not None:
        return in_frame.get_url(request)
    # The notice and its live translation in that language, in one query.
    same_notice = Page.objects.filter(pk=page_id).values("translation_key")
    versions = Page.objects.filter(
        Q(pk=page_id)
        | Q(live=True, alias_of__isnull=True, locale_id=locale_id, translation_key__in=same_notice)
    )
    chosen = sorted(versions, key=lambda page: page.locale_id != locale_id)  # the language's first
    return chosen[0].get_url(request) if chosen else ""
