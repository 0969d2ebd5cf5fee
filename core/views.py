from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Locale, Page

from .pagination import page_of
from .sitemaps import MultilingualSitemap

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


def server_error(request):
    """500 page rendered without a database query, in the language the request was in."""
    return render(request, "500.html", status=500)


def healthz(request):
    """For load balancers and uptime checks: answers without touching the database (and is the
    framework's floor in `make bench`)."""
    return HttpResponse("ok", content_type="text/plain")
