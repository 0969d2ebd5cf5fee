"""The "We would like to replicate this" form on a solution sheet."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotMixin

CONSENT = _(
    "I agree that the portal keeps these details and passes them to the partner that ran the "
    "pilot, so that it can answer; they are deleted after two years, or sooner on request."
)


class InterestForm(HoneypotMixin, forms.Form):
    municipality = forms.CharField(label=_("Your municipality"), max_length=200)
    role = forms.CharField(
        label=_("Your role"),
        max_length=200,
        help_text=_("For example: mayor, municipal secretary, councillor for innovation."),
    )
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    message = forms.CharField(
        label=_("Message"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
    )
    consent = forms.BooleanField(
        label=CONSENT,
        error_messages={
            "required": _("Tick the box to give your consent: without it we keep nothing.")
        },
    )

    def clean_municipality(self):
        return plain_text(self.cleaned_data["municipality"], _("Write the municipality's name."))

    def clean_role(self):
        return plain_text(self.cleaned_data["role"], _("Write your role in words."))


def plain_text(value: str, message) -> str:
    value = value.strip()
    if not value or any(ord(char) < 32 for char in value):
        raise forms.ValidationError(message)
    return value
