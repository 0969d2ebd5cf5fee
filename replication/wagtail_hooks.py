"""Replication in the admin: "New territory" for administrators, and the checklist of what is
left to fill for the territories added with it."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.dashboard import HomePanel

from .onboarding import views as onboarding_views
from .onboarding.checklist import checklists_for


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_urls")
def replication_urls():
    return [path("territories/new/", onboarding_views.new_territory, name="new_territory")]


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
