"""Shared fixtures: the test database holds the real demo site, built once per session."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from tests.demo_database import (
    admin_connection,
    database_url,
    drop_demo_templates,
    ensure_demo_template,
)


def is_postgresql() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """On PostgreSQL every worker's test database starts as a copy of the run's demo template."""
    if is_postgresql():
        database = settings.DATABASES["default"]
        database.setdefault("TEST", {})["TEMPLATE"] = ensure_demo_template(database)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    if not is_postgresql():  # no template: build the demo here
        with django_db_blocker.unblock():
            call_command("compile_catalogues", verbosity=0)
            call_command("load_demo", verbosity=0)


def pytest_sessionfinish(session):
    """The controller (or a run without workers) drops the run's demo template at the end."""
    if not hasattr(session.config, "workerinput") and is_postgresql():
        drop_demo_templates(settings.DATABASES["default"])


@pytest.fixture(autouse=True)
def default_language():
    """Requests activate their language in the test thread; start every test from Italian."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


# Queries a public page may make, flat in the number of items it lists (cold pages are held to
# 12 in tests/core/test_query_counts.py).
MAX_QUERIES = 35


def copy_of_test_database(name: str):
    """A PostgreSQL copy of the demo database every test database starts as (the run's
    template), made in about a second (CREATE DATABASE ... TEMPLATE) instead of migrating and
    loading the demo again. The template, not this process's test database: nobody holds a
    session on it, and it exists even when no collected test asked pytest-django for a database
    (a run of the browser tests alone).

    Returns the copy's URL and a function that drops it, or None when the suite runs on SQLite.
    """
    if not is_postgresql():
        return None
    database = settings.DATABASES["default"]
    template = database["TEST"]["TEMPLATE"]
    with admin_connection(database) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        pg.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')

    def drop():
        with admin_connection(database) as pg:
            pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return database_url(database, name), drop


def page_in(model, language: str, **filters):
    return model.objects.get(locale__language_code=language, **filters)


def demo_pilot(language: str):
    """The demo's pilot that came from a call (the mobile help desk in Mont-Rose), in
    ``language``; the demo's other pilots came from the territories' own work."""
    from pilots.models import PilotPage

    italian = PilotPage.objects.get(locale__language_code="it", slug="sportello-itinerante")
    return PilotPage.objects.get(
        locale__language_code=language, translation_key=italian.translation_key
    )


def user_in(group_name: str, **fields):
    """A new user in one of the editorial groups ("Editors", "Communication officers", ...)."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(f"user-{group_name}".replace(" ", "-"), password="pw", **fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


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


def form_values(form) -> dict:
    """What a browser sends from a parsed ``<form>`` as it stands (every field with a name;
    ticked boxes only; a select's selected option, or its first)."""
    data: dict = {}
    for tag in form.select("[name]"):
        name = tag["name"]
        if tag.name == "select":
            selected = tag.select_one("option[selected]") or tag.select_one("option")
            data[name] = selected.get("value", "") if selected is not None else ""
        elif tag.name == "textarea":
            data[name] = tag.get_text()
        elif tag.get("type") in {"checkbox", "radio"}:
            if tag.has_attr("checked"):
                data[name] = tag.get("value", "on")
        elif tag.get("type") not in {"submit", "button"}:
            data.setdefault(name, tag.get("value", ""))
    return data


@pytest.fixture
def clear_rate_limits():
    """Rate-limit counts live in the cache, not the database: each test starts from none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
