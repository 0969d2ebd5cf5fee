"""Background tasks (django-tasks): a slow or failing mail server never touches an answer."""

import logging

from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from participation.common import one_line

from .models import SurveySubmission

logger = logging.getLogger(__name__)


@task()
def send_answer_notification(submission_id: int) -> bool:
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
    try:
        send_mail(one_line(subject), body, None, [survey.notify_email])
    except OSError:
        logger.exception("Could not send the answer notification for submission %s", submission_id)
        return False
    return True
