"""Newsletters leave in the background, one batch at a time at the set rate."""

from django_tasks import task

from core.mail import queue_again

from .models import Sending
from .sending import send_batch, send_until_done


@task()
def send_newsletter(sending_id: int, attempt: int = 0):
    """With a task backend that can wait (the database one), each batch queues the next for
    its time, and a mail server that is down is tried again later with a growing wait
    (``core.mail.queue_again``); without one (development, tests), the batches run here one
    after the other."""
    if not send_newsletter.get_backend().supports_defer:
        return send_until_done(sending_id)
    outcome = send_batch(sending_id)
    if outcome == "more":
        run_after = Sending.objects.get(pk=sending_id).next_batch_at
        send_newsletter.using(run_after=run_after).enqueue(sending_id)
    elif outcome == "server-down":
        error = ConnectionError("the mail server cannot be reached")
        queue_again(send_newsletter, attempt, (sending_id,), {}, error)
    return outcome
