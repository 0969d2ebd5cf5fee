"""The portal's editorial groups and what each may do with pages."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

COMMUNICATION_OFFICERS = "Communication officers"
EDITORS = "Editors"
TRANSLATORS = "Translators"

PAGE_PERMISSIONS = {
    COMMUNICATION_OFFICERS: ["add_page", "change_page", "publish_page"],
    EDITORS: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
    TRANSLATORS: ["add_page", "change_page"],
}


def grant_page_permissions(group: Group, page: Page, codenames: list[str]) -> None:
    for codename in codenames:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_communication_officers(section: Page) -> None:
    group = Group.objects.filter(name=COMMUNICATION_OFFICERS).first()
    if group is not None:
        grant_page_permissions(group, section, PAGE_PERMISSIONS[COMMUNICATION_OFFICERS])
