"""The follow form (any visitor) and the preferences form (behind the private link)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotMixin
from pilots.models import PilotTerritoryPage

from .models import Period, Topic

TOPICS = [(value, label) for value, label in Topic.choices if value != Topic.TERRITORY]
CONSENT = _(
    "I agree that DigiVillae keeps this address to send me what I chose, in my language, "
    "until I leave (a link in every message), as described in the privacy notice."
)


class ChoicesForm(forms.Form):
    topics = forms.MultipleChoiceField(
        label=_("What to follow"),
        choices=TOPICS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    territories = forms.MultipleChoiceField(
        label=_("Pilot territories"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    period = forms.ChoiceField(
        label=_("How often"),
        choices=Period.choices,
        initial=Period.WEEKLY,
        required=False,  # weekly unless chosen otherwise
        widget=forms.RadioSelect,
        help_text=_("What changed is gathered in one e-mail, never one e-mail per change."),
    )

    def __init__(self, *args, locale_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territories"].choices = [
            (str(key), title)
            for key, title in PilotTerritoryPage.objects.for_listing(locale_id).values_list(
                "translation_key", "title"
            )
        ]

    def clean_period(self):
        return self.cleaned_data.get("period") or Period.WEEKLY

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("topics") and not cleaned.get("territories"):
            raise forms.ValidationError(_("Choose at least one thing to follow."))
        return cleaned


class FollowForm(HoneypotMixin, ChoicesForm):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    consent = forms.BooleanField(
        label=CONSENT,
        error_messages={
            "required": _("Tick the box to give your consent: without it we keep nothing.")
        },
    )

    field_order = ["email", "topics", "territories", "period", "consent"]


class PreferencesForm(ChoicesForm):
    language = forms.ChoiceField(label=_("Language of the messages"), choices=settings.LANGUAGES)
