"""A "Hub facilitators" group that enters answers collected at the local hubs and drafts the
needs raised at hub workshops (editors publish them), and the editors' rights over hubs."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

FACILITATOR_CODENAMES = [
    "add_surveysubmission",
    "change_surveysubmission",
    "add_need",
    "change_need",
    "view_hub",
]
EDITOR_CODENAMES = ["add_hub", "change_hub", "delete_hub", "view_hub"]


def grant(apps, schema_editor):
    for label in ("participation", "wagtailadmin"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(app_label, codenames):
        return Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)

    facilitators, _created = Group.objects.get_or_create(name="Hub facilitators")
    facilitators.permissions.add(
        *permissions("participation", FACILITATOR_CODENAMES),
        *permissions("wagtailadmin", ["access_admin"]),
    )
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(*permissions("participation", EDITOR_CODENAMES))


def revoke(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Hub facilitators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0015_local_hubs_and_channels"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
