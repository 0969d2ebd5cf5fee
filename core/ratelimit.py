"""A per-address limit on public writes (answers, proposals, supports, subscriptions), counted
in the shared cache; while the cache is unreachable each process keeps counting on its own
rather than letting everything through or failing."""

import ipaddress
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


def is_exempt(address: str) -> bool:
    """An address of a network the operator declared (``RATE_LIMIT_EXEMPT_NETWORKS``: a local
    hub's fixed connection, say) is never limited."""
    networks = settings.RATE_LIMIT_EXEMPT_NETWORKS
    if not networks:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def within_rate_limit(request, scope: str = "survey", limit: int | None = None) -> bool:
    """Count one accepted submission for the visitor's address; False once over the hourly
    limit. Call it only for a submission that would be saved (valid, not from a robot): a
    form sent back for a mistake must not use up the allowance.

    ``scope`` keeps separate counts for surveys, proposals, supports and subscriptions.
    """
    if limit is None:
        limit = settings.SURVEY_SUBMISSIONS_PER_HOUR
    address = client_address(request)
    if not limit or is_exempt(address):
        return True
    key = f"{scope}-rate:{address}"
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
