"""Business rules for survey answers: recording, erasing personal data and notifying the owner."""

import copy
import datetime
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from participation.hubs.models import hub_names

from . import tallies
from .fields import other_key
from .models import Channel, SurveySubmission
from .tasks import send_answer_notification

logger = logging.getLogger(__name__)


def split_answers(form) -> tuple[dict, dict, str, object]:
    """The anonymous and the personal part of a valid form's answers, the respondent's e-mail
    and territory. Questions not shown to the respondent are left out."""
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
    return anonymous, personal, email, territory_key


def record_answer(
    survey,
    form,
    *,
    channel: str = Channel.ONLINE,
    hub=None,
    collected_on=None,
    entered_by=None,
) -> tuple[SurveySubmission, bool]:
    """Store one answer from a valid survey form; the same form sent twice (double click,
    reload) is stored once. An answer entered by a facilitator starts its revision history.

    Returns the submission and whether it was created now.
    """
    anonymous, personal, email, territory_key = split_answers(form)
    if territory_key is None and hub is not None:  # collected at a hub: its territory
        territory_key = hub.page.translation_key
    token = form.cleaned_data["submission_token"]
    try:
        with transaction.atomic():
            submission, created = SurveySubmission.objects.get_or_create(
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
                    "channel": channel,
                    "hub_key": hub.translation_key if hub is not None else None,
                    "collected_on": collected_on,
                    "entered_by": entered_by,
                },
            )
            if created:
                tallies.change(
                    survey.translation_key,
                    tallies.counted_fields(form.survey_fields),
                    after=submission,
                )
            if created and entered_by is not None:
                submission.save_revision(user=entered_by, log_action="wagtail.create", clean=False)
            return submission, created
    except IntegrityError:  # the same token arrived twice at the same moment
        return SurveySubmission.objects.get(submission_token=token), False


def change_entry(submission: SurveySubmission, form, *, hub, channel, collected_on, user) -> None:
    """A facilitator corrects an answer they entered: the change is a new revision, and the
    history keeps who changed what and when."""
    anonymous, personal, email, territory_key = split_answers(form)
    if territory_key is None:
        territory_key = hub.page.translation_key
    survey = submission.page
    before = copy.copy(submission)
    with transaction.atomic():
        submission.form_data = anonymous
        if submission.personal_data_erased_at is None:
            submission.personal_data = personal
            submission.respondent_email = email
        submission.territory_key = territory_key
        submission.hub_key = hub.translation_key
        submission.channel, submission.collected_on = channel, collected_on
        submission.save()
        tallies.change(
            survey.translation_key,
            tallies.counted_fields(form.survey_fields),
            before=before,
            after=submission,
        )
        submission.save_revision(user=user, log_action="wagtail.edit", clean=False)


def recent_entries(user, locale, limit: int = 10) -> list[SurveySubmission]:
    """The answers a facilitator entered last, newest first, with their hub's name."""
    entries = list(
        SurveySubmission.objects.filter(entered_by=user)
        .select_related("page")
        .order_by("-submit_time")[:limit]
    )
    names = hub_names([entry.hub_key for entry in entries], locale)
    for entry in entries:
        entry.hub_name = names.get(str(entry.hub_key), "")
    return entries


def erase_personal_data(submissions, now: datetime.datetime | None = None) -> int:
    return submissions.filter(personal_data_erased_at__isnull=True).update(
        personal_data={}, respondent_email="", personal_data_erased_at=now or timezone.now()
    )


def notify_owner(submission: SurveySubmission) -> None:
    """Queue the e-mail to the survey owner once the answer is safely stored."""
    if submission.page.notify_email:
        transaction.on_commit(lambda: send_answer_notification.enqueue(submission.pk))
