"""Page addresses found once per section in a request (core.models.BasePage.get_url_parts)
are exactly Wagtail's, for every page of the demo, in every language the site is read in."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

from home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("active", ["it", "fr", "en"])
def test_every_address_is_wagtails(active):
    pages = list(Page.objects.live().filter(depth__gt=1).specific().order_by("path"))
    assert len(pages) > 80
    request = RequestFactory().get("/")
    with translation.override(active):
        expected = {page.pk: Page.get_url_parts(page, RequestFactory().get("/")) for page in pages}
        found = {page.pk: page.get_url_parts(request) for page in pages}
        # A second pass reads only what the first one kept on the request.
        again = {page.pk: page.get_url_parts(request) for page in reversed(pages)}
    assert found == expected
    assert again == expected
    assert request._digivillae_url_bases, "sections were kept on the request"


def test_a_site_root_keeps_its_own_address():
    request = RequestFactory().get("/")
    homes = list(HomePage.objects.order_by("path"))
    with translation.override("it"):
        for home in homes:
            assert home.get_url(request) == Page.get_url(home, RequestFactory().get("/"))
