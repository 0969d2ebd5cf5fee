"""The sign-up form shown on an event page (the page module cannot import the form's room)."""

from django import template

from ..registrations.forms import RegistrationForm

register = template.Library()


@register.inclusion_tag("events/registrations/form.html")
def registration_form(event, form=None):
    return {"event": event, "form": form or RegistrationForm(), "places_left": event.places_left()}
