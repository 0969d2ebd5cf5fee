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

from django.conf import settings
from django.core.cache import caches
from django.utils.cache import has_vary_header

GENERATION_KEY = "page-cache-generation"
CACHED_HEADER = "X-Page-Cache"


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def generation() -> int:
    cache = page_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def purge(**_kwargs) -> None:
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


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
            cached[CACHED_HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not has_vary_header(response, "Cookie")
            and "private" not in response.get("Cache-Control", "")
        ):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            response[CACHED_HEADER] = "miss"
            page_cache().set(key, response, settings.PAGE_CACHE_SECONDS)
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
