from csp.constants import HEADER as CSP_HEADER
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import render
from django.urls import is_valid_path
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, get_language_from_path
from wagtailcache.settings import wagtailcache_settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, without rebuilding a policy the response already carries: a
    page served from the page cache was stored with its header (the cache sits outside this
    middleware), and django-csp never replaces a header that is there, so building it again on
    every cache hit was work thrown away."""

    def process_response(self, request, response):
        if CSP_HEADER in response:
            return response
        return super().process_response(request, response)


class PermissionsPolicyMiddleware:
    """Tell browsers the site never uses the camera, microphone, location or payment APIs, so
    no embedded or injected content can ask for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class AdminPreviewFramingMiddleware:
    """Wagtail renders a preview through the middleware with a dummy request and shows it in an
    iframe of the admin: the public ``frame-ancestors 'none'`` would blank it, so a preview may
    be framed by the site's own origin (and by nothing else)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_preview", False):
            response._csp_replace = {"frame-ancestors": ["'self'"]}
        return response


class BrowserRevalidationMiddleware:
    """Pages kept in the shared cache (wagtail-cache) are sent to browsers with ``no-cache``:
    only the shared cache keeps them, so a purge reaches every visitor at once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get(wagtailcache_settings.WAGTAIL_CACHE_HEADER) in {"hit", "miss"}:
            response["Cache-Control"] = "no-cache"
            if "Expires" in response:
                del response["Expires"]
        return response


class RejectNullBytesMiddleware:
    """A NUL byte (``%00``) in the address is never meaningful, and PostgreSQL refuses it in a
    query: answer 400 with a page in the visitor's language before any view reads the value."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or "\x00" in value
            for key, values in request.GET.lists()
            for value in values
        ):
            return render(request, "400.html", status=400)
        return self.get_response(request)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except for a 404 from an address outside the language prefixes that has a
    view of its own (the admin, documents, open data): Django would send it to the same
    address under ``/it/``, where the public site's catch-all route takes it, so an editor's
    mistyped admin address landed on the public site. That 404 is the answer, as it stands."""

    def process_response(self, request, response):
        if (
            response.status_code == 404
            and not get_language_from_path(request.path_info)
            and is_valid_path(request.path_info, getattr(request, "urlconf", None))
        ):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
