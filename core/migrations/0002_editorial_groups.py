"""Create the editorial groups with their admin, media and page permissions.

Page permissions are granted on the root page for Editors and Translators; Communication officers
get theirs on each news and events section as it is created (core.signals).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COMMUNICATION_OFFICERS = "Communication officers"
EDITORS = "Editors"
TRANSLATORS = "Translators"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page",
              "unlock_page"],
    TRANSLATORS: ["add_page", "change_page"],
}
COLLECTION_PERMISSIONS = {
    COMMUNICATION_OFFICERS: [("wagtailimages", "add_image"), ("wagtailimages", "change_image"),
                             ("wagtailimages", "choose_image"),
                             ("wagtaildocs", "add_document"), ("wagtaildocs", "change_document"),
                             ("wagtaildocs", "choose_document")],
    EDITORS: [("wagtailimages", "add_image"), ("wagtailimages", "change_image"),
              ("wagtailimages", "delete_image"), ("wagtailimages", "choose_image"),
              ("wagtaildocs", "add_document"), ("wagtaildocs", "change_document"),
              ("wagtaildocs", "delete_document"), ("wagtaildocs", "choose_document")],
    TRANSLATORS: [("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")],
}
MODEL_PERMISSIONS = {
    COMMUNICATION_OFFICERS: [("wagtailadmin", "access_admin")],
    EDITORS: [("wagtailadmin", "access_admin"), ("core", "change_sitesettings"),
              ("wagtail_localize", "submit_translation"),
              ("wagtailredirects", "add_redirect"), ("wagtailredirects", "change_redirect"),
              ("wagtailredirects", "delete_redirect")],
    TRANSLATORS: [("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation")],
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    for name in (COMMUNICATION_OFFICERS, EDITORS, TRANSLATORS):
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in MODEL_PERMISSIONS[name]:
            group.permissions.add(permission(app_label, codename))
        if root_collection is not None:
            for app_label, codename in COLLECTION_PERMISSIONS[name]:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection,
                    permission=permission(app_label, codename),
                )
        if root_page is not None:
            for codename in PAGE_PERMISSIONS.get(name, []):
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=permission("wagtailcore", codename)
                )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=[COMMUNICATION_OFFICERS, EDITORS, TRANSLATORS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
