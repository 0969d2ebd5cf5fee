"""Choices of a survey question are translated one by one in wagtail-localize, and a
translation that would change their number is refused with a message."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue

from participation.models import SurveyFormField
from participation.surveys.fields import ChoiceListField

pytestmark = pytest.mark.django_db

ITALIAN_ROLES = ["Residente", "Impresa", "Amministrazione pubblica", "Associazione", "Altro"]


def role_question(survey) -> SurveyFormField:
    return survey.form_fields.get(clean_name="respondent_type")


def choice_segments(source, question) -> list[StringSegment]:
    return list(
        StringSegment.objects.filter(
            source=source, context__path__contains=f"{question.translation_key}.choices."
        )
        .select_related("string", "context")
        .order_by("order")
    )


@pytest.fixture
def french_translation(open_survey):
    source, _created = TranslationSource.update_or_create_from_instance(open_survey)
    french = Locale.objects.get(language_code="fr")
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=french)
    return source, translation, open_survey.get_translation(french)


def test_each_choice_is_its_own_segment(french_translation, open_survey):
    source, _translation, _page = french_translation
    question = role_question(open_survey)
    segments = choice_segments(source, question)
    assert [segment.string.data for segment in segments] == question.choices.splitlines()
    positions = [s.context.path.rsplit(".", 1)[1] for s in segments]
    assert positions == [str(n) for n in range(len(question.choices.splitlines()))]
    assert not any("<br" in segment.string.data for segment in segments)


def test_the_translation_editor_offers_one_field_per_choice(
    client, french_translation, open_survey
):
    _source, _translation, french_page = french_translation
    client.force_login(get_user_model().objects.create_superuser("traduttrice", password="pw"))
    soup = BeautifulSoup(client.get(f"/admin/pages/{french_page.pk}/edit/").content, "html.parser")
    props = json.loads(soup.select_one("[data-props]")["data-props"])
    sources = [segment["source"] for segment in props["segments"] if segment["type"] == "string"]
    assert set(role_question(open_survey).choices.splitlines()) <= set(sources)
    assert not any("<br" in text for text in sources)


def test_a_choice_translated_on_two_lines_is_refused_and_not_used(french_translation, open_survey):
    source, translation, french_page = french_translation
    question = role_question(open_survey)
    italian = question.choices.splitlines()
    french_before = role_question(french_page).choices.splitlines()
    segments = choice_segments(source, question)
    good, bad = segments[1], segments[2]
    StringTranslation.objects.update_or_create(
        translation_of=good.string,
        locale=translation.target_locale,
        context=good.context,
        defaults={"data": "Entreprise privée"},
    )
    typed, _created = StringTranslation.objects.update_or_create(
        translation_of=bad.string,
        locale=translation.target_locale,
        context=bad.context,
        defaults={"data": "Administration publique\nCommune"},
    )
    typed.refresh_from_db()
    assert typed.has_error
    assert typed.get_error() == (  # in the language of the translator's admin (Italian here)
        "Qui l'originale ha 1 scelta/e ma questa traduzione ne ha 2. "
        "Traduci ogni scelta da sola, su una riga."
    )

    translation.save_target(publish=True)
    french_after = role_question(french_page.specific_class.objects.get(pk=french_page.pk))
    choices = french_after.choices.splitlines()
    assert len(choices) == len(french_before) == len(italian)
    assert choices[1] == "Entreprise privée"
    assert choices[2] == italian[2]  # the refused text is not used: the source shows instead


def test_restoring_a_different_number_of_choices_is_refused():
    field = SurveyFormField._meta.get_field("choices")
    assert isinstance(field, ChoiceListField)
    source = "\n".join(ITALIAN_ROLES)
    segments = [
        StringSegmentValue(str(i), text) for i, text in enumerate(["A", "B", "C", "D", "E"])
    ]
    assert field.restore_translated_segments(source, segments) == "A\nB\nC\nD\nE"
    segments[4] = StringSegmentValue("4", "")
    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        field.restore_translated_segments(source, segments)
    assert refused.value.message_dict == {
        "choices": [
            "Ici, l'original a 5 choix mais cette traduction en a 4. "
            "Traduisez chaque choix séparément, sur une seule ligne."
        ]
    }
