from django import template
from django.utils.translation import gettext as _

from core.admin_help import help_for

register = template.Library()


@register.inclusion_tag("core/admin_help_link.html", takes_context=True)
def admin_help_link(context):
    """A link to the handbook page that explains this admin screen, if there is one."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    page = help_for(match.view_name if match else None)
    if page is None:
        return {"page": None}
    return {"page": page, "label": _("Help: %(title)s") % {"title": page.title}}
