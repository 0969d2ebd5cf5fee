"""The confirmation e-mail, sent in the background in the subscriber's language; a mail
server that is down delays it (core.mail), and the link stays valid for 7 days."""

from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from core.mail import send_or_queue_again

from .models import Subscriber


def list_unsubscribe_headers(leave_url: str) -> dict:
    """One-click unsubscribe for mail programs (RFC 2369 and RFC 8058)."""
    return {
        "List-Unsubscribe": f"<{leave_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


@task()
def send_confirmation(subscriber_id: int, confirm_url: str, leave_url: str, attempt: int = 0):
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or not subscriber.pending:
        return False
    with translation.override(subscriber.pending.get("language") or subscriber.language):
        subject = _("Confirm what you follow on DigiVillae")
        body = _(
            "Hello,\n\nsomeone — we hope you — asked to receive DigiVillae news at this "
            "address. To confirm, open this link within 7 days:\n\n%(confirm)s\n\n"
            "If it was not you, do nothing: without confirmation we send nothing and forget "
            "this address after 7 days.\n\nTo stop at any time: %(leave)s\n"
        ) % {"confirm": confirm_url, "leave": leave_url}
    return send_or_queue_again(
        subject,
        body,
        [subscriber.email],
        task=send_confirmation,
        attempt=attempt,
        args=(subscriber_id, confirm_url, leave_url),
        headers=list_unsubscribe_headers(leave_url),
    )
