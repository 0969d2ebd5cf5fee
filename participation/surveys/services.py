"""Business rules for survey answers: recording, erasing personal data and notifying the owner."""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from .fields import other_key
from .models import SurveySubmission
from .tasks import send_answer_notification

logger = logging.getLogger(__name__)


def record_answer(survey, cleaned_data: dict, fields) -> tuple[SurveySubmission, bool]:
    """Store one answer; the same form sent twice (double click, reload) is stored once.

    Returns the submission and whether it was created now.
    """
    anonymous, personal = {}, {}
    email = ""
    territory_key = None
    for field in fields:
        value = cleaned_data.get(field.clean_name)
        if field.offers_other:
            bucket = personal if field.is_personal else anonymous
            bucket[other_key(field.clean_name)] = cleaned_data.get(other_key(field.clean_name), "")
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
                    # The language of the questions answered: an untranslated placeholder
                    # under /fr/ shows the Italian questions, and its answers are Italian.
                    "language": survey.content_language,
                    "territory_key": territory_key,
                },
            )
    except IntegrityError:  # the same token arrived twice at the same moment
        return SurveySubmission.objects.get(submission_token=token), False


def erase_personal_data(submissions, now: datetime.datetime | None = None) -> int:
    return submissions.filter(personal_data_erased_at__isnull=True).update(
        personal_data={}, respondent_email="", personal_data_erased_at=now or timezone.now()
    )


def notify_owner(submission: SurveySubmission) -> None:
    """Queue the e-mail to the survey owner once the answer is safely stored."""
    if submission.page.notify_email:
        transaction.on_commit(lambda: send_answer_notification.enqueue(submission.pk))
