"""Form pieces shared by every app."""

from django import forms


class IsoDateInput(forms.DateInput):
    """A browser date picker. Its value is always ISO 8601 (what ``type="date"`` reads), never
    the reader's localized format, which the browser would drop."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
