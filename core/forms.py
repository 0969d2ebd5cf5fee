"""Form pieces shared by every app."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"
AUTOMATED_REQUEST = _(
    "Your request looks automated and was not saved. If you are a person, leave the "
    "“Leave this field empty” box empty and send the form again."
)


class IsoDateInput(forms.DateInput):
    """A browser date picker. Its value is always ISO 8601 (what ``type="date"`` reads), never
    the reader's localized format, which the browser would drop."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class HoneypotMixin(forms.Form):
    """A field people never see or fill in (it is hidden from screen readers too): robots do."""

    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_from_a_robot(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())
