"""The strategies in the admin: the home panel, and who approves each territory's plan (a
snippet for administrators)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .dashboard import StrategiesPanel, sees_strategies
from .records import StrategyApprovers


@hooks.register("construct_homepage_panels")
def add_strategies_panel(request, panels):
    if sees_strategies(request.user):
        panels.append(StrategiesPanel(request))


class StrategyApproversViewSet(SnippetViewSet):
    model = StrategyApprovers
    icon = "group"
    menu_label = _("Strategy approvers")
    menu_order = 320
    add_to_settings_menu = True
    list_display = ["territory", "group"]


register_snippet(StrategyApproversViewSet)
