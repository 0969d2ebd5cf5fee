import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from openpyxl import load_workbook
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from participation.models import SurveySubmission
from tests.conftest import count_queries
from tests.participation.conftest import answer_data, choice_value, grow_answers
from tests.participation.test_exports import formula_cells

pytestmark = pytest.mark.django_db
IT_URL = "/it/partecipa/bisogni-del-territorio/"
FR_URL = "/fr/participez/besoins-du-territoire/"


def staff(group_name: str) -> User:
    user = User.objects.create_user(f"staff-{group_name}".replace(" ", "-"), password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def answer(client, url, role_label, territory_label, need=""):
    data = answer_data(
        client,
        url,
        territory=choice_value(client, url, "territory", territory_label),
        respondent_type=choice_value(client, url, "respondent_type", role_label),
        priority_themes=["0"],
        connection_quality="3",
        online_services=choice_value(
            client, url, "online_services", "Mai" if "/it/" in url else "Jamais"
        ),
        main_need=need,
    )
    assert client.post(url, data).status_code == 200


def test_results_view_counts_both_languages_and_filters(client, open_survey):
    answer(client, IT_URL, "Residente", "Unione del Fossanese", "Più autobus")
    answer(client, FR_URL, "Habitant", "Unité des Communes valdôtaines Mont-Rose", "Plus de bus")
    client.force_login(staff("Editors"))
    url = f"/admin/surveys/{open_survey.translation_key}/results/"
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    table = soup.find("h3", string="Rispondi come…").find_parent("section").select_one("table")
    counts = {row.th.get_text(): row.td.get_text() for row in table.select("tbody tr")}
    assert counts["Residente"] == "2"  # "Habitant" in French is the same choice
    free_texts = {li.get_text(strip=True) for li in soup.select(".free-texts li")}
    assert free_texts == {"Più autobus", "Plus de bus"}

    soup = BeautifulSoup(client.get(url, {"language": "fr"}).content, "html.parser")
    table = soup.find("h3", string="Rispondi come…").find_parent("section").select_one("table")
    assert {r.th.get_text(): r.td.get_text() for r in table.select("tbody tr")}["Residente"] == "1"
    montrose = choice_value(client, IT_URL, "territory", "Unité des Communes valdôtaines Mont-Rose")
    soup = BeautifulSoup(client.get(url, {"territory": montrose}).content, "html.parser")
    assert {li.get_text(strip=True) for li in soup.select(".free-texts li")} == {"Plus de bus"}
    soup = BeautifulSoup(
        client.get(url, {"date_from": "2001-01-01", "date_to": "2001-01-02"}).content, "html.parser"
    )
    assert not soup.select(".free-texts li")
    bad = BeautifulSoup(
        client.get(url, {"date_from": "2026-02-02", "date_to": "2026-01-01"}).content, "html.parser"
    )
    message = bad.select_one(".error-message").get_text()
    assert message == "La data di fine non può precedere la data di inizio."


def header_column(rows: list[list[str]], heading: str) -> set[str]:
    index = rows[0].index(heading)
    return {row[index] for row in rows[1:]}


def test_exports_are_safe_against_formula_injection(client, open_survey):
    answer(client, IT_URL, "Impresa", "Unione del Fossanese", '=HYPERLINK("http://evil","x")')
    answer(client, IT_URL, "Impresa", "Unione del Fossanese", 'x ;=HYPERLINK("http://evil";"x")')
    client.force_login(staff("Editors"))
    url = f"/admin/surveys/{open_survey.translation_key}/answers/"
    response = client.get(url, {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    text = response.getvalue().decode("utf-8-sig")  # streamed
    rows = list(csv.reader(io.StringIO(text)))
    header, needs = rows[0], header_column(rows, "Descrivi il bisogno più importante per te")
    assert needs == {'\'=HYPERLINK("http://evil","x")', 'x ;\'=HYPERLINK("http://evil";"x")'}
    assert header_column(rows, "Rispondi come…") == {"Impresa"} and header
    assert formula_cells(text) == []
    response = client.get(url, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    values = {cell.value for row in sheet.iter_rows(min_row=2) for cell in row}
    assert '\'=HYPERLINK("http://evil","x")' in values
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_answers_list_filters_by_language(client, open_survey):
    answer(client, IT_URL, "Impresa", "Unione del Fossanese")
    answer(client, FR_URL, "Entreprise", "Unione del Fossanese")
    client.force_login(staff("Editors"))
    url = f"/admin/surveys/{open_survey.translation_key}/answers/"
    soup = BeautifulSoup(client.get(url, {"language": "fr"}).content, "html.parser")
    rows = soup.select("table.listing tbody tr")
    assert len(rows) == 1 and "Français" in rows[0].get_text()


def test_only_permitted_staff_see_answers(client, open_survey):
    client.force_login(staff("Communication officers"))
    for url in (
        "/admin/surveys/",
        f"/admin/surveys/{open_survey.translation_key}/results/",
        f"/admin/surveys/{open_survey.translation_key}/answers/?export=csv",
        "/admin/surveys/respondent/?email=a@example.org",
    ):
        assert client.get(url).status_code in (302, 403), url
    client.logout()
    assert client.get("/admin/surveys/").status_code == 302  # to the login page


def test_respondent_data_can_be_found_exported_and_erased(client, open_survey):
    data = answer_data(
        client,
        IT_URL,
        territory=choice_value(client, IT_URL, "territory", "Unione del Fossanese"),
        respondent_type=choice_value(client, IT_URL, "respondent_type", "Residente"),
        priority_themes=["1"],
        connection_quality="2",
        online_services=choice_value(client, IT_URL, "online_services", "Mai"),
        email="Maria@Example.org",
        consent="on",
    )
    client.post(IT_URL, data)
    client.force_login(staff("Editors"))
    found = client.get("/admin/surveys/respondent/", {"email": "maria@example.org"})
    assert "1" in BeautifulSoup(found.content, "html.parser").select_one(".survey-admin p").text
    export = client.get(
        "/admin/surveys/respondent/", {"email": "maria@example.org", "export": "csv"}
    )
    assert "Maria@Example.org" in export.content.decode("utf-8-sig")
    response = client.post(
        "/admin/surveys/respondent/", {"email": "maria@example.org", "action": "erase"}
    )
    assert response.status_code == 302
    submission = SurveySubmission.objects.get(page__translation_key=open_survey.translation_key)
    assert submission.respondent_email == "" and submission.personal_data == {}
    assert submission.form_data["respondent_type"] == "0"  # statistics keep the anonymous part


def test_admin_results_queries_do_not_grow_with_answers(client, needs_survey):
    client.force_login(User.objects.create_superuser("boss", "boss@example.org", "pw"))
    template = needs_survey.all_submissions().first()
    url = f"/admin/surveys/{needs_survey.translation_key}/results/"

    needs_survey.all_submissions().exclude(pk=template.pk).delete()
    grow_answers(needs_survey, 10)
    few, _response = count_queries(client, url)
    grow_answers(needs_survey, 1000)
    many, response = count_queries(client, url)
    assert few == many
    assert "1000" in response.content.decode()


def test_answer_times_are_shown_and_exported_in_local_time(client, open_survey):
    answer(client, IT_URL, "Impresa", "Unione del Fossanese")
    answer(client, FR_URL, "Entreprise", "Unione del Fossanese")
    winter, summer = SurveySubmission.objects.filter(
        page__translation_key=open_survey.translation_key
    )
    SurveySubmission.objects.filter(pk=winter.pk).update(
        submit_time=datetime.datetime(2026, 1, 15, 10, 30, tzinfo=datetime.UTC)
    )
    SurveySubmission.objects.filter(pk=summer.pk).update(
        submit_time=datetime.datetime(2026, 7, 15, 10, 30, tzinfo=datetime.UTC)
    )
    client.force_login(staff("Editors"))
    url = f"/admin/surveys/{open_survey.translation_key}/answers/"
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert soup.select("table.listing thead th")[0].get_text(strip=True) == (
        "Data di invio (ora di Europe/Rome)"
    )
    shown = [
        row.select("td, th")[0].get_text(strip=True)
        for row in soup.select("table.listing tbody tr")
    ]
    assert shown == ["15/07/2026 12:30", "15/01/2026 11:30"]

    rows = list(
        csv.reader(io.StringIO(client.get(url, {"export": "csv"}).getvalue().decode("utf-8-sig")))
    )
    # Exports list answers in the order they arrived, newest first (read along the index).
    times = {winter.pk: "2026-01-15T11:30:00+01:00", summer.pk: "2026-07-15T12:30:00+02:00"}
    assert [row[0] for row in rows[1:]] == [times[pk] for pk in sorted(times, reverse=True)]

    edit = BeautifulSoup(client.get(f"/admin/pages/{open_survey.pk}/edit/").content, "html.parser")
    help_texts = [text.get_text(strip=True) for text in edit.select(".w-field__help")]
    assert help_texts.count("Ora italiana e francese (fuso orario Europe/Rome).") >= 2


def sibling_survey(beside, title: str, slug: str, publish: bool):
    from participation.models import SurveyPage

    survey = SurveyPage(
        title=title,
        slug=slug,
        introduction=f"<p>{title}</p>",
        thank_you_text="<p>Grazie</p>",
        opens_at=beside.opens_at,
        closes_at=beside.closes_at,
        live=publish,
    )
    beside.get_parent().add_child(instance=survey)
    revision = survey.save_revision()
    if publish:
        revision.publish()
    return survey


def test_survey_list_shows_every_survey_once_whatever_the_admin_language(client, open_survey):
    from participation.models import SurveyPage

    answer(client, IT_URL, "Residente", "Unione del Fossanese")
    answer(client, FR_URL, "Habitant", "Unione del Fossanese")
    sibling_survey(open_survey, "Bozza salvata in automatico", "bozza-automatica", publish=False)
    italian_only = sibling_survey(open_survey, "Solo in italiano", "solo-in-italiano", True)
    SurveyPage.objects.filter(alias_of=italian_only).delete()  # no French or English version
    editor = staff("Editors")
    published = SurveyPage.objects.filter(alias_of__isnull=True, first_published_at__isnull=False)
    expected_rows = published.values("translation_key").distinct().count()

    for language in ("fr", "it"):
        title = open_survey.get_translation(Locale.objects.get(language_code=language)).title
        profile = UserProfile.get_for_user(editor)
        profile.preferred_language = language
        profile.save()
        client.force_login(editor)
        soup = BeautifulSoup(client.get("/admin/surveys/").content, "html.parser")
        rows = soup.select("table.listing tbody tr")
        titles = [row.td.get_text(" ", strip=True) for row in rows]
        assert len(rows) == expected_rows and len(set(titles)) == len(titles)
        assert "Bozza salvata in automatico" not in soup.get_text()
        assert "Solo in italiano" in titles
        key = str(open_survey.translation_key)
        [row] = [row for row in rows if row.select_one(f'a[href*="{key}"]')]
        assert row.td.get_text(strip=True).startswith(title)
        cells = [cell.get_text(strip=True) for cell in row.select("td")]
        assert cells[2] == "EN · FR · IT"
        assert cells[3] == "2"  # the Italian and the French answer counted together
