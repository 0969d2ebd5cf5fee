"""wagtail-localize's translations report, for the people who translate.

wagtail-localize shows its report in every admin user's menu and serves it to anyone signed in
to the admin: a hub facilitator, who translates nothing, met it among their few menu entries.
The report is shown, and served, only to those who may submit translations (editors,
translators, administrators)."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from wagtail_localize.views.report import TranslationsReportView

TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"


def can_translate(user) -> bool:
    return user.has_perm(TRANSLATE_PERMISSION)


class TranslatorsTranslationsReportView(TranslationsReportView):
    def dispatch(self, request, *args, **kwargs):
        if not can_translate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def report_urls() -> list:
    """The report's own addresses, answered here first (core's admin URLs come before
    wagtail-localize's), with the permission check."""
    return [
        path(
            "localize/reports/translations/",
            TranslatorsTranslationsReportView.as_view(),
        ),
        path(
            "localize/reports/translations/results/",
            TranslatorsTranslationsReportView.as_view(results_only=True),
        ),
    ]
