"""Templates in the admin (export from a survey's or a call's page, import as drafts) and in
public (the templates the operating model page offers, from live public pages only)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.models import Page

from core.querysets import without_view_restriction
from participation.challenges.pages import ChallengeCallPage, ChallengeIndexPage
from participation.surveys.pages import SurveyIndexPage, SurveyPage

from . import portable

EXPORTS = {
    "survey": (SurveyPage, portable.export_survey),
    "call": (ChallengeCallPage, portable.export_call),
    "grid": (ChallengeCallPage, portable.export_grid),
}


def download(data: dict, name: str) -> HttpResponse:
    response = HttpResponse(portable.as_file(data), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response


def export_template(request, page_id: int, kind: str):
    if kind not in EXPORTS:
        raise Http404
    model, export = EXPORTS[kind]
    page = get_object_or_404(model, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return download(export(page), f"digivillae-{kind}-{page.slug}")


def public_template(request, kind: str, key):
    """A template of a live, public survey or call (the operating model page links them)."""
    if kind not in EXPORTS:
        raise Http404
    model, export = EXPORTS[kind]
    page = (
        model.objects.live()
        .filter(translation_key=key, alias_of__isnull=True)
        .filter(without_view_restriction())
        .order_by("pk")
        .first()
    )
    if page is None:
        raise Http404
    response = download(export(page), f"digivillae-{kind}-{page.slug}")
    response["Access-Control-Allow-Origin"] = "*"
    return response


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Template file (JSON)"),
        help_text=gettext_lazy("A survey, a call or an evaluation grid exported from a portal."),
    )
    call = forms.ModelChoiceField(
        label=gettext_lazy("Call the evaluation grid goes into"),
        queryset=ChallengeCallPage.objects.none(),
        required=False,
        help_text=gettext_lazy(
            "Only for an evaluation grid: it replaces the call's criteria in a draft."
        ),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        editable = [
            call.pk
            for call in ChallengeCallPage.objects.filter(alias_of__isnull=True)
            if call.permissions_for_user(user).can_edit()
        ]
        self.fields["call"].queryset = ChallengeCallPage.objects.filter(pk__in=editable).order_by(
            "locale__language_code", "title"
        )
        self.fields["call"].label_from_instance = lambda call: (
            f"{call.title} ({call.locale.language_code})"
        )


def may_import(user) -> bool:
    sections = list(SurveyIndexPage.objects.all()) + list(ChallengeIndexPage.objects.all())
    return any(section.permissions_for_user(user).can_add_subpage() for section in sections)


def import_view(request):
    if not may_import(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            raw = upload.read(portable.MAX_BYTES + 1)
            data = portable.read(raw)
            check_sections(request.user, data)
            page = portable.import_template(raw, request.user, form.cleaned_data["call"])
        except portable.TemplateRefused as refused:
            form.add_error("file", str(refused))
        else:
            messages.success(
                request,
                _(
                    "“%(title)s” imported as a draft in every language of the template: check it, "
                    "set its dates, then publish it."
                )
                % {"title": page.title},
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "replication/exchange/import.html",
        {"form": form, "header_title": _("Import a template")},
    )


def check_sections(user, data: dict) -> None:
    """The user may add a survey or call in every language of the template."""
    section = {"survey": SurveyIndexPage, "call": ChallengeIndexPage}.get(data["kind"])
    if section is None:
        return
    for code in data["languages"]:
        index = section.objects.filter(locale__language_code=code).first()
        if index is not None and not index.permissions_for_user(user).can_add_subpage():
            raise portable.TemplateRefused(
                _("You may not add pages to that section in %(language)s.") % {"language": code}
            )


def export_buttons(page: Page, user):
    """The export actions of a survey's or a call's page (its header's "More" menu)."""
    specific = page.specific_deferred
    if isinstance(specific, SurveyPage):
        yield "survey", gettext_lazy("Export as a template")
    elif isinstance(specific, ChallengeCallPage):
        yield "call", gettext_lazy("Export as a template")
        yield "grid", gettext_lazy("Export the evaluation grid")
