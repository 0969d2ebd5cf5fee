"""Page permissions of the communication officers, granted section by section.

The groups themselves are created by core/migrations/0002_editorial_groups.py; officers may only
work on news and events, so their page permissions follow those sections as they are created.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

COMMUNICATION_OFFICERS = "Communication officers"
OFFICER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def grant_communication_officers(section: Page) -> None:
    group = Group.objects.filter(name=COMMUNICATION_OFFICERS).first()
    if group is None:
        return
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=OFFICER_PAGE_PERMISSIONS
    )
    for permission in permissions:
        GroupPagePermission.objects.get_or_create(group=group, page=section, permission=permission)
