"""A "Hub facilitators" group that enters answers collected at the local hubs and drafts the
needs raised at hub workshops; the editors' rights to name facilitators and to publish needs
and themes; needs found through a survey say so; questions created outside the admin get the
position they were created in."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

FACILITATOR_CODENAMES = [
    "add_surveysubmission",
    "change_surveysubmission",
    "add_need",
    "change_need",
]
# Editors review what facilitators draft and publish it: needs and themes have drafts.
EDITOR_CODENAMES = [
    *("add_facilitator", "change_facilitator", "delete_facilitator", "view_facilitator"),
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


def needs_from_surveys(apps, schema_editor):
    """Needs found through a survey say so; the others were entered directly."""
    Need = apps.get_model("participation", "Need")
    Need.objects.filter(source_survey__isnull=False).update(origin="survey")


def number_unordered_questions(apps, schema_editor):
    """Questions created outside the admin (the demo) had no position, and a tie comes back in
    any order: number them in the order they were created."""
    SurveyFormField = apps.get_model("participation", "SurveyFormField")
    pages = SurveyFormField.objects.filter(sort_order__isnull=True).values_list("page_id", flat=True)
    for page_id in set(pages):
        questions = SurveyFormField.objects.filter(page_id=page_id).order_by("sort_order", "pk")
        for position, question in enumerate(questions):
            question.sort_order = position
            question.save(update_fields=["sort_order"])


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0015_hubs_channels_and_workshop_needs"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.RunPython(grant, revoke),
        migrations.RunPython(needs_from_surveys, migrations.RunPython.noop),
        migrations.RunPython(number_unordered_questions, migrations.RunPython.noop),
    ]
