"""The approval workflow of the plans: Wagtail's own Workflows, with one step
(``TerritoryApprovalTask``) that only the approvers of the plan's territory complete. One
workflow serves every territory; it is assigned to the overview page in each language, so every
plan below it, and every translation, goes through it."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.translation import gettext
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from .pages import StrategiesIndexPage, TerritoryApprovalTask
from .records import StrategyApprovers

WORKFLOW_NAME = "Local strategy approval"
TASK_NAME = "Approval by the territory's strategy approvers"


def strategy_workflow() -> Workflow:
    with transaction.atomic():
        workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
        if created or not workflow.workflow_tasks.exists():
            task = TerritoryApprovalTask.objects.filter(name=TASK_NAME).first()
            if task is None:
                task = TerritoryApprovalTask.objects.create(name=TASK_NAME)
            WorkflowTask.objects.get_or_create(workflow=workflow, task=task, sort_order=0)
    return workflow


def assign_to_overview(index: StrategiesIndexPage) -> None:
    """Plans below this overview page (in its language) need their territory's approval."""
    if not WorkflowPage.objects.filter(page=index).exists():
        WorkflowPage.objects.create(page=index, workflow=strategy_workflow())


APPROVER_PAGE_PERMISSIONS = ("change_page", "publish_page")


def grant_approvers(indexes, groups) -> None:
    """Approvers edit and publish plans under the overview pages (Wagtail publishes an approved
    revision as the approver); ``PlanPermissionTester`` keeps each group to its own territory."""
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=APPROVER_PAGE_PERMISSIONS
    )
    for index in indexes:
        for group in groups:
            for permission in permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=index, permission=permission
                )


def on_overview_saved(sender, instance, created, **kwargs) -> None:
    if created:
        assign_to_overview(instance)
        grant_approvers(
            [instance], Group.objects.filter(pk__in=StrategyApprovers.objects.values("group"))
        )


def approvers_for(territory) -> Group:
    """The territory's approvers group, made (with access to the admin) when it has none."""
    existing = StrategyApprovers.objects.filter(
        territory__translation_key=territory.translation_key
    ).select_related("group")
    if existing:
        return existing[0].group
    name = gettext("Strategy approvers: %(territory)s") % {"territory": territory.title}
    group, _created = Group.objects.get_or_create(name=name[:150])
    StrategyApprovers.objects.create(territory=territory, group=group)  # equipped on save
    return group


def on_approvers_saved(sender, instance, **kwargs) -> None:
    """A territory's approvers (named here or by an administrator in the admin) can sign in
    to the admin and act on the plans."""
    instance.group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    grant_approvers(StrategiesIndexPage.objects.all(), [instance.group])


def connect() -> None:
    post_save.connect(on_overview_saved, sender=StrategiesIndexPage, dispatch_uid="plan-workflow")
    post_save.connect(on_approvers_saved, sender=StrategyApprovers, dispatch_uid="plan-approvers")
