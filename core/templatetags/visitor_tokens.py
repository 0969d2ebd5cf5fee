"""``{% visitor_csrf_input %}``: the CSRF field of a form on a page the shared cache may keep
(see ``core.visitor_tokens``)."""

from django import template
from django.utils.html import format_html

from core.visitor_tokens import CSRF_MARKER

register = template.Library()


@register.simple_tag
def visitor_csrf_input():
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', str(CSRF_MARKER)
    )
