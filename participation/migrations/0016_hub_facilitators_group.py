"""A "Hub facilitators" group that enters answers collected at the local hubs and drafts the
needs raised at hub workshops, and the editors' rights over hubs and to publish needs."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

FACILITATOR_CODENAMES = [
    "add_surveysubmission",
    "change_surveysubmission",
    "add_need",
    "change_need",
    "view_hub",
]
# Editors review what facilitators draft and publish it: needs and themes have drafts.
EDITOR_CODENAMES = [
    *("add_hub", "change_hub", "delete_hub", "view_hub"),
    *("publish_need", "publish_theme"),
]


def grant(apps, schema_editor):
    for label in ("participation", "wagtailadmin"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    # Wagtail adds the "publish" permissions of snippets after migrations: add them now.
    for model in ("need", "theme"):
        content_type, _created = ContentType.objects.get_or_create(
            app_label="participation", model=model
        )
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"publish_{model}",
            defaults={"name": f"Can publish {model}"},
        )

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
