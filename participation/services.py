"""Business rules for survey answers: recording, rate limiting, retention and notification."""

import datetime
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import SurveyPage, SurveySubmission

logger = logging.getLogger(__name__)


def client_address(request) -> str:
    """The visitor's address; behind a trusted proxy, the last hop it added."""
    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def within_rate_limit(request, scope: str = "survey", limit: int | None = None) -> bool:
    """Count this attempt for the visitor's address; False once over the hourly limit.

    ``scope`` keeps separate counts for surveys, proposals and supports.
    """
    if limit is None:
        limit = settings.SURVEY_SUBMISSIONS_PER_HOUR
    if not limit:
        return True
    key = f"{scope}-rate:{client_address(request)}"
    cache.add(key, 0, timeout=3600)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        attempts = 1
    return attempts <= limit


def record_answer(survey: SurveyPage, cleaned_data: dict, fields) -> tuple[SurveySubmission, bool]:
    """Store one answer; the same form sent twice (double click, reload) is stored once.

    Returns the submission and whether it was created now.
    """
    anonymous, personal = {}, {}
    email = ""
    territory_key = None
    for field in fields:
        value = cleaned_data.get(field.clean_name)
        if field.is_personal:
            personal[field.clean_name] = value
            if field.field_type == "email" and value and not email:
                email = value
        else:
            anonymous[field.clean_name] = value
            if field.field_type == "territory" and value and territory_key is None:
                territory_key = value
    token = cleaned_data["submission_token"]
    try:
        with transaction.atomic():
            return SurveySubmission.objects.get_or_create(
                submission_token=token,
                defaults={
                    "page": survey,
                    "form_data": anonymous,
                    "personal_data": personal,
                    "respondent_email": email,
                    "language": survey.locale.language_code,
                    "territory_key": territory_key,
                },
            )
    except IntegrityError:  # the same token arrived twice at the same moment
        return SurveySubmission.objects.get(submission_token=token), False


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


def erase_personal_data(submissions, now: datetime.datetime | None = None) -> int:
    return submissions.filter(personal_data_erased_at__isnull=True).update(
        personal_data={}, respondent_email="", personal_data_erased_at=now or timezone.now()
    )


def notify_owner(submission: SurveySubmission) -> None:
    """Queue the e-mail to the survey owner once the answer is safely stored."""
    from .tasks import send_answer_notification

    if submission.page.notify_email:
        transaction.on_commit(lambda: send_answer_notification.enqueue(submission.pk))
