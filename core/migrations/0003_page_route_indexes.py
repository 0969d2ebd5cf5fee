"""Indexes on Wagtail's page table for the query every page view runs (core.routing.read_along):
pages by their address (url_path) and the home page's children by depth and address. Wagtail
has neither; without them that query read the whole page table on every view."""

from django.db import migrations

NAMES = ("core_page_url_path", "core_page_depth_url_path")


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        return
    # PostgreSQL needs the pattern operator class for LIKE 'prefix%' to use the index.
    pattern = " text_pattern_ops" if vendor == "postgresql" else ""
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS core_page_url_path ON wagtailcore_page (url_path)"
    )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS core_page_depth_url_path "
        f"ON wagtailcore_page (depth, url_path{pattern})"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor in ("postgresql", "sqlite"):
        for name in NAMES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_editorial_groups"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create, drop)]
