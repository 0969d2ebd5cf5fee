"""Indexes on Wagtail's page table for the query every page view runs (core.routing.read_along):
pages by their address (url_path) and the home page's children by depth and address. Wagtail
has neither; without them that query read the whole page table on every view."""

from django.db import migrations

INDEXES = {
    "postgresql": [
        "CREATE INDEX IF NOT EXISTS core_page_url_path ON wagtailcore_page (url_path)",
        "CREATE INDEX IF NOT EXISTS core_page_depth_url_path "
        "ON wagtailcore_page (depth, url_path text_pattern_ops)",
    ],
    "sqlite": [
        "CREATE INDEX IF NOT EXISTS core_page_url_path ON wagtailcore_page (url_path)",
        "CREATE INDEX IF NOT EXISTS core_page_depth_url_path ON wagtailcore_page (depth, url_path)",
    ],
}
NAMES = ("core_page_url_path", "core_page_depth_url_path")


def create(apps, schema_editor):
    for statement in INDEXES.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor in INDEXES:
        for name in NAMES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_editorial_groups"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create, drop)]
