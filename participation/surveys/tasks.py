"""Background tasks (django-tasks): a slow or failing mail server never touches an answer, and
its mail is sent again later (core.mail)."""

from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from core.mail import send_or_queue_again
from participation.common import one_line

from .models import SurveySubmission


@task()
def send_answer_notification(submission_id: int, attempt: int = 0) -> bool:
    submission = SurveySubmission.objects.select_related("page").filter(pk=submission_id).first()
    if submission is None or not submission.page.notify_email:
        return False
    survey = submission.page
    with translation.override(survey.locale.language_code):
        subject = _("New answer to “%(survey)s”") % {"survey": survey.title}
        body = _("A new answer was given in %(language)s on %(date)s.") % {
            "language": submission.get_language_display(),
            "date": submission.submit_time.strftime("%Y-%m-%d %H:%M"),
        }
    return send_or_queue_again(
        one_line(subject),
        body,
        [survey.notify_email],
        task=send_answer_notification,
        attempt=attempt,
        args=(submission_id,),
    )
