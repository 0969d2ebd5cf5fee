"""The communication officers' panel on the admin home: the pages they may edit that wait as
drafts or are scheduled for publication (for officers: news and events, the sections their
group may edit; see core.permissions)."""

from django.db.models import Q
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from .permissions import COMMUNICATION_OFFICERS

SHOWN = 15


class HomePanel(Component):
    """A panel of the admin home, built for the signed-in user of one request."""

    def __init__(self, request):
        self.request = request


class DraftsAndScheduledPanel(HomePanel):
    name = "drafts_and_scheduled"
    order = 115
    template_name = "core/dashboard/drafts_and_scheduled.html"

    def get_context_data(self, parent_context):
        editable = PagePermissionPolicy().instances_user_has_permission_for(
            self.request.user, "change"
        )
        pages = list(
            Page.objects.filter(pk__in=editable.values("pk"), alias_of__isnull=True)
            .filter(Q(has_unpublished_changes=True) | Q(live=False))
            .filter(depth__gt=3)  # the pages of a section, not the section or the home page
            .select_related("locale")
            .order_by("-latest_revision_created_at")[:SHOWN]
        )
        scheduled = dict(
            Revision.page_revisions.filter(
                object_id__in=[str(page.pk) for page in pages],
                approved_go_live_at__gt=timezone.now(),
            ).values_list("object_id", "approved_go_live_at")
        )
        rows = [{"page": page, "goes_live_at": scheduled.get(str(page.pk))} for page in pages]
        return {"rows": rows}


def is_communication_officer(user) -> bool:
    return user.groups.filter(name=COMMUNICATION_OFFICERS).exists()
