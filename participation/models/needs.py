"""The public register of local needs: the start of the need → challenge → pilot chain."""

from urllib.parse import urlencode

from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from core.models import SectionIndexPage

from .surveys import SurveyPage, SurveySubmission, Theme


class Need(TranslatableMixin, models.Model):
    """A local need found through a survey: the start of the need → challenge → pilot chain."""

    class Status(models.TextChoices):
        REPORTED = "reported", _("Reported")
        VALIDATED = "validated", _("Validated")
        ADDRESSED = "addressed", _("Addressed")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="needs",
    )
    territory = models.ForeignKey(
        "pilots.PilotTerritoryPage",
        verbose_name=_("territory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.REPORTED
    )
    source_survey = models.ForeignKey(
        SurveyPage,
        verbose_name=_("source survey"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_answers = models.ManyToManyField(
        SurveySubmission, verbose_name=_("source answers"), blank=True, related_name="needs"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("theme"),
        FieldPanel("territory"),
        FieldPanel("status"),
        FieldPanel("source_survey", read_only=True),
    ]
    override_translatable_fields = [SynchronizedField("status")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """A need's status is one fact in every language: keep the translations in step."""
        super().save(*args, **kwargs)
        Need.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk).exclude(
            status=self.status
        ).update(status=self.status)


class NeedsIndexPage(RoutablePageMixin, SectionIndexPage):
    """The public register of validated local needs, filterable by territory and theme."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("needs register page")

    def public_needs(self):
        return (
            Need.objects.filter(locale_id=self.locale_id)
            .exclude(status=Need.Status.REPORTED)
            .select_related("theme", "territory")
            .order_by("territory__title", "title")
        )

    language_neutral_routes = {"need_detail"}

    @path("")
    def register_view(self, request):
        return self.render(request)

    @path("<uuid:key>/", name="need_detail")
    def need_view(self, request, key):
        """One need and what came of it; the key is the same in every language."""
        from participation.trace import trace_from_need

        need = (
            self.public_needs().filter(translation_key=key).select_related("source_survey").first()
        )
        if need is None:
            raise Http404
        # The register's own listing is not needed here: skip it.
        context = super().get_context(request)
        context.update({"need": need, "trace": trace_from_need(need, request)})
        return TemplateResponse(request, "participation/need_detail.html", context)

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        from pilots.models import PilotTerritoryPage

        context = super().get_context(request, *args, **kwargs)
        needs = self.public_needs()
        territory = request.GET.get("territory", "")
        theme = request.GET.get("theme", "")
        territories = list(
            PilotTerritoryPage.objects.for_listing(self.locale).values_list(
                "translation_key", "title"
            )
        )
        themes = list(
            Theme.objects.filter(locale_id=self.locale_id).values_list("translation_key", "name")
        )
        if territory in {str(key) for key, _title in territories}:
            needs = needs.filter(territory__translation_key=territory)
        else:
            territory = ""
        if theme in {str(key) for key, _name in themes}:
            needs = needs.filter(theme__translation_key=theme)
        else:
            theme = ""
        context.update(
            {
                "needs_page": Paginator(needs, 20).get_page(request.GET.get("page")),
                "territory_choices": [(str(key), title) for key, title in territories],
                "theme_choices": [(str(key), name) for key, name in themes],
                "current_territory": territory,
                "current_theme": theme,
                "filter_query": urlencode(
                    {k: v for k, v in (("territory", territory), ("theme", theme)) if v}
                ),
            }
        )
        return context
