"""The handbook in the admin: its pages, an entry in the Help menu, and a Help button on the
page editors it explains."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from . import views
from .tasks import task_for_page_type


@hooks.register("register_admin_urls")
def handbook_urls():
    return [
        path("handbook/", views.index, name="handbook"),
        path("handbook/<slug:slug>/", views.task_page, name="handbook_task"),
    ]


@hooks.register("register_help_menu_item")
def handbook_menu_item():
    return MenuItem(_("Editors' handbook"), reverse("handbook"), icon_name="doc-full", order=100)


@hooks.register("register_page_header_buttons")
def help_button(page, user, view_name, next_url=None):
    task = task_for_page_type(f"{page._meta.app_label}.{page._meta.object_name}")
    if task is not None and view_name == "edit":
        yield Button(
            _("Help: %(title)s") % {"title": task.title},
            reverse("handbook_task", args=[task.slug]),
            icon_name="help",
            priority=95,
        )
