"""Answers collected at the local hubs: a facilitator enters them for the hubs of their territory
only, every entry and change is a revision with its author, the printable form has the entry
form's numbers, and results filter by channel and hub and cross-tabulate two questions."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.utils import timezone

from participation.models import Facilitator, SurveySubmission
from pilots.models import LocalHub, PilotTerritoryPage
from tests.conftest import page_in, text_of
from tests.participation.surveys.conftest import URL
from tests.participation.surveys.test_survey_admin import staff

pytestmark = pytest.mark.django_db


def facilitator(username: str, *hubs: LocalHub) -> User:
    """A member of the group, named facilitator of the territories of ``hubs``."""
    user = User.objects.create_user(username, password="x")
    user.groups.add(Group.objects.get(name="Hub facilitators"))
    for hub in hubs:
        Facilitator.objects.get_or_create(user=user, territory=hub.page)
    return user


@pytest.fixture
def hubs(db):
    """The demo's hubs of the Fossanese and Mont-Rose (on their territory pages), and a second
    Fossanese hub added as an editor would, on the territory page."""
    fossanese = page_in(PilotTerritoryPage, "it", slug="fossanese")
    mont_rose = page_in(PilotTerritoryPage, "it", slug="mont-rose")
    bene = LocalHub(name="Hub di Bene Vagienna", address="Bene Vagienna", locale=fossanese.locale)
    fossanese.local_hubs.add(bene)
    fossanese.save()
    return {
        "fossano": fossanese.local_hubs.get(name__startswith="Hub locale DigiVillae"),
        "bene": fossanese.local_hubs.get(name="Hub di Bene Vagienna"),
        "gressoney": mont_rose.local_hubs.get(),
    }


def entry_url(survey, language="it") -> str:
    return f"/admin/surveys/{survey.translation_key}/enter/{language}/"


def entry_data(client, survey, hub, **answers) -> dict:
    soup = BeautifulSoup(client.get(entry_url(survey)).content, "html.parser")
    token = soup.select_one('input[name="q-submission_token"]')["value"]
    data = {
        "hub": str(hub.translation_key),
        "channel": "paper",
        "collected_on": timezone.localdate().isoformat(),
        "q-submission_token": token,
    }
    data.update({f"q-{name}": value for name, value in answers.items()})
    return data


ANSWERS = {
    "da_casa": "0",
    "rallenta": "Il ripetitore",
    "soddisfazione__0": "1",
    "soddisfazione__1": "1",
    "persone": "4",
    "priorita__0": "1",
    "priorita__1": "2",
    "priorita__2": "3",
}


def test_a_facilitator_enters_paper_answers_for_the_hubs_of_their_territory(
    client, sectioned, hubs
):
    user = facilitator("facilitatrice", hubs["fossano"])
    client.force_login(user)
    listing = client.get("/admin/surveys/entries/")
    assert "Servizi e connessione" in text_of(listing)

    form = BeautifulSoup(client.get(entry_url(sectioned)).content, "html.parser")
    hub_choices = {option.get_text() for option in form.select('select[name="hub"] option')}
    assert hub_choices >= {hubs["fossano"].name, "Hub di Bene Vagienna"}  # the whole territory
    assert hubs["gressoney"].name not in hub_choices

    other = client.post(entry_url(sectioned), entry_data(client, sectioned, hubs["gressoney"]))
    assert other.status_code == 400
    assert "Puoi inserire risposte solo per gli hub del tuo territorio." in text_of(other)
    assert not SurveySubmission.objects.filter(page=sectioned).exists()

    data = entry_data(client, sectioned, hubs["bene"], **ANSWERS)
    saved = client.post(entry_url(sectioned), data)
    assert saved.status_code == 302
    client.post(entry_url(sectioned), data)  # a double click stores it once
    (entry,) = SurveySubmission.objects.filter(page=sectioned)
    assert (entry.channel, entry.hub_key, entry.entered_by) == (
        "paper",
        hubs["bene"].translation_key,
        user,
    )
    assert entry.territory_key == hubs["bene"].page.translation_key
    assert entry.form_data["soddisfazione"] == {"0": "1", "1": "1"}
    assert entry.revisions.count() == 1

    refused = client.get(f"/admin/surveys/{sectioned.translation_key}/results/")
    assert (refused.status_code, refused.url) == (302, "/admin/")  # Wagtail: "not allowed"


def test_changes_are_revisions_with_their_author_and_other_territories_cannot_touch_them(
    client, sectioned, hubs
):
    author = facilitator("autore", hubs["fossano"])
    client.force_login(author)
    client.post(entry_url(sectioned), entry_data(client, sectioned, hubs["fossano"], **ANSWERS))
    entry = SurveySubmission.objects.get(page=sectioned)

    edit_url = f"/admin/surveys/entries/{entry.pk}/"
    page = BeautifulSoup(client.get(edit_url).content, "html.parser")
    assert page.select_one('input[name="q-da_casa"][value="0"]').has_attr("checked")
    changed = {
        "hub": str(hubs["fossano"].translation_key),
        "channel": "phone",
        "collected_on": timezone.localdate().isoformat(),
    } | {f"q-{name}": value for name, value in ANSWERS.items()}
    changed["q-persone"] = "5"
    assert client.post(edit_url, changed).status_code == 302
    entry.refresh_from_db()
    assert (entry.form_data["persone"], entry.channel) == ("5", "phone")
    assert entry.revisions.count() == 2
    history = BeautifulSoup(client.get(edit_url).content, "html.parser")
    rows = [" ".join(row.get_text().split()) for row in history.select("table.listing tbody tr")]
    assert "autore" in rows[0] and "Quante persone in casa?" in rows[0] and "Raccolta" in rows[0]
    assert "ha inserito la risposta" in rows[1]

    stranger = facilitator("altrove", hubs["gressoney"])
    client.force_login(stranger)
    for refused in (client.get(edit_url), client.post(edit_url, changed)):
        assert (refused.status_code, refused.url) == (302, "/admin/")
    assert entry.revisions.count() == 2


def test_the_collection_date_must_fall_within_the_survey(client, sectioned, hubs):
    client.force_login(facilitator("facilitatore", hubs["fossano"]))
    data = entry_data(client, sectioned, hubs["fossano"], **ANSWERS)
    data["collected_on"] = "2001-01-01"
    refused = client.post(entry_url(sectioned), data)
    assert refused.status_code == 400
    assert "la data deve cadere in questo periodo" in text_of(refused)


def test_the_printable_form_numbers_questions_as_the_entry_form(client, sectioned, hubs):
    printed = BeautifulSoup(client.get(URL + "print/").content, "html.parser")
    numbers = {
        " ".join(item.select_one(".print-label strong").get_text().split()): item["value"]
        for item in printed.select("li.print-question")
    }
    assert numbers["Quanto sei soddisfatto?"] == "3"
    assert numbers["Quante persone in casa?"] == "6"
    assert "Rispondi solo se «Lavori da casa?» è «Sì»." in text_of(client.get(URL + "print/"))

    client.force_login(facilitator("numeri", hubs["fossano"]))
    entry = BeautifulSoup(client.get(entry_url(sectioned)).content, "html.parser")
    legends = [" ".join(legend.get_text().split()) for legend in entry.select("legend")]
    assert "3. Quanto sei soddisfatto? (obbligatorio)" in legends
    labels = [" ".join(label.get_text().split()) for label in entry.select("label")]
    assert "6. Quante persone in casa? (obbligatorio)" in labels


def test_results_filter_by_channel_and_hub_and_cross_tabulate(client, sectioned, hubs):
    client.force_login(facilitator("filtri", hubs["fossano"]))
    for hub, da_casa, con_te in (
        ("fossano", "0", ["0", "1"]),
        ("bene", "1", ["1"]),
        ("bene", "1", []),
    ):
        answers = ANSWERS | {"da_casa": da_casa, "con_te": con_te}
        client.post(entry_url(sectioned), entry_data(client, sectioned, hubs[hub], **answers))
    online = BeautifulSoup(client.get(URL).content, "html.parser")
    token = online.select_one('input[name="submission_token"]')["value"]
    client.logout()
    client.post(
        URL,
        {
            "submission_token": token,
            "da_casa": "0",
            "rallenta": "x",
            "soddisfazione__0": "0",
            "soddisfazione__1": "0",
            "persone": "1",
            "action": "send",
            "priorita__0": "1",
            "priorita__1": "2",
            "priorita__2": "3",
        },
    )

    client.force_login(staff("Editors"))
    results = f"/admin/surveys/{sectioned.translation_key}/results/"

    def answered(**filters) -> str:
        soup = BeautifulSoup(client.get(results, filters).content, "html.parser")
        return soup.find("h3", string="Lavori da casa?").find_next("p").get_text(strip=True)

    assert answered() == "4 risposte"
    assert answered(channel="paper") == "3 risposte"
    assert answered(channel="online") == "1 risposta"
    assert answered(hub=hubs["bene"].translation_key) == "2 risposte"
    assert answered(hub=hubs["bene"].translation_key, channel="online") == "0 risposte"

    soup = BeautifulSoup(
        client.get(results, {"channel": "paper", "rows": "da_casa", "columns": "con_te"}).content,
        "html.parser",
    )
    table = soup.select_one("table.crosstab")
    assert [th.get_text() for th in table.select("thead th")][1:] == [
        "Bambini",
        "Anziani",
        "Totale",
    ]
    cells = {
        row.th.get_text(): [td.get_text() for td in row.select("td")]
        for row in table.select("tbody tr, tfoot tr")
    }
    assert cells == {"Sì": ["1", "1", "2"], "No": ["0", "1", "1"], "Totale": ["1", "2", ""]}
    soup = BeautifulSoup(
        client.get(results, {"channel": "paper", "rows": "da_casa", "columns": "da_casa"}).content,
        "html.parser",
    )
    assert "Scegli due domande diverse." in soup.select_one(".crosstab-section").get_text()


def test_the_admin_home_shows_a_facilitator_their_recent_entries(client, sectioned, hubs):
    client.force_login(facilitator("pannello", hubs["fossano"]))
    client.post(entry_url(sectioned), entry_data(client, sectioned, hubs["bene"], **ANSWERS))
    home = BeautifulSoup(client.get("/admin/").content, "html.parser")
    panel = home.find("h2", string="Le tue ultime risposte inserite").find_parent("section")
    row = " ".join(panel.select_one("tbody tr").get_text().split())
    assert "Servizi e connessione" in row and "Hub di Bene Vagienna" in row and "Su carta" in row
