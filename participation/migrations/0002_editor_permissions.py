"""Editors see and export survey answers, erase personal data on request, and manage themes."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    "view_surveysubmission", "delete_surveysubmission",
    "add_theme", "change_theme", "delete_theme", "view_theme",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("participation")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    editors.permissions.add(*Permission.objects.filter(
        content_type__app_label="participation", codename__in=EDITOR_PERMISSIONS
    ))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.remove(*Permission.objects.filter(
            content_type__app_label="participation", codename__in=EDITOR_PERMISSIONS
        ))


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_initial"),
        ("core", "0002_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
