import logging
import sys

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import (
    get_language,
    get_language_from_path,
    get_language_from_request,
)
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Locale, Page

from .pagination import page_of
from .sitemaps import MultilingualSitemap

logger = logging.getLogger(__name__)
SEARCH_RESULTS_PER_PAGE = 10
SEARCH_QUERY_MAX_LENGTH = 200


@require_GET
def search(request):
    """Search over all published content in the visitor's language."""
    query = request.GET.get("q", "").strip()
    error = ""
    results_page = None
    if len(query) > SEARCH_QUERY_MAX_LENGTH:
        error = _("Your search is too long: use at most %(max)d characters.") % {
            "max": SEARCH_QUERY_MAX_LENGTH
        }
    elif query:
        results = (
            Page.objects.live()
            .filter(locale=Locale.get_active())
            .exclude(depth__lte=1)
            .specific()
            .search(query)
        )
        results_page = page_of(results, request, SEARCH_RESULTS_PER_PAGE, q=query)
    return TemplateResponse(
        request,
        "core/search.html",
        {
            "search_query": query,
            "results": results_page,
            "error": error,
        },
        status=400 if error else 200,
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        *(f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES),
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": MultilingualSitemap})


DATABASE_RETRY_SECONDS = 30


def server_error(request):
    """The error page, rendered without a database query, in the language the request was in.

    When the database is unreachable (PostgreSQL restarting, a failover) the visitor gets a
    503 "back in a moment" page with Retry-After instead: nothing they sent was saved, and a
    retry will work once the database is back.
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        logger.warning("Database unavailable, answering 503: %s", error)
        language = get_language_from_path(request.path_info) or get_language()
        with translation.override(language):
            response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(DATABASE_RETRY_SECONDS)
        add_never_cache_headers(response)
        return response
    return render(request, "500.html", status=500)


def bad_request(request, exception):
    """A request Django refuses before any view (``handler400``). A Host header that is not
    allowed gets a page that never asks for the host (the site's frame would, to draw the
    language switcher and the canonical address, and fail again) and reads no database; any
    other bad request gets the site's own "address not understood" page."""
    if isinstance(exception, DisallowedHost):
        language = get_language_from_path(request.path_info) or get_language_from_request(request)
        with translation.override(language):
            response = HttpResponse(render_to_string("400_host.html"), status=400)
        response["Content-Language"] = language
        add_never_cache_headers(response)
        return response
    return render(request, "400.html", status=400)


def healthz(request):
    """For load balancers and uptime checks: answers without touching the database (and is the
    framework's floor in `make bench`)."""
    return HttpResponse("ok", content_type="text/plain")
