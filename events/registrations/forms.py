"""The sign-up form on an event page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotMixin

CONSENT = _(
    "I agree that the organisers keep my name and address to manage my place and write to me "
    "about this event; they are deleted after the event."
)


class RegistrationForm(HoneypotMixin, forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    consent = forms.BooleanField(
        label=CONSENT,
        error_messages={
            "required": _("Tick the box to give your consent: without it we keep nothing.")
        },
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name or any(ord(char) < 32 for char in name):
            raise forms.ValidationError(_("Write your name in letters."))
        return name
