"""Editors manage the needs register."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["add_need", "change_need", "delete_need", "view_need"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("participation")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(*Permission.objects.filter(
            content_type__app_label="participation", codename__in=CODENAMES
        ))


class Migration(migrations.Migration):
    dependencies = [("participation", "0003_needs_register")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
