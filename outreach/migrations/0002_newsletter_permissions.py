"""Communication officers and editors write, translate and send newsletters."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [
    "add_newsletter",
    "change_newsletter",
    "delete_newsletter",
    "view_newsletter",
    "send_newsletter",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("outreach")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="outreach", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=["Communication officers", "Editors"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0001_initial"),
        ("core", "0002_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
