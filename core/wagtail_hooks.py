"""Which requests the shared page cache may answer or store (see ``core.page_cache``), the
communication officers' panel on the admin home (``core.dashboard``), and the translations
report for translators only (``core.translations_report``)."""

from django.urls import reverse
from wagtail import hooks

from . import translations_report
from .dashboard import DraftsAndScheduledPanel, is_communication_officer
from .page_cache import cacheable_request


@hooks.register("is_request_cacheable")
def only_public_page_addresses(request, is_cacheable):
    return is_cacheable and cacheable_request(request)


@hooks.register("construct_homepage_panels")
def add_drafts_and_scheduled_panel(request, panels):
    if is_communication_officer(request.user):
        panels.append(DraftsAndScheduledPanel(request))


@hooks.register("register_admin_urls")
def translations_report_for_translators():
    return translations_report.report_urls()


@hooks.register("construct_reports_menu")
def hide_translations_report_from_those_who_do_not_translate(request, menu_items):
    if not translations_report.can_translate(request.user):
        report = reverse("wagtail_localize:translations_report")
        menu_items[:] = [item for item in menu_items if item.url != report]
