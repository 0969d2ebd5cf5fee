"""The editors' panel on the admin home: open surveys, their answers today and in total (every
language counted together) and when they close."""

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language

from core.dashboard import HomePanel

from .models import SurveySubmission
from .pages import SurveyPage


class OpenSurveysPanel(HomePanel):
    name = "open_surveys"
    order = 110
    template_name = "participation/dashboard/open_surveys.html"

    def get_context_data(self, parent_context):
        now = timezone.now()
        preferred = [get_language(), settings.LANGUAGE_CODE]
        versions = (
            SurveyPage.objects.live()
            .filter(alias_of__isnull=True, opens_at__lte=now, closes_at__gt=now)
            .select_related("locale")
            .only("title", "translation_key", "closes_at", "locale__language_code")
        )
        surveys: dict = {}
        for version in versions:
            shown = surveys.get(version.translation_key)
            if shown is None or _rank(version, preferred) < _rank(shown, preferred):
                surveys[version.translation_key] = version
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


def _rank(version, preferred: list[str]) -> int:
    code = version.locale.language_code
    return preferred.index(code) if code in preferred else len(preferred)
