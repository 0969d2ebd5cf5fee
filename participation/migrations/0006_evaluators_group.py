"""An "Evaluators" group that scores the proposals of the calls it is assigned to, and the
editors' rights to manage proposals, assignments and pilot indicator values."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EVALUATOR_CODENAMES = ["view_proposal", "add_evaluation", "change_evaluation", "view_evaluation"]
EDITOR_CODENAMES = [
    "view_proposal",
    "change_proposal",
    "decide_proposal",
    "view_evaluation",
    "add_evaluatorassignment",
    "change_evaluatorassignment",
    "delete_evaluatorassignment",
    "view_evaluatorassignment",
]
PILOT_CODENAMES = [
    "add_indicatormeasurement",
    "change_indicatormeasurement",
    "delete_indicatormeasurement",
    "view_indicatormeasurement",
]


def ensure_permissions(apps, label):
    app_config = apps.get_app_config(label)
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None


def grant(apps, schema_editor):
    for label in ("participation", "pilots", "wagtailadmin"):
        ensure_permissions(apps, label)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(app_label, codenames):
        return Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)

    evaluators, _created = Group.objects.get_or_create(name="Evaluators")
    evaluators.permissions.add(
        *permissions("participation", EVALUATOR_CODENAMES),
        *permissions("wagtailadmin", ["access_admin"]),
    )
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(
            *permissions("participation", EDITOR_CODENAMES),
            *permissions("pilots", PILOT_CODENAMES),
        )


def revoke(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Evaluators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0005_challenge_calls"),
        ("pilots", "0002_pilots_and_indicators"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
