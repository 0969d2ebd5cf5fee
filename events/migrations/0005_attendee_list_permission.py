"""The attendee lists (names and e-mail addresses) need a permission of their own, granted to
the communication officers, who organise events; administrators have every permission."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(
        content_type__app_label="events", codename="download_attendee_list"
    )
    for group in apps.get_model("auth", "Group").objects.filter(name="Communication officers"):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_listing_order_index"),
        ("core", "0002_editorial_groups"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="registration",
            options={
                "ordering": ["created_at", "pk"],
                "permissions": [
                    ("download_attendee_list", "Can download the attendee lists of events")
                ],
                "verbose_name": "event registration",
                "verbose_name_plural": "event registrations",
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
