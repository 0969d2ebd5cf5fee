"""Panels on the admin home: for editors, open surveys with their answers today and in total
(every language counted together) and when they close; for hub facilitators, their recent
entries."""

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Locale

from core.dashboard import HomePanel
from core.i18n import in_reader_language

from .models import SurveySubmission
from .pages import SurveyPage
from .services import recent_entries


class OpenSurveysPanel(HomePanel):
    name = "open_surveys"
    order = 110
    template_name = "participation/dashboard/open_surveys.html"

    def get_context_data(self, parent_context):
        now = timezone.now()
        versions = (
            SurveyPage.objects.live()
            .filter(alias_of__isnull=True, opens_at__lte=now, closes_at__gt=now)
            .select_related("locale")
            .only("title", "translation_key", "closes_at", "locale__language_code")
        )
        by_key: dict = {}
        for version in versions:
            by_key.setdefault(version.translation_key, []).append(version)
        surveys = {key: in_reader_language(found) for key, found in by_key.items()}
        start_of_today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
        counts = {
            row["page__translation_key"]: row
            for row in SurveySubmission.objects.filter(page__translation_key__in=list(surveys))
            .values("page__translation_key")
            .annotate(
                total=Count("pk"), today=Count("pk", filter=Q(submit_time__gte=start_of_today))
            )
        }
        rows = [
            {
                "survey": survey,
                "today": counts.get(key, {}).get("today", 0),
                "total": counts.get(key, {}).get("total", 0),
            }
            for key, survey in surveys.items()
        ]
        rows.sort(key=lambda row: row["survey"].closes_at)
        return {"rows": rows}


class RecentEntriesPanel(HomePanel):
    name = "recent_entries"
    order = 112
    template_name = "participation/dashboard/recent_entries.html"

    def get_context_data(self, parent_context):
        return {"entries": recent_entries(self.request.user, Locale.get_active())}
