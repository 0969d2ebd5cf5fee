"""Which requests the shared page cache may answer or store (see ``core.page_cache``), and
the communication officers' panel on the admin home (``core.dashboard``)."""

from wagtail import hooks

from .dashboard import DraftsAndScheduledPanel, is_communication_officer
from .page_cache import cacheable_request


@hooks.register("is_request_cacheable")
def only_public_page_addresses(request, is_cacheable):
    return is_cacheable and cacheable_request(request)


@hooks.register("construct_homepage_panels")
def add_drafts_and_scheduled_panel(request, panels):
    if is_communication_officer(request.user):
        panels.append(DraftsAndScheduledPanel(request))
