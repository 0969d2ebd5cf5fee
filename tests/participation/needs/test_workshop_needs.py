"""Needs raised at hub workshops: a facilitator drafts them for the hubs of their territory, an
editor reviews and publishes them, and the register says where each need came from."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User

from participation.models import Facilitator, Need, Theme
from pilots.models import LocalHub, PilotTerritoryPage
from tests.conftest import form_values, page_in, text_of
from tests.participation.surveys.test_survey_admin import staff

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/participation/need/add/?locale=it"


@pytest.fixture
def hubs(db):
    """The demo's local hubs of two territories (on their territory pages)."""
    return {
        slug: page_in(PilotTerritoryPage, "it", slug=slug).local_hubs.get()
        for slug in ("fossanese", "liguria")
    }


def facilitator_of(hub: LocalHub) -> User:
    user = User.objects.create_user("laboratori", password="x")
    user.groups.add(Group.objects.get(name="Hub facilitators"))
    Facilitator.objects.create(user=user, territory=hub.page)
    return user


def add_form(client) -> dict:
    soup = BeautifulSoup(client.get(ADD_URL).content, "html.parser")
    return soup, form_values(soup.select_one("form#w-editor-form"))


def test_a_facilitator_drafts_a_workshop_need_that_an_editor_publishes(client, hubs):
    client.force_login(facilitator_of(hubs["fossanese"]))
    soup, data = add_form(client)
    names = {option.get_text() for option in soup.select('select[name="hub_key"] option')}
    assert hubs["fossanese"].name in names and hubs["liguria"].name not in names
    assert not soup.select('button[name="action-publish"]')  # facilitators cannot publish

    theme = Theme.objects.filter(locale__language_code="it").first()
    data |= {
        "title": "Una rastrelliera coperta per le biciclette",
        "description": "Emerso al laboratorio sulla mobilità: 14 persone lo hanno chiesto.",
        "theme": str(theme.pk),
        "territory": str(hubs["fossanese"].page.pk),
        "status": "validated",
        "origin": "workshop",
        "hub_key": str(hubs["fossanese"].translation_key),
        "workshop_date": "",
        "participants": "",
    }
    missing = client.post(ADD_URL, data)
    assert "Indicalo per un bisogno emerso in un laboratorio." in text_of(missing)
    assert not Need.objects.filter(title__startswith="Una rastrelliera coperta").exists()

    other = client.post(ADD_URL, data | {"hub_key": str(hubs["liguria"].translation_key)})
    assert "Puoi registrare bisogni solo per gli hub del tuo territorio." in text_of(other)

    data |= {"workshop_date": "2026-10-14", "participants": "14"}
    saved = client.post(ADD_URL, data)
    assert saved.status_code == 302
    need = Need.objects.get(title__startswith="Una rastrelliera coperta")
    assert (need.live, need.origin, need.hub_key, need.participants) == (
        False,
        "workshop",
        hubs["fossanese"].translation_key,
        14,
    )
    register = "/it/bisogni/"
    assert "Una rastrelliera coperta" not in text_of(client.get(register))  # a draft

    client.force_login(staff("Editors"))
    edit_url = f"/admin/snippets/participation/need/edit/{need.pk}/"
    edit = BeautifulSoup(client.get(edit_url).content, "html.parser")
    values = form_values(edit.select_one("form#w-editor-form"))
    published = client.post(edit_url, values | {"action-publish": "action-publish"})
    assert published.status_code == 302
    need.refresh_from_db()
    assert need.live
    listed = text_of(client.get(register))
    assert "Una rastrelliera coperta per le biciclette" in listed
    assert (
        f"Emerso in un laboratorio presso {hubs['fossanese'].name} il 14 ottobre 2026 "
        "(14 partecipanti)." in listed
    )
    assert "Emerso dal questionario «" in listed  # the demo's needs, found through a survey
