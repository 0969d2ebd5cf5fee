"""Shared fixtures: the test database holds the real demo site, built once per session."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("compile_catalogues", verbosity=0)
        call_command("load_demo", verbosity=0)


@pytest.fixture(autouse=True)
def default_language():
    """Requests activate their language in the test thread; start every test from Italian."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def page_in(model, language: str, **filters):
    return model.objects.get(locale__language_code=language, **filters)


def all_live_pages():
    return list(Page.objects.live().filter(depth__gte=2).specific().order_by("path"))


def count_queries(client, url: str, **extra) -> tuple[int, object]:
    """Queries for a warm request to ``url`` (one request first warms per-process caches)."""
    client.get(url, **extra)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return len(context.captured_queries), response


def text_of(response) -> str:
    """The text a visitor reads on a response, with whitespace collapsed."""
    from bs4 import BeautifulSoup

    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())
