"""A per-address limit on public writes (answers, proposals, supports, subscriptions), counted
in the shared cache; while the cache is unreachable each process keeps counting on its own
rather than letting everything through or failing."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.utils.translation import gettext_lazy as _

from .forms import AUTOMATED_REQUEST

# Rate-limit counts of this process, used only while the shared cache is unreachable.
LOCAL_COUNTS = LocMemCache("rate-limit-fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}})
logger = logging.getLogger(__name__)
TOO_MANY_REQUESTS = _(
    "Too many requests have come from your connection in the last hour. Nothing was "
    "saved: please try again later."
)


def client_address(request) -> str:
    """The visitor's address; behind a trusted proxy, the last hop it added."""
    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def within_rate_limit(request, scope: str = "survey", limit: int | None = None) -> bool:
    """Count this attempt for the visitor's address; False once over the hourly limit.

    ``scope`` keeps separate counts for surveys, proposals and supports.
    """
    if limit is None:
        limit = settings.SURVEY_SUBMISSIONS_PER_HOUR
    if not limit:
        return True
    key = f"{scope}-rate:{client_address(request)}"
    attempts = _count(cache, key)
    if attempts is None:
        # The shared cache (Redis) is unreachable and django-redis ignored the error: keep
        # limiting, per process, rather than letting everything through or failing.
        logger.warning(
            "Shared cache unavailable: rate limit %s counted in this process only", scope
        )
        attempts = _count(LOCAL_COUNTS, key)
    return attempts <= limit


def _count(counts, key: str) -> int | None:
    """One more attempt under ``key`` for an hour; None when the cache did not answer."""
    counts.add(key, 0, timeout=3600)
    try:
        return counts.incr(key)
    except ValueError:  # expired between add and incr
        counts.set(key, 1, timeout=3600)
        return 1


def public_form_refusal(request, form, scope: str, limit: int):
    """Why a posted public form is refused, as ``(message or None, status)``, or None when it
    may be saved: a robot (the honeypot filled, 400), invalid fields (their own messages, 400),
    too many requests from this address (429). The order matters: a robot is never counted,
    and an invalid form does not use up the visitor's hourly allowance."""
    if form.is_from_a_robot():
        return AUTOMATED_REQUEST, 400
    if not form.is_valid():
        return None, 400
    if not within_rate_limit(request, scope, limit):
        return TOO_MANY_REQUESTS, 429
    return None
