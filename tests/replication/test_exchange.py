"""Templates between installations: a demo call and survey exported, imported into a fresh
database and exported again give the same files, with the same criteria, weights, questions,
conditions and translations; a broken, foreign, oversized or rule-breaking file changes
nothing; the admin's buttons and form do it as an editor would."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.utils import translation
from wagtail.models import Page

from participation.models import ChallengeCallPage, SurveyPage
from replication.exchange import portable
from tests.conftest import is_postgresql, page_in, text_of, user_in
from tests.demo_database import admin_connection, database_url

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]

# Run in the fresh installation: the sections a template goes into, in three languages, then
# the import of the files given, then their export again.
FRESH = """
import sys
from pathlib import Path
from wagtail.models import Locale, Page
from home.models import HomePage
from participation.models import ChallengeIndexPage, SurveyIndexPage
from replication.exchange import portable
root = Page.get_first_root_node()
for code in ("it", "fr", "en"):
    locale, _ = Locale.objects.get_or_create(language_code=code)
    home = HomePage(title="Home", slug="home-" + code, locale=locale, hero_title="x",
                    introduction="<p>x</p>")
    root.add_child(instance=home)
    for model, slug in ((SurveyIndexPage, "surveys-"), (ChallengeIndexPage, "calls-")):
        home.add_child(instance=model(title=slug, slug=slug + code, locale=locale))
import os
import re
for name in os.environ["TEMPLATE_FILES"].split(","):
    page = portable.import_template(Path(name).read_bytes(), None)
    export = {"SurveyPage": portable.export_survey}.get(type(page).__name__, portable.export_call)
    Path(name + ".again").write_bytes(portable.as_file(export(page)))
    versions = Page.objects.filter(translation_key=page.translation_key).count()
    print(type(page).__name__, page.live, versions)
"""


@pytest.fixture
def fresh_database(tmp_path, django_db_blocker):
    """An empty installation: a new database, migrated, with nothing in it."""
    from django.conf import settings

    name = f"digivillae_fresh_{os.getpid()}"
    database = settings.DATABASES["default"]
    if is_postgresql():
        with django_db_blocker.unblock(), admin_connection(database) as pg:
            pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            pg.execute(f'CREATE DATABASE "{name}"')
        url = database_url(database, name)
    else:
        url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "DATABASE_URL": url}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
    )
    yield env
    if is_postgresql():
        with django_db_blocker.unblock(), admin_connection(database) as pg:
            pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_call_and_a_survey_travel_to_a_fresh_installation_unchanged(tmp_path, fresh_database):
    survey = page_in(SurveyPage, "it", slug="connessione-e-servizi")
    call = page_in(ChallengeCallPage, "it", slug="sportelli-digitali")
    files = {
        "survey": portable.as_file(portable.export_survey(survey)),
        "call": portable.as_file(portable.export_call(call)),
    }
    data = json.loads(files["survey"])
    assert data["languages"] == ["it", "fr", "en"]
    conditioned = [q for q in data["survey"]["questions"] if q["show_when"]]
    assert conditioned and any(q["field_type"] == "ranking" for q in data["survey"]["questions"])
    assert data["survey"]["questions"][1]["texts"]["fr"]["label"] == "Travaillez-vous à domicile ?"
    weights = [c["weight"] for c in json.loads(files["call"])["call"]["criteria"]]
    assert sum(weights) == 100
    paths = []
    for kind, raw in files.items():
        path = tmp_path / f"{kind}.json"
        path.write_bytes(raw)
        paths.append(str(path))
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", FRESH],
        cwd=ROOT,
        env={**fresh_database, "TEMPLATE_FILES": ",".join(paths)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "SurveyPage False 3" in result.stdout and "ChallengeCallPage False 3" in result.stdout
    for path in paths:
        assert Path(path + ".again").read_bytes() == Path(path).read_bytes(), path


def pages() -> int:
    return Page.objects.count()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"{not json", "not a readable template"),
        (json.dumps({"schema": "other"}).encode(), "not a DigiVillae portal template"),
        (json.dumps({"schema": "digivillae-template", "version": 9}).encode(), "version 9"),
        (b" " * (portable.MAX_BYTES + 1), "larger than 1 MB"),
    ],
    ids=["not-json", "foreign", "other-version", "oversized"],
)
def test_a_broken_or_foreign_file_changes_nothing(raw, message):
    before = pages()
    with translation.override("en"), pytest.raises(portable.TemplateRefused) as refused:
        portable.import_template(raw, None)
    assert message in str(refused.value)
    assert pages() == before


def test_content_breaking_a_rule_of_the_portal_changes_nothing():
    survey = page_in(SurveyPage, "it", slug="connessione-e-servizi")
    data = portable.export_survey(survey)
    ranking = next(q for q in data["survey"]["questions"] if q["field_type"] == "ranking")
    for texts in ranking["texts"].values():
        texts["choices"] = "Solo una"
    before = pages()
    with pytest.raises(portable.TemplateRefused) as refused:
        portable.import_template(portable.as_file(data), None)
    assert (
        "ranking" in str(refused.value).lower()
        or "classement" in str(refused.value).lower()
        or ("classifica" in str(refused.value).lower())
    )
    assert pages() == before


def test_an_editor_exports_and_imports_through_the_admin(client):
    editor = user_in("Editors")
    client.force_login(editor)
    call = page_in(ChallengeCallPage, "it", slug="sportelli-digitali")
    edit = client.get(f"/admin/pages/{call.pk}/edit/").content.decode()
    assert f"/admin/templates/export/{call.pk}/grid/" in edit
    exported = client.get(f"/admin/templates/export/{call.pk}/call/")
    assert exported["Content-Disposition"].startswith("attachment")
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("call.json", exported.content, "application/json")
    response = client.post("/admin/templates/import/", {"file": upload})
    assert response.status_code == 302, text_of(response)[:1500]
    draft = ChallengeCallPage.objects.get(title=call.title, live=False)
    versions = ChallengeCallPage.objects.filter(translation_key=draft.translation_key)
    assert versions.count() == 3 and not versions.filter(live=True).exists()
    bad = SimpleUploadedFile("x.json", b"{", "application/json")
    response = client.post("/admin/templates/import/", {"file": bad})
    assert response.status_code == 200 and "JSON" in text_of(response)
    # Someone who may not add calls or surveys cannot import.
    client.force_login(User.objects.create_user("nessuno", password="x-Secret-123"))
    assert client.get("/admin/templates/import/").status_code in (302, 403)


def test_the_operating_model_page_offers_public_templates(client):
    from replication.models import OperatingModelPage

    model = page_in(OperatingModelPage, "fr")
    response = client.get(model.url)
    page = response.content.decode()
    survey = page_in(SurveyPage, "it", slug="bisogni-del-territorio")
    link = f"/open-data/templates/survey/{survey.translation_key}.json"
    assert link in page
    # Offered under its French title on the French page, with the portal's live counts.
    assert page_in(SurveyPage, "fr", translation_key=survey.translation_key).title in page
    assert survey.title not in page
    assert re.search(r"Aujourd'hui sur le portail : \d+ besoins? au registre", text_of(response))
    downloaded = client.get(link)
    assert downloaded.status_code == 200
    assert json.loads(downloaded.content)["kind"] == "survey"
    for version in SurveyPage.objects.filter(translation_key=survey.translation_key, live=True):
        version.unpublish()
    assert client.get(link).status_code == 404  # only live, public pages
