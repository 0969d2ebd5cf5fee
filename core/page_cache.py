"""A shared cache of anonymous page views (Redis in production, local memory in development).

Only what is the same for every visitor is cached: GET or HEAD of a language-prefixed path
without a query string, from a visitor without a session, answered 200 without setting a cookie
and without varying on cookies. A page that renders a form uses a CSRF token, which makes
Django add ``Vary: Cookie``: such pages are never stored, so no visitor ever receives another's
token, and POSTs are never answered from the cache.

Publishing, unpublishing, moving or deleting a page, and any change to the records public pages
show (needs, proposals, supports, indicator values…), moves the cache to a new generation: the
old entries are no longer read and expire on their own.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import has_vary_header

GENERATION_KEY = "page-cache-generation"
CACHED_HEADER = "X-Page-Cache"


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


# Each process remembers the generation for a second, so a cached page costs one cache read;
# a purge made by another process is therefore seen within a second, by this one at once.
GENERATION_MEMO_SECONDS = 1.0
_memo = {"value": None, "until": 0.0}


def generation() -> int:
    now = time.monotonic()
    if _memo["value"] is not None and now < _memo["until"]:
        return _memo["value"]
    cache = page_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _fresh_generation(), timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    _memo.update(value=value, until=now + GENERATION_MEMO_SECONDS)
    return value


def clear() -> None:
    """Empty the page and fragment cache (and this process's memory of its generation)."""
    page_cache().clear()
    _memo.update(value=None, until=0.0)


def _fresh_generation() -> int:
    return time.time_ns() // 1000


def purge(**_kwargs) -> None:
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # the cache was emptied: start from a number never used before
        cache.set(GENERATION_KEY, _fresh_generation(), timeout=None)
    _memo.update(value=None, until=0.0)


def shared_fragment(request, key, compute):
    """A part of a page that is the same for every visitor (menus, the traceability timeline),
    kept in the shared cache for NAVIGATION_CACHE_SECONDS within the current generation."""
    seconds = getattr(settings, "NAVIGATION_CACHE_SECONDS", 0)
    if not seconds:
        return compute()
    digest = hashlib.sha1(f"{request.get_host()}:{key!r}".encode(), usedforsecurity=False)
    shared_key = f"fragment:{generation()}:{digest.hexdigest()}"
    value = page_cache().get(shared_key)
    if value is None:
        value = compute()
        page_cache().set(shared_key, value, seconds)
    return value


def _cacheable_request(request) -> bool:
    if request.method != "GET" or request.META.get("QUERY_STRING"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
    return request.path.startswith(prefixes)


def _key(request) -> str:
    digest = hashlib.sha1(f"{request.get_host()}:{request.path}".encode(), usedforsecurity=False)
    return f"page:{generation()}:{digest.hexdigest()}"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        cached = page_cache().get(key)
        if cached is not None:
            # Stored as plain content and headers: cheaper to read back than a pickled response.
            content, headers = cached
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response[CACHED_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not has_vary_header(response, "Cookie")
            and "private" not in response.get("Cache-Control", "")
        ):
            response[CACHED_HEADER] = "miss"
            headers = [(k, v) for k, v in response.items() if k != CACHED_HEADER]
            page_cache().set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
        return response


# Models whose changes show on public pages; survey answers are left out on purpose: their
# results are public only once a survey has closed, and a busy survey must not empty the cache.
PURGING_MODELS = (
    "wagtailcore.Page",
    "core.SiteSettings",
    "participation.Theme",
    "participation.Need",
    "participation.Proposal",
    "participation.ProposalDecision",
    "participation.Support",
    "participation.CriterionScore",
    "pilots.IndicatorMeasurement",
    "wagtailimages.Image",
    "core.CustomImage",
    "wagtaildocs.Document",
)


def connect_purge_signals() -> None:
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(purge, dispatch_uid=f"page-cache-{signal}")
    for label in PURGING_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        post_save.connect(purge, sender=model, dispatch_uid=f"page-cache-save-{label}")
        post_delete.connect(purge, sender=model, dispatch_uid=f"page-cache-delete-{label}")
