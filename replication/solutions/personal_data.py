"""Wishes to replicate on the admin's respondent page (found, exported and erased by e-mail
address), and forgotten after the retention period."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.personal_data import Holder

from .models import ReplicationInterest


def find(email: str) -> list[str]:
    return [
        _(
            "Wish to replicate solution %(solution)s, sent on %(sent)s by %(municipality)s "
            "(%(role)s)"
        )
        % {
            "solution": interest.solution_key,
            "sent": interest.created_at.isoformat(),
            "municipality": interest.municipality,
            "role": interest.role,
        }
        for interest in ReplicationInterest.objects.filter(email__iexact=email)
    ]


def erase(email: str) -> int:
    deleted, _by_model = ReplicationInterest.objects.filter(email__iexact=email).delete()
    return deleted


def expire(now=None) -> int:
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=settings.REPLICATION_INTEREST_RETENTION_DAYS)
    deleted, _by_model = ReplicationInterest.objects.filter(created_at__lt=limit).delete()
    return deleted


WISHES_TO_REPLICATE = Holder(gettext_lazy("Wishes to replicate a solution"), find, erase, expire)
