"""A new territory in one step: the administrators' form makes its page and hub, its open
survey, its draft plan and its groups in every chosen language, in one transaction; the groups
reach its pages only; a checklist says what is left and shrinks as it is filled; refusals leave
nothing behind."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from wagtail.models import Page

from participation.models import Facilitator, SurveyPage
from partners.models import PartnerPage
from pilots.models import LocalHub, PilotTerritoryPage
from replication.models import OnboardedTerritory
from replication.onboarding.service import NewTerritory, OnboardingRefused, add_territory
from strategies.models import StrategyPage
from tests.conftest import page_in, text_of

pytestmark = pytest.mark.django_db


def administrator(language: str = "fr") -> User:
    from wagtail.users.models import UserProfile

    user = User.objects.create_superuser("amministratrice", "admin@example.org", "x-Secret-123")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def form_data(**changes) -> dict:
    survey = page_in(SurveyPage, "it", slug="bisogni-del-territorio")
    partner = page_in(PartnerPage, "it", slug="aktantis")
    data = {
        "name": "Barcelonnette",
        "slug": "",
        "region": "Alpes-de-Haute-Provence",
        "municipalities": "Barcelonnette\nJausiers",
        "population": "2600",
        "partner": str(partner.pk),
        "languages": ["fr", "it"],
        "hub_name": "Pôle de l'Ubaye",
        "hub_address": "Place Manuel, 04400 Barcelonnette",
        "survey": str(survey.pk),
    }
    data.update(changes)
    return data


def counts() -> tuple:
    return (
        Page.objects.count(),
        Group.objects.count(),
        LocalHub.objects.count(),
        OnboardedTerritory.objects.count(),
    )


def test_an_administrator_adds_a_territory_in_french_and_italian(
    client, django_capture_on_commit_callbacks
):
    client.force_login(administrator("fr"))
    form = client.get("/admin/territories/new/")
    assert "Nouveau territoire" in text_of(form)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/territories/new/", form_data())
    assert response.status_code == 302, text_of(response)[:2000]
    record = OnboardedTerritory.objects.get(territory__title="Barcelonnette")
    versions = PilotTerritoryPage.objects.filter(translation_key=record.territory.translation_key)
    assert sorted(v.locale.language_code for v in versions if v.live) == ["fr", "it"]
    assert not versions.filter(locale__language_code="en").exists()
    french = versions.get(locale__language_code="fr")
    page = text_of(client.get(french.url))
    assert "Pôle de l'Ubaye" in page and "Barcelonnette" in page
    # Its survey is open in both languages, copied with the translations.
    for language, question in (("fr", "Votre territoire"), ("it", "Il tuo territorio")):
        survey = SurveyPage.objects.get(
            translation_key=record.survey.translation_key, locale__language_code=language
        )
        assert survey.live and survey.status() == survey.OPEN
        assert survey.title.endswith("— Barcelonnette")
        assert question in text_of(client.get(survey.url))
    plans = StrategyPage.objects.filter(translation_key=record.strategy.translation_key)
    assert plans.count() == 2 and not plans.filter(live=True).exists()
    assert record.editors.name == "Rédaction : Barcelonnette"
    home = text_of(client.get("/admin/"))
    assert "Nouveaux territoires : ce qu'il reste à compléter" in home


def test_the_territorys_groups_reach_its_pages_and_nothing_else(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        record = add_territory(
            NewTerritory(
                name="Allos",
                region="Alpes-de-Haute-Provence",
                municipalities="Allos",
                languages=["fr"],
                hub_name="Pôle d'Allos",
                hub_address="Village, 04260 Allos",
                survey=page_in(SurveyPage, "fr", slug="besoins-du-territoire"),
            )
        )
    facilitator = User.objects.create_user("animatrice-allos")
    facilitator.groups.add(record.facilitators)
    assert Facilitator.objects.filter(user=facilitator, territory=record.territory).exists()
    editor = User.objects.create_user("redactrice-allos")
    editor.groups.add(record.editors)
    own = PilotTerritoryPage.objects.get(pk=record.territory.pk)
    other = page_in(PilotTerritoryPage, "fr", slug="mont-rose")
    for user in (facilitator, editor):
        assert own.permissions_for_user(user).can_edit()
        assert not other.permissions_for_user(user).can_edit()
        assert (
            not page_in(SurveyPage, "fr", slug="besoins-du-territoire")
            .permissions_for_user(user)
            .can_edit()
        )
    assert record.survey.permissions_for_user(editor).can_publish()
    assert not record.strategy.permissions_for_user(editor).can_publish()  # its approvers do
    facilitator.groups.remove(record.facilitators)
    assert not Facilitator.objects.filter(user=facilitator).exists()


def test_the_checklist_shrinks_as_things_are_filled(client, django_capture_on_commit_callbacks):
    from replication.onboarding.checklist import left_to_fill

    with django_capture_on_commit_callbacks(execute=True):
        record = add_territory(
            NewTerritory(
                name="Colmars",
                region="Alpes-de-Haute-Provence",
                municipalities="Colmars",
                languages=["fr", "it"],
                hub_name="Pôle de Colmars",
                hub_address="Grand-Rue, 04370 Colmars",
                survey=page_in(SurveyPage, "fr", slug="besoins-du-territoire"),
            )
        )
    items = [str(item.label) for item in left_to_fill(record)]
    assert len(items) == 5  # photo, place on the map, hub hours, partner, survey dates
    territory = record.territory
    territory.latitude, territory.longitude = Decimal("44.16"), Decimal("6.62")
    hub = territory.local_hubs.get()
    hub.opening_hours = "Lundi et jeudi, 9 h – 12 h"
    hub.save()
    territory.partner = page_in(PartnerPage, "fr", slug="aktantis")
    territory.save()
    SurveyPage.objects.filter(translation_key=record.survey.translation_key).update(
        closes_at=timezone.now() + timezone.timedelta(days=90)
    )
    record.refresh_from_db()
    remaining = [str(item.label) for item in left_to_fill(record)]
    assert remaining == [items[0]]  # the photo is all that is left
    client.force_login(administrator("it"))
    assert "Colmars" in text_of(client.get("/admin/"))


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": "Unione del Fossanese"}, "name", "Un territoire porte déjà ce nom."),
        ({"slug": "mont-rose"}, "slug", "Cette adresse web est déjà utilisée"),
        ({"hub_address": "Fossano (CN)"}, "hub_address", "déjà celle d'un autre pôle local"),
    ],
)
def test_refusals_leave_nothing_behind(client, changes, field, message):
    client.force_login(administrator("fr"))
    before = counts()
    response = client.post("/admin/territories/new/", form_data(**changes))
    assert response.status_code == 200
    assert message in text_of(response), text_of(response)[:1500]
    assert counts() == before


def test_a_language_without_a_home_page_or_a_survey_without_its_version_is_refused():
    english_home = Page.objects.get(depth=2, locale__language_code="en")
    english_home.delete()
    survey = page_in(SurveyPage, "it", slug="bisogni-del-territorio")
    before = counts()
    with pytest.raises(OnboardingRefused) as refused:
        add_territory(
            NewTerritory(
                name="Uvernet",
                region="Alpes",
                municipalities="Uvernet",
                languages=["it", "en"],
                hub_name="Pôle",
                hub_address="Uvernet",
                survey=survey,
            )
        )
    assert "languages" in refused.value.errors
    SurveyPage.objects.filter(translation_key=survey.translation_key).exclude(
        locale__language_code="it"
    ).delete()
    with pytest.raises(OnboardingRefused) as refused:
        add_territory(
            NewTerritory(
                name="Uvernet",
                region="Alpes",
                municipalities="Uvernet",
                languages=["it", "fr"],
                hub_name="Pôle",
                hub_address="Uvernet",
                survey=SurveyPage.objects.get(pk=survey.pk),
            )
        )
    assert "survey" in refused.value.errors
    assert counts()[2:] == before[2:]
