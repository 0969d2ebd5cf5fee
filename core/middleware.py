from django.conf import settings
from wagtailcache.settings import wagtailcache_settings


class PermissionsPolicyMiddleware:
    """Tell browsers the site never uses the camera, microphone, location or payment APIs, so
    no embedded or injected content can ask for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
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
