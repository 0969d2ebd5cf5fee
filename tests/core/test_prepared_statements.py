"""On PostgreSQL a page's queries are planned once per connection and the plan reused
(psycopg's prepared statements, server-side parameter binding; ``portal/settings/base.py``)."""

import pytest
from django.conf import settings
from django.db import connection
from wagtail.models import Page

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="prepared statements are PostgreSQL's",
    ),
]


def prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def test_a_query_run_again_with_other_values_is_planned_once():
    before = prepared_statements()
    assert not [text for text in before if '"wagtailcore_page"."slug" =' in text]
    for slug in ("first", "second", "third"):
        list(Page.objects.filter(slug=slug))
    prepared = [text for text in prepared_statements() if '"wagtailcore_page"."slug" =' in text]
    assert len(prepared) == 1, prepared
    assert "$1" in prepared[0]  # the values are bound by the server, not written into the text


def test_values_still_reach_the_query_intact():
    """Server-side binding passes values apart from the text: quotes and percent signs in
    them are data, not SQL."""
    title = "L'Unité des Communes 100% valdôtaines; DROP TABLE x --"
    page = Page.objects.get(depth=1)
    Page.objects.filter(pk=page.pk).update(title=title)
    for _ in range(3):
        assert Page.objects.filter(title=title).get().pk == page.pk
        assert Page.objects.filter(title__contains="100% val").count() == 1
