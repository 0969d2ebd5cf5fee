"""Hub facilitators in the admin (a snippet): which user acts for which territory's hubs."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Facilitator


class FacilitatorViewSet(SnippetViewSet):
    model = Facilitator
    icon = "group"
    menu_label = _("Hub facilitators")
    add_to_admin_menu = False
    list_display = ["user", "territory"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]


register_snippet(FacilitatorViewSet)
