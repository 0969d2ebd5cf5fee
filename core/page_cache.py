"""Anonymous page views served from a shared cache, with wagtail-cache (docs/architecture.md,
"Page cache").

wagtail-cache stores and serves the responses; this module decides what may be stored and what
a change purges:

* only GET/HEAD of a language-prefixed path without a query string (``cacheable_request``), from
  a visitor without a session (so never signed in) and not previewing, answered without a
  per-visitor cookie;
  pages behind a view restriction answer ``Cache-Control: private`` (``BasePage`` mixes in
  ``WagtailCacheMixin``) and personal pages ``private, no-store``: neither is ever stored;
* publishing, unpublishing, moving or deleting a page purges that page (with its sub-routes)
  and the pages that list it (``BasePage.pages_showing_me``), in every language;
* a view restriction added or removed purges the page and everything below it at once;
* site settings, images and documents show everywhere: a change to them empties the cache.

Browsers are told to revalidate (``no-cache``): only the shared cache keeps pages, so a purge
reaches every visitor.
"""

import functools
import logging
import re

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtailcache.cache import clear_cache

logger = logging.getLogger(__name__)


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAIL_CACHE", False))


def when_enabled(handler):
    """Run a purge handler only while the page cache is on: with it off (tests, development
    without a cache) a change costs no lookup of the pages that show it."""

    @functools.wraps(handler)
    def guarded(*args, **kwargs):
        if enabled():
            handler(*args, **kwargs)

    return guarded


def cacheable_request(request) -> bool:
    """A language-prefixed address without a query string, from a visitor without a session:
    the cache answers before authentication runs, so a session (every signed-in editor has
    one) is what keeps a visitor away from it."""
    if request.META.get("QUERY_STRING") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
    if not request.path.startswith(prefixes):
        return False
    try:  # the cache key holds the host: a host the site does not serve gets its 400 later
        request.get_host()
    except DisallowedHost:
        return False
    return True


def _url_pattern(path: str, with_subpaths: bool) -> str:
    ending = "" if with_subpaths else "$"
    return rf"^https?://[^/]+{re.escape(path)}{ending}"


def translations_of(pages) -> list[Page]:
    """Every language version of these pages (live or not: an unpublished one drops out)."""
    keys = {page.translation_key for page in pages if page is not None}
    if not keys:
        return []
    return list(Page.objects.filter(translation_key__in=keys, alias_of__isnull=True))


@when_enabled
def purge(pages=(), listings=()) -> None:
    """Forget the cached views of ``pages`` (with their sub-routes: a call's proposals, a
    register's needs) and of ``listings`` (their own address only), in every language."""
    patterns = []
    for page, with_subpaths in [(p, True) for p in translations_of(pages)] + [
        (p, False) for p in translations_of(listings)
    ]:
        path = page.get_url()
        if path:
            patterns.append(_url_pattern(path, with_subpaths))
    if patterns:
        _clear(patterns)


@when_enabled
def purge_everything(**_kwargs) -> None:
    _clear(None)


def _clear(patterns) -> None:
    try:
        clear_cache(patterns) if patterns else clear_cache()
    except Exception:  # noqa: BLE001 — a cache outage must not break an editor's publish
        logger.warning("Could not purge the page cache", exc_info=True)


@when_enabled
def purge_page(instance, **_kwargs) -> None:
    page = instance.specific_deferred if isinstance(instance, Page) else instance
    if page.depth <= 3:  # the home page and the sections: in every page's menu
        purge_everything()
        return
    showing = getattr(page, "pages_showing_me", None)
    purge(pages=[page], listings=showing() if showing else list(page.get_ancestors()))


def purge_restricted(instance, **_kwargs) -> None:
    """A restriction covers the page and its descendants: purge the whole branch."""
    purge(pages=[instance.page])


def purge_after_move(instance, url_path_before=None, **_kwargs) -> None:
    purge_everything()


EVERYWHERE = (
    "core.SiteSettings",
    "core.CustomImage",
    "wagtaildocs.Document",
)


def connect_purge_signals() -> None:
    from django.apps import apps

    page_published.connect(purge_page, dispatch_uid="page-cache-published")
    page_unpublished.connect(purge_page, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(purge_after_move, dispatch_uid="page-cache-moved")
    post_delete.connect(purge_everything, sender=Page, dispatch_uid="page-cache-deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            purge_restricted,
            sender=PageViewRestriction,
            dispatch_uid=f"page-cache-restrict-{signal}",
        )
    for label in EVERYWHERE:
        model = apps.get_model(label)
        for signal in (post_save, post_delete):
            signal.connect(
                purge_everything, sender=model, dispatch_uid=f"page-cache-{label}-{signal}"
            )
