"""Local hubs in the admin (a snippet): editors list them with their territory and facilitators."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Hub


class HubViewSet(SnippetViewSet):
    model = Hub
    icon = "site"
    menu_label = _("Local hubs")
    add_to_admin_menu = False
    list_display = ["name", "territory", "address"]
    search_fields = ["name", "address"]


register_snippet(HubViewSet)
