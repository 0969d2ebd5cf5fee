from django.conf import settings


class PermissionsPolicyMiddleware:
    """Tell browsers the site never uses the camera, microphone, location or payment APIs, so
    no embedded or injected content can ask for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
