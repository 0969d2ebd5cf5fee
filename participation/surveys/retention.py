"""Retention of personal answers: erased once their survey's retention period is over."""

import datetime

from django.utils import timezone

from .models import SurveySubmission
from .pages import SurveyPage
from .services import erase_personal_data


def erase_expired_personal_data(now: datetime.datetime | None = None) -> int:
    """Erase the personal part of answers older than their survey's retention period.

    The anonymous part stays, so statistics are unchanged. Safe to run repeatedly.
    """
    now = now or timezone.now()
    erased = 0
    surveys = SurveyPage.objects.all().values_list("pk", "retention_days")
    for survey_id, retention_days in surveys:
        cutoff = now - datetime.timedelta(days=retention_days)
        erased += erase_personal_data(
            SurveySubmission.objects.filter(page_id=survey_id, submit_time__lt=cutoff), now
        )
    return erased
