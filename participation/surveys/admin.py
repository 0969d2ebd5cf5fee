"""Surveys in the admin: the Theme snippet, and "Survey results" with its answers, exports and
the respondent's data (views in ``admin_views.py``)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from participation.hubs.models import is_facilitator

from . import admin_views, hub_entry
from .dashboard import OpenSurveysPanel, RecentEntriesPanel
from .models import Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    menu_order = 300
    add_to_admin_menu = False
    list_display = ["name", "locale"]
    search_fields = ["name"]


register_snippet(ThemeViewSet)


@hooks.register("register_admin_urls")
def register_survey_admin_urls():
    return [
        path("surveys/", admin_views.survey_list, name="survey_list"),
        path("surveys/respondent/", admin_views.respondent_data, name="survey_respondent"),
        path("surveys/entries/", hub_entry.entry_list, name="survey_entries"),
        path("surveys/<uuid:translation_key>/copy/", admin_views.survey_copy, name="survey_copy"),
        path("surveys/entries/<int:pk>/", hub_entry.edit_entry, name="survey_entry_edit"),
        path(
            "surveys/<uuid:translation_key>/enter/<str:language>/",
            hub_entry.enter_answer,
            name="survey_entry",
        ),
        path(
            "surveys/<uuid:translation_key>/results/",
            admin_views.survey_results,
            name="survey_results",
        ),
        path(
            "surveys/<uuid:translation_key>/answers/",
            admin_views.survey_answers,
            name="survey_answers",
        ),
    ]


class SurveyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_survey_menu_item():
    return SurveyMenuItem(_("Survey results"), reverse("survey_list"), icon_name="form", order=250)


class EntryMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(hub_entry.ENTER_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_entry_menu_item():
    return EntryMenuItem(
        _("Answers from the hubs"), reverse("survey_entries"), icon_name="edit", order=251
    )


@hooks.register("construct_homepage_panels")
def add_open_surveys_panel(request, panels):
    if request.user.has_perm(admin_views.VIEW_PERMISSION):
        panels.append(OpenSurveysPanel(request))
    if is_facilitator(request.user):
        panels.append(RecentEntriesPanel(request))
