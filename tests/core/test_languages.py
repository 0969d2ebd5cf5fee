from datetime import date, datetime
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import formats, translation

from news.models import NewsIndexPage, NewsPage
from tests.conftest import page_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("fr-FR,fr;q=0.9", "/fr/"), ("en-GB,en;q=0.8", "/en/"), ("it", "/it/"), ("de", "/it/")],
)
def test_root_redirects_by_accept_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("language", ["it", "fr", "en"])
def test_every_public_url_carries_its_language(client, language):
    home = client.get(f"/{language}/")
    soup = BeautifulSoup(home.content, "html.parser")
    assert soup.html["lang"] == language
    for link in soup.select("nav.main-nav a"):
        assert link["href"].startswith(f"/{language}/")


def test_switcher_leads_to_the_same_page_in_the_other_language(client):
    response = client.get("/it/notizie/kick-off-torino/")
    soup = BeautifulSoup(response.content, "html.parser")
    switcher = soup.select_one("nav.language-switcher")
    links = {a["hreflang"]: a["href"] for a in switcher.select("a")}
    assert links == {"fr": "/fr/actualites/lancement-turin/", "en": "/en/news/kick-off-turin/"}
    assert switcher.select_one("[aria-current]").get_text(strip=True) == "Italiano"
    french = client.get(links["fr"])
    assert "À Turin, le lancement de DigiVillae" in french.content.decode()


def test_switcher_offers_only_languages_the_page_exists_in(client):
    index = page_in(NewsIndexPage, "it")
    index.add_child(
        instance=NewsPage(title="Solo in italiano", slug="solo-italiano", summary="Prova.")
    )
    response = client.get("/it/notizie/solo-italiano/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("nav.language-switcher") is None  # only one language: no switcher
    assert not soup.select('link[hreflang="fr"]')


def test_hreflang_alternates_and_canonical(client):
    soup = BeautifulSoup(client.get("/fr/territoires/").content, "html.parser")
    alternates = {link["hreflang"]: link["href"] for link in soup.select("link[hreflang]")}
    assert alternates == {
        "it": "http://testserver/it/territori/",
        "fr": "http://testserver/fr/territoires/",
        "en": "http://testserver/en/territories/",
    }
    assert soup.select_one('link[rel="canonical"]')["href"] == "http://testserver/fr/territoires/"
    assert soup.select_one('meta[property="og:locale"]')["content"] == "fr"


@pytest.mark.parametrize("language", ["it", "fr", "en"])
def test_interface_strings_are_translated(client, language):
    expected = {
        "it": "Vai al contenuto principale",
        "fr": "Aller au contenu principal",
        "en": "Skip to main content",
    }[language]
    response = client.get(f"/{language}/")
    assert expected in response.content.decode()


@pytest.mark.parametrize("language", ["it", "fr", "en"])
def test_message_catalogue_is_complete(language):
    path = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path))
    assert len(catalogue) > 100
    empty = [entry.msgid for entry in catalogue if not entry.translated() and not entry.obsolete]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not empty, f"untranslated in {language}: {empty[:10]}"
    assert not fuzzy, f"fuzzy in {language}: {fuzzy[:10]}"


@pytest.mark.parametrize(
    ("language", "expected"), [("it", "Nome utente"), ("fr", "Nom d’utilisateur")]
)
def test_admin_is_usable_in_italian_and_french(client, language, expected):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE=language)
    assert expected in response.content.decode()


def test_trees_are_synchronised_and_placeholders_are_not_offered_as_translations(admin_client):
    from wagtail.models import Page
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )
    from wagtail_localize.models import LocaleSynchronization

    synced = {
        sync.locale.language_code: sync.sync_from.language_code
        for sync in LocaleSynchronization.objects.select_related("locale", "sync_from")
    }
    assert synced == {"fr": "it", "en": "it"}

    index = page_in(NewsIndexPage, "it")
    response = admin_client.post(
        f"/admin/pages/add/news/newspage/{index.pk}/",
        nested_form_data(
            {
                "title": "Nuova notizia",
                "slug": "nuova-notizia",
                "date": "2026-11-21",
                "summary": "Da tradurre.",
                "lead_image_alt": "",
                "tags": "",
                "body": streamfield([("paragraph", rich_text("<p>Testo.</p>"))]),
                "territory_links": inline_formset([]),
                "listing_summary": "",
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302
    italian = NewsPage.objects.get(slug="nuova-notizia", locale__language_code="it")
    placeholders = Page.objects.filter(alias_of=italian)
    assert {p.locale.language_code for p in placeholders} == {"fr", "en"}  # synchronised tree

    soup = BeautifulSoup(client_get(admin_client, italian.url), "html.parser")
    assert soup.select_one("nav.language-switcher") is None  # not translated yet
    french_index = client_get(admin_client, "/fr/actualites/")
    assert "Nuova notizia" not in french_index
    placeholder = placeholders.get(locale__language_code="fr")
    soup = BeautifulSoup(client_get(admin_client, placeholder.url), "html.parser")
    assert soup.html["lang"] == "fr" and soup.main["lang"] == "it"


def client_get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize(
    ("language", "month", "capitalised"),
    [("it", "ottobre", "Ottobre"), ("fr", "octobre", "Octobre")],
)
def test_dates_write_months_and_weekdays_in_lower_case(client, language, month, capitalised):
    """Italian writes "14 ottobre 2026", "mercoledì", where Django's Italian catalogue
    capitalises them; the project's catalogue (core/date_names.py) gives the names."""
    article = NewsPage.objects.filter(locale__language_code=language).first()
    article.date = date(2026, 10, 14)
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    shown = BeautifulSoup(html, "html.parser").select_one('time[datetime="2026-10-14"]').text
    assert shown == f"14 {month} 2026"
    assert capitalised not in html
    with translation.override(language):
        weekday = formats.date_format(datetime(2026, 10, 14, 9, 0), "DATETIME_FORMAT")
    assert weekday.startswith({"it": "mercoledì 14 ottobre", "fr": "14 octobre"}[language])
