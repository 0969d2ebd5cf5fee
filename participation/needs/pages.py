"""The public register of local needs: one page per language, each need at its own address."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core.models import SectionIndexPage
from core.pagination import page_of
from participation.hubs.models import hub_names
from participation.surveys.models import Theme
from pilots.models import PilotTerritoryPage

from .models import Need

NEEDS_PER_PAGE = 20


def public_needs_in(locale_id):
    """The needs the register shows in one language: published and not reported."""
    return Need.objects.filter(locale_id=locale_id, live=True).exclude(status=Need.Status.REPORTED)


class NeedsIndexPage(RoutablePageMixin, SectionIndexPage):
    """The public register of validated local needs, filterable by territory and theme."""

    template = "participation/needs/needs_index_page.html"

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("needs register page")

    def public_needs(self):
        return (
            public_needs_in(self.locale_id)
            .select_related("theme", "territory", "source_survey")
            .order_by("territory__title", "title")
        )

    language_neutral_routes = {"need_detail"}

    @path("")
    def register_view(self, request):
        return self.render(request)

    @path("<uuid:key>/", name="need_detail")
    def need_view(self, request, key):
        """One need and what came of it; the key is the same in every language."""

        need = self.public_needs().filter(translation_key=key).first()
        if need is None:
            raise Http404
        need.locale = self.locale  # the register's: it shows its own language's needs only
        # The register's own listing is not needed here: skip it.
        context = super().get_context(request)
        context["need"] = with_hub_names([need], self.locale)[0]
        return TemplateResponse(request, "participation/needs/need_detail.html", context)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        needs = self.public_needs()
        territory = request.GET.get("territory", "")
        theme = request.GET.get("theme", "")
        territories = list(
            PilotTerritoryPage.objects.for_listing(self.locale_id, request).values_list(
                "translation_key", "title"
            )
        )
        themes = list(
            Theme.objects.filter(locale_id=self.locale_id, live=True).values_list(
                "translation_key", "name"
            )
        )
        if territory in {str(key) for key, _title in territories}:
            needs = needs.filter(territory__translation_key=territory)
        else:
            territory = ""
        if theme in {str(key) for key, _name in themes}:
            needs = needs.filter(theme__translation_key=theme)
        else:
            theme = ""
        needs_page = page_of(needs, request, NEEDS_PER_PAGE, territory=territory, theme=theme)
        needs_page.object_list = with_hub_names(list(needs_page.object_list), self.locale)
        context.update(
            {
                "needs_page": needs_page,
                "territory_choices": [(str(key), title) for key, title in territories],
                "theme_choices": [(str(key), name) for key, name in themes],
                "current_territory": territory,
                "current_theme": theme,
            }
        )
        return context


def with_hub_names(needs: list, locale) -> list:
    """Name the hub of each workshop need, in the reader's language, with one query."""
    names = hub_names([need.hub_key for need in needs if need.hub_key], locale)
    for need in needs:
        need.hub_name = names.get(str(need.hub_key), "")
    return needs
