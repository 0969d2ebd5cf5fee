"""Per-visitor tokens in pages served from the shared cache.

A page with a form needs two things that must never be shared between visitors: Django's CSRF
token and the form's duplicate-submission token. Rendering them makes a page uncacheable, so a
form page renders *markers* instead (``{% visitor_csrf_input %}``, ``FRESH_SUBMISSION_TOKEN``),
the shared cache stores the page with its markers, and ``VisitorTokensMiddleware`` — outside the
cache middleware — replaces them on the way out of every response: the visitor's own CSRF token
(setting the CSRF cookie as Django's middleware does) and a new random submission token for
each form. No JavaScript is needed, and the cached copy never holds a token.

The markers are derived from ``SECRET_KEY``, so page content cannot forge one.
"""

import uuid

from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import patch_cache_control
from django.utils.crypto import salted_hmac
from django.utils.functional import SimpleLazyObject


def _marker(purpose: str) -> str:
    return "vt" + salted_hmac("core.visitor_tokens", purpose).hexdigest()[:30]


CSRF_MARKER = SimpleLazyObject(lambda: _marker("csrf"))
FRESH_SUBMISSION_TOKEN = SimpleLazyObject(lambda: _marker("submission"))


class VisitorTokensMiddleware:
    """Stamps the visitor's tokens into an HTML response that carries markers. First in
    ``MIDDLEWARE``, so the shared cache has stored the response (with its markers) before."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        response = self.get_response(request)
        if response.streaming or "html" not in response.get("Content-Type", ""):
            return response
        csrf_marker = str(CSRF_MARKER).encode()
        submission_marker = str(FRESH_SUBMISSION_TOKEN).encode()
        content = response.content
        if csrf_marker not in content and submission_marker not in content:
            return response
        if csrf_marker in content:
            if "CSRF_COOKIE" not in request.META:  # a cache hit: the CSRF middleware never ran
                self.csrf.process_request(request)
            content = content.replace(csrf_marker, get_token(request).encode())
        parts = content.split(submission_marker)
        content = parts[0] + b"".join(str(uuid.uuid4()).encode() + part for part in parts[1:])
        response.content = content
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(content))
        # What Django's CSRF middleware would have done had the page rendered {% csrf_token %}:
        # set the cookie (when the visitor had none) and say the response varies with it.
        self.csrf.process_response(request, response)
        patch_cache_control(response, private=True)
        return response
