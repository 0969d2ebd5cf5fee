import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User

from participation.models import Need, Theme
from pilots.models import PilotTerritoryPage
from tests.conftest import count_queries, page_in

pytestmark = pytest.mark.django_db


def titles(client, url, **params):
    soup = BeautifulSoup(client.get(url, params).content, "html.parser")
    return {h2.get_text() for h2 in soup.select(".needs-list h2")}


def test_register_lists_only_validated_needs_in_the_reader_language(client):
    assert titles(client, "/fr/besoins/") == {
        "Liaisons en soirée vers Fossano",
        "Accompagnement aux démarches en ligne",
        "Espace de travail partagé dans les villages",
        "Formation numérique pour les seniors",
        "Point de recharge pour vélos électriques près de la gare",  # raised at a hub workshop
    }
    assert "Sportello unico digitale" not in titles(client, "/it/bisogni/")  # only reported


def test_register_filters_by_territory_and_theme(client):
    montrose = page_in(PilotTerritoryPage, "it", slug="mont-rose")
    assert titles(client, "/en/needs/", territory=montrose.translation_key) == {
        "Help with online public services"
    }
    mobility = Theme.objects.get(name="Mobilité et transports")
    assert titles(client, "/fr/besoins/", theme=mobility.translation_key) == {
        "Liaisons en soirée vers Fossano",
        "Point de recharge pour vélos électriques près de la gare",
    }
    assert len(titles(client, "/fr/besoins/", territory="not-a-key")) == 5  # ignored, not 500


def test_territory_page_links_to_its_needs(client):
    soup = BeautifulSoup(client.get("/it/territori/mont-rose/").content, "html.parser")
    link = soup.find("a", string="Vedi i bisogni di questo territorio")
    assert link["href"].startswith("/it/bisogni/?territory=")
    assert titles(client, link["href"]) == {"Accompagnamento alle pratiche online"}


def test_status_is_the_same_in_every_language():
    need = Need.objects.get(title="Sportello unico digitale")
    need.status = Need.Status.VALIDATED
    need.save()
    statuses = set(
        Need.objects.filter(translation_key=need.translation_key).values_list("status", flat=True)
    )
    assert statuses == {"validated"}


def test_register_queries_do_not_grow_with_needs(client):
    territory = page_in(PilotTerritoryPage, "fr", slug="mont-rose")
    theme = Theme.objects.filter(locale=territory.locale).first()

    def add(count):
        Need.objects.bulk_create(
            [
                Need(
                    locale=territory.locale,
                    title=f"Besoin {n}",
                    description="…",
                    status="validated",
                    territory=territory,
                    theme=theme,
                )
                for n in range(count)
            ]
        )

    add(10)
    few, _response = count_queries(client, "/fr/besoins/")
    add(300)
    many, _response = count_queries(client, "/fr/besoins/")
    assert few == many <= 30
    url = f"/fr/besoins/?territory={territory.translation_key}&utm_source=x"
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert soup.select_one('.pagination a[rel="next"]')["href"] == (
        f"?territory={territory.translation_key}&page=2"
    )
    assert "Page 1 sur 16" in soup.select_one(".pagination").get_text()


def test_editor_turns_free_text_answers_into_a_need(client):
    from participation.models import SurveyPage

    survey = page_in(SurveyPage, "it", slug="bisogni-del-territorio")
    editor = User.objects.create_user("editor", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    results = f"/admin/surveys/{survey.translation_key}/results/"
    soup = BeautifulSoup(client.get(results).content, "html.parser")
    form = soup.select_one("form.free-texts")
    ticked = [box["value"] for box in form.select('input[name="answers"]')][:2]
    response = client.post(form["action"], {"question": "main_need", "answers": ticked})
    assert response.status_code == 302
    need = Need.objects.latest("created_at")
    assert response["Location"].endswith(f"/admin/snippets/participation/need/edit/{need.pk}/")
    assert need.status == "reported" and need.source_survey_id == survey.pk
    assert sorted(str(pk) for pk in need.source_answers.values_list("pk", flat=True)) == sorted(
        ticked
    )
    assert need.description
    assert client.get(response["Location"]).status_code == 200
    nothing = client.post(form["action"], {"question": "main_need"})
    assert nothing.status_code == 302
    assert Need.objects.count() == Need.objects.count()  # no empty need created
    assert client.get("/admin/snippets/participation/need/").status_code == 200
