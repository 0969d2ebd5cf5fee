"""The pages: a pilot territory's local innovation strategy (a local action plan, in URBACT's
terms) and the cross-border overview of every territory's priorities; and the workflow step
that lets only a territory's own approvers publish its plan."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks as wagtail_blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Task, TaskState
from wagtail.models.pages import PagePermissionTester
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.models import BasePage, SectionIndexPage

from .blocks import GroupMemberBlock, PriorityBlock
from .overview import overview
from .plan import plan_context
from .records import StrategyApprovers
from .versions import version_context


def approvers_group(page) -> Group | None:
    """The approvers of the plan's territory (whichever language version was chosen)."""
    territory_id = getattr(page, "territory_id", None)
    if territory_id is None:
        return None
    same_territory = Page.objects.filter(pk=territory_id).values("translation_key")
    row = (
        StrategyApprovers.objects.filter(territory__translation_key__in=same_territory)
        .select_related("group")
        .first()
    )
    return row.group if row else None


def may_approve(user, page) -> bool:
    """An administrator, or a member of the approvers of the plan's territory."""
    if user.is_superuser:
        return True
    group = approvers_group(page)
    return group is not None and user.groups.filter(pk=group.pk).exists()


class PlanPermissionTester(PagePermissionTester):
    """Wagtail's page permissions, except that publishing or unpublishing a plan is for its
    territory's approvers (and administrators) only: an editor who may publish other pages
    submits a plan to the approval workflow instead."""

    def can_publish(self):
        return super().can_publish() and may_approve(self.user, self.page)

    def can_unpublish(self):
        return super().can_unpublish() and may_approve(self.user, self.page)


class OverviewPermissionTester(PagePermissionTester):
    """A new plan's territory is not known before it is saved: only an administrator may
    publish one at once; everyone else submits it for approval."""

    def can_publish_subpage(self):
        return self.user.is_superuser and super().can_publish_subpage()


class StrategiesIndexPage(SectionIndexPage):
    """The cross-border overview: every territory's priorities side by side, by theme."""

    template = "strategies/strategies_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["strategies.StrategyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("local strategies overview page")

    def permissions_for_user(self, user):
        return OverviewPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        plans = (
            StrategyPage.objects.live()
            .child_of(self)
            .select_related("territory")
            .annotate(source_language=F("alias_of__locale__language_code"))
        )
        context["overview"] = overview(self, list(plans), request)
        return context


class StrategyPage(RoutablePageMixin, BasePage):
    """One territory's local action plan: priorities backed by evidence from the portal, the
    actions that answer them, the local action group, and its adoption. Publishing it goes
    through the approval of that territory's strategy approvers (``TerritoryApprovalTask``)."""

    template = "strategies/strategy_page.html"

    class Stage(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CONSULTATION = "consultation", _("Public consultation")
        ADOPTED = "adopted", _("Adopted")
        REVISION = "revision", _("Under revision")

    territory = models.ForeignKey(
        "pilots.PilotTerritoryPage",
        verbose_name=_("territory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("summary"), max_length=1000)
    vision = RichTextField(_("vision"), blank=True, features=["bold", "italic", "link", "ul"])
    priorities = StreamField(
        [("priority", PriorityBlock())], verbose_name=_("priorities"), blank=True
    )
    action_group = StreamField(
        [("organisation", GroupMemberBlock())],
        verbose_name=_("local action group"),
        blank=True,
        help_text=_("The organisations that prepare and follow the plan, and their roles."),
    )
    meetings = StreamField(
        [
            (
                "meeting",
                wagtail_blocks.PageChooserBlock(
                    page_type="events.EventPage", label=_("Meeting (an event page)")
                ),
            )
        ],
        verbose_name=_("meetings of the local action group"),
        blank=True,
    )
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices, default=Stage.DRAFT)
    consultation_opens = models.DateField(_("consultation opens"), null=True, blank=True)
    consultation_closes = models.DateField(_("consultation closes"), null=True, blank=True)
    consultation_survey = models.ForeignKey(
        "participation.SurveyPage",
        verbose_name=_("consultation survey"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A survey residents answer about the plan; a ranking of the priorities works."),
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    decision_reference = models.CharField(
        _("decision reference"),
        max_length=200,
        blank=True,
        help_text=_("For example: council decision no. 12 of 3 March 2026."),
    )
    decision_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("signed decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changes_note = models.TextField(
        _("what changed since the previous version"),
        blank=True,
        help_text=_(
            "In a few words, for a revised plan; the changed priorities and actions are "
            "listed by themselves."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("territory"),
        FieldPanel("summary"),
        FieldPanel("vision"),
        FieldPanel("priorities"),
        MultiFieldPanel(
            [FieldPanel("action_group"), FieldPanel("meetings")],
            heading=_("Local action group"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("stage"),
                FieldRowPanel(
                    [FieldPanel("consultation_opens"), FieldPanel("consultation_closes")]
                ),
                FieldPanel("consultation_survey"),
                FieldRowPanel([FieldPanel("adopted_on"), FieldPanel("decision_reference")]),
                FieldPanel("decision_document"),
                FieldPanel("changes_note"),
            ],
            heading=_("Adoption"),
        ),
    ]
    override_translatable_fields = [
        SynchronizedField("territory"),
        SynchronizedField("stage"),
        SynchronizedField("consultation_opens"),
        SynchronizedField("consultation_closes"),
        SynchronizedField("consultation_survey"),
        SynchronizedField("adopted_on"),
        SynchronizedField("decision_reference"),
        SynchronizedField("decision_document"),
        SynchronizedField("meetings"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("vision"),
        index.SearchField("priorities"),
    ]

    parent_page_types = ["strategies.StrategiesIndexPage"]
    subpage_types = []
    # Read with the page when it is served (core.routing); its territory is read with the
    # pages it links, in the reader's language (strategies.plan).
    select_related_on_view = ("social_image", "decision_document")

    class Meta:
        verbose_name = _("local strategy page")
        verbose_name_plural = _("local strategy pages")

    def clean(self):
        super().clean()
        errors = {}
        if self.territory_id is None:
            errors["territory"] = _("Choose the territory whose plan this is.")
        elif (
            StrategyPage.objects.filter(
                territory__translation_key=self.territory.translation_key, locale=self.locale
            )
            .exclude(translation_key=self.translation_key)
            .exists()
        ):
            errors["territory"] = _("This territory already has a plan: revise that one.")
        opens, closes = self.consultation_opens, self.consultation_closes
        if opens and closes and closes < opens:
            errors["consultation_closes"] = _("The consultation cannot end before it starts.")
        if self.stage == self.Stage.CONSULTATION:
            for name in ("consultation_opens", "consultation_closes"):
                if getattr(self, name) is None:
                    errors.setdefault(name, _("Give the consultation's dates."))
        if self.stage in {self.Stage.ADOPTED, self.Stage.REVISION} and self.adopted_on is None:
            errors["adopted_on"] = _("Give the date the plan was adopted.")
        if errors:
            raise ValidationError(errors)

    def pages_showing_me(self) -> list[Page]:
        """The overview (its parent) and the territory's page, which links its plan."""
        shown = list(self.get_ancestors().filter(depth__gte=2))
        if self.territory_id:
            shown.append(self.territory)
        return shown

    def get_listing_summary(self) -> str:
        return self.listing_summary or self.summary

    def permissions_for_user(self, user):
        return PlanPermissionTester(user, self)

    @property
    def is_adopted(self) -> bool:
        return self.stage in {self.Stage.ADOPTED, self.Stage.REVISION}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(plan_context(self, request))
        return context

    @path("")
    def plan_view(self, request):
        return self.render(request)

    @path("print/", name="print")
    def print_view(self, request):
        return self.render(request, template="strategies/strategy_print.html")

    @path("versions/<int:number>/", name="version")
    def version_view(self, request, number: int):
        # The plan's own frame only: an old version shows no live evidence.
        context = super().get_context(request) | version_context(self, number)
        return TemplateResponse(request, "strategies/strategy_version.html", context)


class TerritoryApprovalTask(Task):
    """A workflow step that the approvers of the plan's own territory complete: Wagtail's group
    approval, with the group read from the plan, so one workflow serves every territory and an
    approver of another territory can neither approve nor reject."""

    def _may_approve(self, obj, user) -> bool:
        return may_approve(user, getattr(obj, "specific_deferred", obj))

    def user_can_access_editor(self, obj, user):
        return self._may_approve(obj, user)

    def locked_for_user(self, obj, user):
        return not self._may_approve(obj, user)

    def user_can_lock(self, obj, user):
        return self._may_approve(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if self._may_approve(obj, user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve"), False),
                ("approve", _("Approve with comment"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        territories = StrategyApprovers.objects.filter(group__in=user.groups.all()).values(
            "territory__translation_key"
        )
        plans = StrategyPage.objects.filter(territory__translation_key__in=territories)
        return states.filter(
            workflow_state__object_id__in=[str(pk) for pk in plans.values_list("pk", flat=True)]
        )

    @classmethod
    def get_description(cls):
        return _("The strategy approvers of the plan's own territory approve it")

    class Meta:
        verbose_name = _("territory approval task")
        verbose_name_plural = _("territory approval tasks")
