"""Sending e-mail from background tasks, so that a mail server that is down delays mail but
never loses it: a failed send queues the same task again after an exponential back-off
(settings.MAIL_RETRY_FIRST_SECONDS, doubling, at most an hour apart) until
settings.MAIL_RETRY_ATTEMPTS have failed. A send that failed delivered nothing, so a retry
never sends a message twice.
"""

import datetime
import logging
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone

logger = logging.getLogger(__name__)
LONGEST_WAIT_SECONDS = 3600


def absolute_url(path: str) -> str:
    """A link for mail sent without a request to build it from (newsletters, digests,
    reminders): the public site's address (settings.SITE_URL) joined with ``path``."""
    return urljoin(settings.SITE_URL, path)


def retry_delay(attempt: int) -> int:
    return min(settings.MAIL_RETRY_FIRST_SECONDS * 2**attempt, LONGEST_WAIT_SECONDS)


def send_or_queue_again(
    subject, body, recipients, *, task, attempt, args=(), kwargs=None, headers=None
) -> bool:
    """Send now; on a mail-server failure queue ``task(*args, **kwargs)`` again for later.
    ``headers`` are added to the message (e.g. ``List-Unsubscribe``).

    Returns whether the message left now.
    """
    message = EmailMessage(subject, body, None, recipients, headers=headers)
    return deliver_or_queue_again(message, task=task, attempt=attempt, args=args, kwargs=kwargs)


def deliver_or_queue_again(message, *, task, attempt, args=(), kwargs=None) -> bool:
    """``send_or_queue_again`` for a message built by the caller (HTML part, attachments)."""
    try:
        message.send()
    except OSError as error:  # refused or broken connection, SMTP errors, time-outs
        queue_again(task, attempt, args, kwargs or {}, error)
        return False
    return True


def queue_again(task, attempt: int, args, kwargs, error: Exception) -> None:
    name = task.name
    if attempt + 1 >= settings.MAIL_RETRY_ATTEMPTS:
        logger.error("Mail of %s not sent after %d attempts: %s", name, attempt + 1, error)
        return
    if not task.get_backend().supports_defer:
        logger.error("Mail of %s not sent (%s); this task backend cannot retry later", name, error)
        return
    delay = retry_delay(attempt)
    task.using(run_after=timezone.now() + datetime.timedelta(seconds=delay)).enqueue(
        *args, **kwargs, attempt=attempt + 1
    )
    logger.warning(
        "Mail server unavailable (%s): %s queued again in %d s (attempt %d of %d)",
        error,
        name,
        delay,
        attempt + 2,
        settings.MAIL_RETRY_ATTEMPTS,
    )
