"""Replication in the admin: "New territory" for administrators, and the checklist of what is
left to fill for the territories added with it."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from core.dashboard import HomePanel

from .exchange import views as exchange_views
from .onboarding import views as onboarding_views
from .onboarding.checklist import checklists_for


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_urls")
def replication_urls():
    return [
        path("territories/new/", onboarding_views.new_territory, name="new_territory"),
        path("templates/import/", exchange_views.import_view, name="import_template"),
        path(
            "templates/export/<int:page_id>/<slug:kind>/",
            exchange_views.export_template,
            name="export_template",
        ),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return exchange_views.may_import(request.user)


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImportMenuItem(
        _("Import a template"), reverse("import_template"), icon_name="upload", order=910
    )


@hooks.register("register_page_header_buttons")
def export_buttons(page, user, view_name, next_url=None):
    for kind, label in exchange_views.export_buttons(page, user):
        yield Button(
            label,
            reverse("export_template", args=[page.pk, kind]),
            icon_name="download",
            priority=85,
        )


@hooks.register("register_admin_menu_item")
def new_territory_menu_item():
    return AdministratorsMenuItem(
        _("New territory"), reverse("new_territory"), icon_name="site", order=900
    )


class ChecklistPanel(HomePanel):
    name = "territory_checklist"
    order = 90
    template_name = "replication/onboarding/checklist_panel.html"

    def __init__(self, request, checklists):
        super().__init__(request)
        self.checklists = checklists

    def get_context_data(self, parent_context):
        return {"checklists": self.checklists}


@hooks.register("construct_homepage_panels")
def add_checklist_panel(request, panels):
    checklists = checklists_for(request.user)
    if checklists:
        panels.append(ChecklistPanel(request, checklists))
