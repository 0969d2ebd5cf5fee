"""Survey pages, built by editors with Wagtail's form builder and translated with
wagtail-localize; the form itself is built in ``forms.py`` and served by ``views.py``."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.i18n import LOCAL_TIME_HELP
from core.models import BasePage, SectionIndexPage
from core.querysets import listing_manager

from .models import SurveySubmission
from .page_form import SurveyPageForm
from .views import serve_printable, serve_survey


class SurveyIndexPage(SectionIndexPage):
    template = "participation/surveys/survey_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["participation.SurveyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("surveys index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        surveys = list(SurveyPage.objects.for_listing(self.locale_id, request).children_of(self))
        now = timezone.now()
        context["open_surveys"] = [s for s in surveys if s.status(now) == SurveyPage.OPEN]
        context["upcoming_surveys"] = [s for s in surveys if s.status(now) == SurveyPage.UPCOMING]
        context["closed_surveys"] = [s for s in surveys if s.status(now) == SurveyPage.CLOSED]
        return context


class SurveyPage(RoutablePageMixin, BasePage):
    """A survey page; its form is built from its questions (see participation.surveys.forms)."""

    UPCOMING, OPEN, CLOSED = "upcoming", "open", "closed"
    template = "participation/surveys/survey_page.html"
    base_form_class = SurveyPageForm

    introduction = RichTextField(_("introduction"), features=["bold", "italic", "link", "ul"])
    opens_at = models.DateTimeField(_("opens at"), help_text=LOCAL_TIME_HELP)
    closes_at = models.DateTimeField(_("closes at"), help_text=LOCAL_TIME_HELP)
    thank_you_text = RichTextField(_("thank-you text"), features=["bold", "italic", "link"])
    results_published = models.BooleanField(
        _("publish results"),
        default=False,
        help_text=_("Charts of the answers appear on the page once the survey has closed."),
    )
    # When the results were first published: followers' digests announce them once.
    results_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    retention_days = models.PositiveIntegerField(
        _("retention of personal data (days)"),
        default=365,
        help_text=_("Personal answers are erased this many days after they were given."),
    )
    notify_email = models.EmailField(
        _("send each answer to"),
        blank=True,
        help_text=_("Optional: the survey owner's address, to receive a notice per answer."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("Open")),
        InlinePanel("form_fields", label=_("Questions")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldPanel("results_published"),
                FieldPanel("retention_days"),
                FieldPanel("notify_email", permission="superuser"),
            ],
            heading=_("Results and personal data"),
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
        SynchronizedField("results_published"),
        SynchronizedField("retention_days"),
        SynchronizedField("notify_email"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["participation.SurveyIndexPage"]
    subpage_types = []

    objects = listing_manager("", ("closes_at", "pk"))

    class Meta:
        verbose_name = _("survey page")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The survey must close after it opens.")})

    def save(self, *args, **kwargs):
        if self.results_published and self.results_published_at is None:
            self.results_published_at = timezone.now()
        elif not self.results_published:
            self.results_published_at = None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "results_published" in update_fields:
            kwargs["update_fields"] = {*update_fields, "results_published_at"}
        return super().save(*args, **kwargs)

    def results_visible_since(self):
        """When the public could first see the results (they show once the survey closed)."""
        if not self.results_published_at:
            return None
        return max(self.results_published_at, self.closes_at)

    def status(self, now=None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return self.UPCOMING
        if now >= self.closes_at:
            return self.CLOSED
        return self.OPEN

    def seconds_until_status_changes(self, now=None) -> int | None:
        """How long the survey keeps its current status (``None``: for good, once closed)."""
        now = now or timezone.now()
        upcoming = [moment for moment in (self.opens_at, self.closes_at) if moment > now]
        if not upcoming:
            return None
        return max(0, int((min(upcoming) - now).total_seconds()))

    @property
    def is_open(self) -> bool:
        return self.status() == self.OPEN

    @property
    def shows_public_results(self) -> bool:
        return self.results_published and self.status() == self.CLOSED

    def get_form_fields(self):
        """The questions, read once per page object (the form, its steps and the results all
        ask; a page object lives for one request)."""
        if "_questions" not in self.__dict__:
            self._questions = list(self.form_fields.all())
        return self._questions

    def all_submissions(self):
        """Answers to every language version of this survey."""
        versions = SurveyPage.objects.filter(translation_key=self.translation_key).values("pk")
        return SurveySubmission.objects.filter(page_id__in=versions)

    @path("")
    def survey(self, request):
        return serve_survey(self, request)

    @path("print/", name="print")
    def printable(self, request):
        """The survey on paper, for collection at the hubs: every question, numbered as on the
        facilitators' entry form, with boxes to tick and lines to write on."""
        return serve_printable(self, request)
