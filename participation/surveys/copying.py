"""“Copy as a new survey”: the questions, sections, conditions and their translations, without
the answers, so a survey run in one territory can be repeated in another.

Wagtail copies the page and its questions (answers are not part of a page); conditions refer to
questions' storage keys, which a copy keeps, so they hold. The translations are rebuilt the way
wagtail-localize builds them: the translators' strings of the original are attached to the
copy's segments, and each language version is created from them, still synchronised with the
new source, as a draft.
"""

from django.db import transaction
from django.utils.text import slugify
from wagtail_localize.models import (
    StringTranslation,
    TranslatableObject,
    Translation,
    TranslationContext,
    TranslationSource,
)

from .pages import SurveyPage


def free_slug(parent, title: str, page=None) -> str:
    """A web address made from ``title`` that no other page below ``parent`` uses (``page``
    itself, when it is being renamed, does not count)."""
    base = slugify(title)[:70] or "questionario"
    slug, number = base, 1
    others = (
        parent.get_children().exclude(pk=page.pk) if page is not None else parent.get_children()
    )
    while others.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def source_version(survey: SurveyPage) -> SurveyPage:
    """The language version the others were translated from (the survey itself if none)."""
    known = TranslationSource.objects.filter(object_id=survey.translation_key).first()
    if known is None:
        return survey
    return SurveyPage.objects.get(
        translation_key=survey.translation_key, locale=known.locale, alias_of__isnull=True
    )


@transaction.atomic
def copy_survey(original: SurveyPage, title: str, user) -> SurveyPage:
    """A new draft survey under the same index; every translation of the original becomes a
    draft translation of the copy."""
    source_page = source_version(original)
    parent = source_page.get_parent()
    copy = source_page.copy(
        to=parent,
        update_attrs={"title": title, "slug": free_slug(parent, title), "live": False},
        keep_live=False,
        copy_revisions=False,
        user=user,
        log_action="wagtail.copy",
    ).specific
    copy.save_revision(user=user)

    keys = child_key_map(source_page, copy)
    source, _created = TranslationSource.get_or_create_from_instance(copy)
    old_object = TranslatableObject.objects.filter(translation_key=source_page.translation_key)
    new_contexts = {
        context.path: context
        for context in TranslationContext.objects.filter(object_id=copy.translation_key)
    }
    for translated in StringTranslation.objects.filter(context__object__in=old_object):
        context = new_contexts.get(renamed_path(translated.context.path, keys))
        if context is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=translated.translation_of,
            locale=translated.locale,
            context=context,
            defaults={
                "data": translated.data,
                "translation_type": translated.translation_type,
            },
        )
    locales = (
        SurveyPage.objects.filter(
            translation_key=source_page.translation_key, alias_of__isnull=True
        )
        .exclude(locale=source_page.locale)
        .values_list("locale", flat=True)
    )
    for locale_id in locales:
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale_id=locale_id
        )
        translation.save_target(user=user, publish=False)
    return copy


def child_key_map(original: SurveyPage, copy: SurveyPage) -> dict[str, str]:
    """Old question translation key → new one, matched on the storage key a copy keeps."""
    new = {field.clean_name: str(field.translation_key) for field in copy.form_fields.all()}
    return {
        str(field.translation_key): new[field.clean_name]
        for field in original.form_fields.all()
        if field.clean_name in new
    }


def renamed_path(path: str, keys: dict[str, str]) -> str:
    """A segment path names the question by its translation key: give it the copy's."""
    parts = path.split(".")
    return ".".join(keys.get(part, part) for part in parts)
