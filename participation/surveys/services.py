"""Business rules for survey answers: recording, erasing personal data and notifying the owner."""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from .fields import other_key
from .models import SurveySubmission
from .tasks import send_answer_notification

logger = logging.getLogger(__name__)


def record_answer(survey, form) -> tuple[SurveySubmission, bool]:
    """Store one answer from a valid survey form; the same form sent twice (double click,
    reload) is stored once. Personal answers are kept apart so they can be erased.

    Returns the submission and whether it was created now.
    """
    anonymous, personal = {}, {}
    email = ""
    territory_key = None
    answers = form.answers()
    for field in form.survey_fields:
        key = field.clean_name
        if key not in answers:
            continue  # not shown to this respondent
        value = answers[key]
        bucket = personal if field.is_personal else anonymous
        bucket[key] = value
        if field.offers_other:
            bucket[other_key(key)] = answers.get(other_key(key), "")
        if field.field_type == "email" and value and not email:
            email = value
        if field.field_type == "territory" and value and territory_key is None:
            territory_key = value
    token = form.cleaned_data["submission_token"]
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
