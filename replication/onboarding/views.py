"""The admin's "New territory" form (administrators only)."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.admin import messages

from participation.surveys.pages import SurveyPage
from partners.models import PartnerPage

from .service import NewTerritory, OnboardingRefused, add_territory


def in_admin_language(queryset):
    """One version of each page, in the admin's language where it has one, else the site's."""
    language = get_language()
    chosen: dict = {}
    for page in queryset.filter(alias_of__isnull=True).select_related("locale").order_by("title"):
        current = chosen.get(page.translation_key)
        if current is None or page.locale.language_code == language:
            chosen[page.translation_key] = page
    return sorted(chosen.values(), key=lambda page: page.title)


class PageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class NewTerritoryForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=150)
    slug = forms.SlugField(
        label=gettext_lazy("Web address"),
        max_length=80,
        required=False,
        help_text=gettext_lazy("Letters, digits and hyphens; made from the name if empty."),
    )
    region = forms.CharField(label=gettext_lazy("Region"), max_length=150)
    municipalities = forms.CharField(
        label=gettext_lazy("Municipalities"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("One per line."),
    )
    population = forms.IntegerField(
        label=gettext_lazy("Population"), min_value=0, max_value=10_000_000, required=False
    )
    partner = PageChoiceField(
        label=gettext_lazy("Partner running the pilot"),
        queryset=PartnerPage.objects.none(),
        required=False,
    )
    languages = forms.MultipleChoiceField(
        label=gettext_lazy("Languages it is published in"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
    )
    hub_name = forms.CharField(label=gettext_lazy("Local hub's name"), max_length=200)
    hub_address = forms.CharField(label=gettext_lazy("Local hub's address"), max_length=300)
    survey = PageChoiceField(
        label=gettext_lazy("Survey to start from"),
        queryset=SurveyPage.objects.none(),
        help_text=gettext_lazy(
            "Copied with its questions and translations, without answers, and opened for the "
            "territory."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any version of a page is accepted (a form filled in another admin language stays
        # valid); the list shows one version of each, in the admin's language.
        for name, model in (("partner", PartnerPage), ("survey", SurveyPage)):
            field = self.fields[name]
            field.queryset = model.objects.filter(alias_of__isnull=True)
            shown = [(page.pk, page.title) for page in in_admin_language(field.queryset)]
            field.choices = [("", "---------"), *shown]


def new_territory(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    form = NewTerritoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record = add_territory(
                NewTerritory(
                    name=data["name"],
                    slug=data["slug"],
                    region=data["region"],
                    municipalities=data["municipalities"],
                    population=data["population"],
                    partner=data["partner"],
                    languages=data["languages"],
                    hub_name=data["hub_name"],
                    hub_address=data["hub_address"],
                    survey=data["survey"],
                    user=request.user,
                )
            )
        except OnboardingRefused as refused:
            for name, message in refused.errors.items():
                form.add_error(name if name in form.fields else None, message)
            messages.error(request, _("Nothing was created: correct the fields marked below."))
        else:
            messages.success(
                request,
                _(
                    "“%(territory)s” added with its local hub, survey, draft strategy and groups. "
                    "The checklist on the admin home says what is left to fill."
                )
                % {"territory": record.territory.title},
            )
            return redirect("wagtailadmin_home")
    return TemplateResponse(
        request,
        "replication/onboarding/new_territory.html",
        {"form": form, "header_title": _("New territory")},
    )
