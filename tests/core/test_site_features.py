import re

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree as ET
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

from core.views import server_error

pytestmark = pytest.mark.django_db
SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def test_sitemap_lists_every_language_with_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = root.findall("s:url", SITEMAP_NS)
    locations = {url.find("s:loc", SITEMAP_NS).text for url in urls}
    live = Page.objects.live().filter(depth__gte=2).count()
    assert len(locations) == live
    for prefix in ("/it/", "/fr/", "/en/"):
        assert any(f"testserver{prefix}" in location for location in locations)
    news = next(u for u in urls if u.find("s:loc", SITEMAP_NS).text.endswith("/fr/actualites/"))
    alternates = {
        link.get("hreflang"): link.get("href") for link in news.findall("x:link", SITEMAP_NS)
    }
    assert alternates == {
        "it": "http://testserver/it/notizie/",
        "fr": "http://testserver/fr/actualites/",
        "en": "http://testserver/en/news/",
    }


def test_robots_txt_points_to_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


@pytest.mark.parametrize(
    ("language", "text"),
    [("it", "Pagina non trovata"), ("fr", "Page introuvable"), ("en", "Page not found")],
)
def test_404_in_every_language(client, language, text):
    response = client.get(f"/{language}/non-esiste/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    assert soup.h1.get_text() == text


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("it", "Qualcosa è andato storto"),
        ("fr", "Une erreur s'est produite"),
        ("en", "Something went wrong"),
    ],
)
def test_500_in_every_language(language, text):
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language):
        response = server_error(request)
    assert response.status_code == 500
    assert text in response.content.decode()
    assert f'lang="{language}"' in response.content.decode()


def test_search_stays_in_the_visitor_language(client):
    french = BeautifulSoup(client.get("/fr/search/?q=Turin").content, "html.parser")
    links = [a["href"] for a in french.select(".search-results h2 a")]
    assert "/fr/actualites/lancement-turin/" in links
    assert all(link.startswith("/fr/") for link in links)
    italian = BeautifulSoup(client.get("/it/search/?q=Torino").content, "html.parser")
    assert all(a["href"].startswith("/it/") for a in italian.select(".search-results h2 a"))


def test_search_refuses_an_oversize_query_with_a_message(client):
    response = client.get("/fr/search/", {"q": "x" * 500})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert "trop longue" in soup.select_one("#search-error").get_text()


def test_footer_has_eu_statement_programme_and_legal_pages(client):
    soup = BeautifulSoup(client.get("/fr/").content, "html.parser")
    footer = soup.select_one("footer.site-footer")
    text = footer.get_text(" ", strip=True)
    assert "Cofinancé par l'Union européenne" in text
    assert "Interreg VI-A France–Italie ALCOTRA 2021–2027" in text
    assert footer.select_one('img[src$="eu-emblem.svg"]')["alt"]
    assert footer.find("a", href="/fr/accessibilite/")
    assert footer.find("a", href="/fr/confidentialite/")


def test_breadcrumbs_and_main_menu(client):
    soup = BeautifulSoup(client.get("/it/eventi/comitato-di-pilotaggio/").content, "html.parser")
    crumbs = [a.get_text() for a in soup.select("nav.breadcrumbs a")]
    assert crumbs == ["DigiVillae", "Eventi"]
    current = soup.select_one("nav.main-nav a[aria-current]")
    assert current.get_text() == "Eventi"


def test_home_page_sections(client):
    soup = BeautifulSoup(client.get("/it/").content, "html.parser")
    assert len(soup.select("section[aria-labelledby=news-heading] .card")) == 3
    assert [a.get_text() for a in soup.select(".event-list h3 a")] == [
        "Comitato di pilotaggio",
        "Laboratorio dei bisogni al polo locale di Fossano",
    ]
    assert len(soup.select(".territory-grid li")) == 5  # four pilot territories and Seyne
    assert soup.select_one("#participation-heading").get_text() == "Partecipa"


def test_home_page_weighs_under_500_kb(client):
    response = client.get("/it/")
    soup = BeautifulSoup(response.content, "html.parser")
    total = len(response.content)
    assets = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
    assets += [script["src"] for script in soup.select("script[src]")]
    assets += [img["src"] for img in soup.select("img[src]") if img.get("loading") != "lazy"]
    for source in soup.select("picture source[type='image/webp']"):
        assets.append(source["srcset"].split(",")[0].split()[0])
    for url in set(assets):
        asset = client.get(url)
        assert asset.status_code == 200, url
        total += len(b"".join(asset.streaming_content) if asset.streaming else asset.content)
    assert total < 500 * 1024, total


def test_no_personal_phone_numbers_or_emails_in_demo_pages(client):
    phone = re.compile(r"\b0\d(?:[ .]?\d{2}){4}\b|\+\d{2}[ .]?\d")
    for url in ("/it/", "/fr/", "/en/", "/it/partner/", "/fr/territoires/mont-rose/"):
        body = BeautifulSoup(client.get(url).content, "html.parser").get_text(" ")
        assert not phone.search(body), url
        assert "@" not in body, url


def test_footer_shows_contact_details_set_in_site_settings(client):
    from wagtail.models import Site

    from core.models import SiteSettings

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert "Contatti" not in client.get("/it/").content.decode()  # nothing configured yet
    site_settings.contact_email = "progetto@example.org"
    site_settings.linkedin_url = "https://www.linkedin.com/company/example"
    site_settings.save()
    soup = BeautifulSoup(client.get("/it/").content, "html.parser")
    footer = soup.select_one("footer")
    assert footer.find("a", href="mailto:progetto@example.org")
    assert (
        footer.find("a", href="https://www.linkedin.com/company/example").get_text() == "LinkedIn"
    )
