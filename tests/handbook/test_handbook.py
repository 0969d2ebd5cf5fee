"""The editors' handbook: a page per task in the admin's language, reached from the Help menu and
from the screens it explains; every admin label it names is on those screens in that language
(so a renamed button or menu item fails here), and every screen has its picture in each
language."""

import contextlib
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client

from handbook.people import LANGUAGES, person_for
from handbook.tasks import TASKS
from tests.conftest import text_of

pytestmark = pytest.mark.django_db
PICTURES = settings.BASE_DIR / "handbook" / "static" / "handbook"


def signed_in(role, language) -> Client:
    client = Client()
    client.force_login(person_for(role, language))
    return client


def strings_in(value, found: list) -> None:
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            strings_in(item, found)
    elif isinstance(value, list):
        for item in value:
            strings_in(item, found)


def words_on(html: str) -> str:
    """Everything a person can read on an admin screen, menus closed or open: its text, the
    labels in its attributes, and the strings of the JSON the admin's scripts draw from (the
    main menu, StreamField blocks), lower-cased with spaces collapsed."""
    soup = BeautifulSoup(html, "html.parser")
    found = [soup.get_text(" ")]
    for tag in soup.find_all(True):
        for value in tag.attrs.values():
            values = value if isinstance(value, list) else [value]
            for text in values:
                found.append(text)
                if text[:1] in "{[":
                    with contextlib.suppress(ValueError):
                        strings_in(json.loads(text), found)
    for script in soup.find_all("script", type="application/json"):
        with contextlib.suppress(ValueError):
            strings_in(json.loads(script.string or ""), found)
    return " ".join(" ".join(found).split()).lower()


def labels_named(task, language) -> dict[str, str]:
    """msgid → the words the handbook page shows for each admin label it names."""
    page = signed_in(task.screens[0].role, language).get(f"/admin/handbook/{task.slug}/")
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    return {tag["data-label"]: " ".join(tag.get_text().split()) for tag in soup.select(".ui-label")}


def missing_labels(task, language, extra: dict | None = None) -> list[str]:
    labels = {**labels_named(task, language), **(extra or {})}
    seen = " ".join(
        words_on(signed_in(screen.role, language).get(screen.path(language)).content.decode())
        for screen in task.screens
    )
    return [
        f"{msgid!r} shown as {shown!r}"
        for msgid, shown in labels.items()
        if not re.search(rf"(?<!\w){re.escape(shown.lower())}(?!\w)", seen)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("task", TASKS, ids=[task.slug for task in TASKS])
def test_every_label_the_handbook_names_is_on_the_screens_it_shows(task, language):
    for screen in task.screens:
        response = signed_in(screen.role, language).get(screen.path(language))
        assert response.status_code == 200, (task.slug, screen.name, response.status_code)
    assert labels_named(task, language), f"{task.slug} names no label of the admin"
    assert not missing_labels(task, language)


def test_a_label_the_admin_no_longer_shows_fails_the_check():
    task = TASKS[0]
    assert not missing_labels(task, "fr")
    assert missing_labels(task, "fr", {"Publish": "Publier maintenant"}) == [
        "'Publish' shown as 'Publier maintenant'"
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_screen_has_its_picture_in_each_language(language):
    total = 0
    for task in TASKS:
        for screen in task.screens:
            picture = PICTURES / language / f"{task.slug}-{screen.name}.webp"
            assert picture.exists(), f"{picture} is missing: run make handbook"
            assert picture.read_bytes()[8:12] == b"WEBP"
            total += picture.stat().st_size
    assert total < 3 * 1024 * 1024  # every language within a few megabytes


def test_the_handbook_speaks_the_admins_language_and_is_in_the_help_menu():
    for language, title, help_label in (
        ("it", "Leggere, filtrare ed esportare i risultati di un questionario", "Manuale"),
        ("fr", "Lire, filtrer et exporter les résultats d'une enquête", "Manuel"),
    ):
        client = signed_in("Editors", language)
        index = client.get("/admin/handbook/")
        assert title in text_of(index)
        home = client.get("/admin/").content.decode()
        menu = next(
            script.string
            for script in BeautifulSoup(home, "html.parser").find_all("script")
            if script.get("id") == "wagtail-sidebar-props"
        )
        assert help_label in json.dumps(json.loads(menu), ensure_ascii=False)
        assert "/admin/handbook/" in menu
        page = client.get("/admin/handbook/results/")
        soup = BeautifulSoup(page.content, "html.parser")
        pictures = [img["src"] for img in soup.select("figure.handbook-screen img")]
        assert pictures and all(f"/handbook/{language}/results-" in src for src in pictures)
        assert all(img["alt"] for img in soup.select("figure.handbook-screen img"))


def test_the_screens_it_explains_link_to_it(client):
    from participation.models import ChallengeCallPage, SurveyPage
    from tests.conftest import page_in

    survey = page_in(SurveyPage, "it", slug="bisogni-del-territorio")
    editor = signed_in("Editors", "fr")
    results = editor.get(f"/admin/surveys/{survey.translation_key}/results/").content.decode()
    assert re.search(r'href="/admin/handbook/results/"', results)
    call = page_in(ChallengeCallPage, "it", slug="sportelli-digitali")
    editing = editor.get(f"/admin/pages/{call.pk}/edit/").content.decode()
    assert 'href="/admin/handbook/calls/"' in editing
    facilitator = signed_in("Hub facilitators", "it")
    entries = facilitator.get("/admin/surveys/entries/").content.decode()
    assert 'href="/admin/handbook/hub-answers/"' in entries
