"""The pilot's partner hears of a municipality that would like to replicate its solution, in
the partner's language, from a task that retries while the mail server is down."""

from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from core.mail import send_or_queue_again

from .models import ReplicationInterest


@task()
def send_interest_notice(
    interest_id: int, recipient: str, language: str, solution: str, url: str, attempt: int = 0
):
    interest = ReplicationInterest.objects.filter(pk=interest_id).first()
    if interest is None:  # erased meanwhile
        return False
    with translation.override(language):
        subject = _("DigiVillae: %(municipality)s would like to replicate “%(solution)s”") % {
            "municipality": interest.municipality,
            "solution": solution,
        }
        body = _(
            "A municipality would like to replicate a solution your organisation tested.\n\n"
            "Solution: %(solution)s (%(url)s)\nMunicipality: %(municipality)s\n"
            "Role: %(role)s\nE-mail: %(email)s\n\n%(message)s\n\n"
            "They agreed that we pass these details on so that you can answer them."
        ) % {
            "solution": solution,
            "url": url,
            "municipality": interest.municipality,
            "role": interest.role,
            "email": interest.email,
            "message": interest.message,
        }
    return send_or_queue_again(
        subject,
        body,
        [recipient],
        task=send_interest_notice,
        attempt=attempt,
        args=(interest_id, recipient, language, solution, url),
    )
