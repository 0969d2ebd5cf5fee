import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import StandardPage
from news.models import NewsIndexPage, NewsPage
from tests.conftest import page_in, user_in

pytestmark = pytest.mark.django_db


def test_groups_exist_with_their_permissions():
    officer = user_in("Communication officers")
    editor = user_in("Editors")
    translator = user_in("Translators")
    for language in ("it", "fr", "en"):
        news_index = page_in(NewsIndexPage, language)
        project = page_in(StandardPage, language, slug__in=["progetto", "projet", "project"])
        assert news_index.permissions_for_user(officer).can_add_subpage()
        assert news_index.permissions_for_user(officer).can_publish_subpage()
        assert not project.permissions_for_user(officer).can_edit()
        assert project.permissions_for_user(editor).can_publish()
        assert project.permissions_for_user(translator).can_edit()
        assert not project.permissions_for_user(translator).can_publish()
    assert translator.has_perm("wagtail_localize.submit_translation")
    assert officer.has_perm("wagtailadmin.access_admin")


def test_communication_officer_publishes_news_through_the_real_admin(client):
    officer = user_in("Communication officers")
    client.force_login(officer)
    index = page_in(NewsIndexPage, "it")
    url = f"/admin/pages/add/news/newspage/{index.pk}/"
    data = nested_form_data(
        {
            "title": "Nuovo hub a Fossano",
            "slug": "nuovo-hub-fossano",
            "date": "2026-11-20",
            "summary": "Apre il primo hub locale.",
            "lead_image_alt": "",
            "body": streamfield([("paragraph", rich_text("<p>Testo della notizia.</p>"))]),
            "tags": "hub",
            "territory_links": inline_formset([]),
            "listing_summary": "",
            "action-publish": "publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = page_in(NewsPage, "it", slug="nuovo-hub-fossano")
    assert page.live
    assert "Nuovo hub a Fossano" in client.get("/it/notizie/").content.decode()
    project = page_in(StandardPage, "it", slug="progetto")
    assert client.get(f"/admin/pages/{project.pk}/edit/").status_code in (302, 403)


def test_call_to_action_block_explains_a_bad_link_choice(admin_client):
    project = page_in(StandardPage, "it", slug="progetto")
    data = nested_form_data(
        {
            "title": project.title,
            "slug": project.slug,
            "introduction": "",
            "body": streamfield(
                [
                    (
                        "call_to_action",
                        {
                            "title": "Partecipa",
                            "text": "",
                            "button_label": "Vai",
                            "page": "",
                            "url": "",
                        },
                    )
                ]
            ),
            "listing_summary": "",
        }
    )
    response = admin_client.post(f"/admin/pages/{project.pk}/edit/", data)
    assert response.status_code == 200
    assert "Scegli una pagina oppure un link esterno" in response.content.decode() or (
        "Choose either a page or an external link." in response.content.decode()
    )


def test_load_demo_is_idempotent():
    before = Page.objects.count(), Page.objects.live().count()
    call_command("load_demo", verbosity=0)
    assert (Page.objects.count(), Page.objects.live().count()) == before


def test_editor_works_in_the_admin_in_french(client):
    from wagtail.users.models import UserProfile

    editor = user_in("Editors")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(editor)
    italian = page_in(NewsPage, "it", slug="kick-off-torino")
    french = page_in(NewsPage, "fr", slug="lancement-turin")
    home_fr = french.get_parent().get_parent()
    urls = [
        "/admin/",
        f"/admin/pages/{home_fr.pk}/",
        f"/admin/pages/{italian.pk}/edit/",
        f"/admin/pages/{french.pk}/edit/",  # wagtail-localize's translation editor
        "/admin/settings/core/sitesettings/",
        "/admin/images/",
        "/admin/documents/",
    ]
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert 'lang="fr"' in response.content.decode(), url
    translation_editor = client.get(f"/admin/pages/{french.pk}/edit/").content.decode()
    assert "À Turin, le lancement de DigiVillae" in translation_editor


def test_machine_translation_is_off_unless_configured(monkeypatch):
    import importlib

    from django.conf import settings

    import portal.settings.base as base_settings

    assert not hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")
    monkeypatch.setenv("DEEPL_API_KEY", "test-key")
    configured = importlib.reload(base_settings)
    try:
        assert configured.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"].endswith("DeepLTranslator")
        assert configured.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["OPTIONS"]["AUTH_KEY"] == "test-key"
    finally:
        monkeypatch.delenv("DEEPL_API_KEY")
        importlib.reload(base_settings)


def test_an_unknown_admin_address_gets_the_admin_404_not_the_public_site(client):
    client.force_login(user_in("Editors"))
    for address in ("/admin/nulla/", "/admin/pages/999999/edit/", "/admin/snippets/nope/"):
        response = client.get(address)
        assert response.status_code == 404, (address, response.get("Location"))
        assert "wagtailadmin/404.html" in [t.name for t in response.templates], address
    for address in ("/documents/999999/nulla.pdf", "/open-data/nulla.csv"):
        response = client.get(address)
        assert response.status_code == 404, (address, response.get("Location"))
    # A public address without its language still finds its language version.
    assert client.get("/progetto/")["Location"] == "/it/progetto/"


def test_the_translations_report_is_for_those_who_translate(client):
    from participation.hubs.models import FACILITATORS

    report = "/admin/localize/reports/translations/"
    for group, sees_it in (
        (FACILITATORS, False),
        ("Communication officers", False),
        ("Translators", True),
        ("Editors", True),
    ):
        client.force_login(user_in(group))
        home = client.get("/admin/").content.decode()
        assert (report in home) is sees_it, group
        response = client.get(report)
        assert (response.status_code == 200) is sees_it, (group, response.status_code)
        results = client.get(report + "results/")
        assert (results.status_code == 200) is sees_it, group
