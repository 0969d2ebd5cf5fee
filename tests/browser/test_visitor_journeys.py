import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import WCAG_21_AA

pytestmark = pytest.mark.browser

# One page of every type in every language.
PAGES = [
    "/it/",
    "/it/progetto/",
    "/it/notizie/",
    "/it/notizie/kick-off-torino/",
    "/it/eventi/",
    "/it/eventi/comitato-di-pilotaggio/",
    "/it/partner/",
    "/it/partner/fpi/",
    "/it/territori/",
    "/it/territori/fossanese/",
    "/it/search/?q=Torino",
    "/fr/",
    "/fr/projet/",
    "/fr/actualites/",
    "/fr/actualites/lancement-turin/",
    "/fr/evenements/",
    "/fr/evenements/comite-de-pilotage/",
    "/fr/partenaires/",
    "/fr/partenaires/aktantis/",
    "/fr/territoires/",
    "/fr/territoires/mont-rose/",
    "/fr/search/?q=Turin",
    "/en/",
    "/en/project/",
    "/en/news/",
    "/en/news/iotxchange/",
    "/en/events/",
    "/en/events/kick-off-meeting/",
    "/en/partners/",
    "/en/partners/anci/",
    "/en/territories/",
    "/en/territories/liguria/",
    "/en/accessibility/",
    "/en/no-such-page/",
    "/it/partecipa/",
    "/it/partecipa/bisogni-del-territorio/",
    "/fr/participez/besoins-du-territoire/",
    "/fr/participez/coworking/",
    "/en/take-part/coworking/",
    "/it/partecipa/connessione-e-servizi/",  # a survey in steps
    "/fr/participez/connexion-et-services/print/",  # its printable form
    "/fr/follow/",
    "/it/follow/",
    "/it/bisogni/",
    "/fr/besoins/",
    "/en/needs/",
    "/it/sfide/",
    "/it/sfide/sportelli-digitali/",
    "/it/sfide/sportelli-digitali/proposals/DV26-DEMO1/",
    "/fr/defis/coworking-villages/",
    "/fr/defis/coworking-villages/submit/",
    "/fr/territoires/mont-rose/guichet-itinerant/",
    "/en/challenges/digital-help-desks/proposals/DV26-DEMO2/",
    "/en/territories/mont-rose/mobile-help-desk/",
    "/it/strategie/",
    "/it/strategie/mont-rose/",
    "/it/strategie/mont-rose/print/",
    "/it/strategie/mont-rose/versions/2/",
    "/fr/strategies/",
    "/fr/strategies/mont-rose/",
    "/fr/strategies/mont-rose/print/",
    "/fr/strategies/fossanese/",
    "/en/strategies/alps-region-sud/",
    "/it/soluzioni/",
    "/it/soluzioni/?theme=&size=small&cost=",  # filtered
    "/it/soluzioni/sportello-itinerante/",
    "/it/modello/",
    "/fr/solutions/",
    "/fr/solutions/coworking-au-pole/",
    "/fr/modele/",
    "/en/solutions/travelling-workshops/",
]


def test_visitor_reads_italian_switches_to_french_and_opens_the_map(page):
    page.goto("/")
    assert page.url.endswith("/it/")
    assert page.locator("html").get_attribute("lang") == "it"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Piccoli comuni")

    page.get_by_role("link", name="A Torino il kick-off di DigiVillae").click()
    assert page.url.endswith("/it/notizie/kick-off-torino/")
    page.get_by_role("navigation", name="Scegli la lingua").get_by_role(
        "link", name="Français"
    ).click()
    assert page.url.endswith("/fr/actualites/lancement-turin/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text() == (
        "À Turin, le lancement de DigiVillae"
    )

    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Territoires pilotes"
    ).click()
    assert page.url.endswith("/fr/territoires/")
    page.wait_for_selector("#territory-map.is-ready .leaflet-marker-icon")
    markers = page.locator(".leaflet-marker-icon")
    assert markers.count() == 5  # the four pilot territories and Seyne
    page.locator('.leaflet-marker-icon[title="Unione del Fossanese"]').click()
    popup_link = page.locator(".leaflet-popup-content a")
    assert popup_link.inner_text() == "Unione del Fossanese"
    popup_link.click()
    assert page.url.endswith("/fr/territoires/fossanese/")
    assert "Piémont (province de Coni)" in page.inner_text("main")


def test_territory_list_works_without_javascript(browser, live_site):
    context = browser.new_context(base_url=live_site, java_script_enabled=False)
    page = context.new_page()
    page.goto("/en/territories/")
    # The four pilot territories and the commune that joined them.
    assert page.locator(".territory-list h3 a").count() == 5
    assert page.locator(".map-fallback").is_visible()
    page.get_by_role("link", name="Alps of the Région Sud").click()
    assert page.url.endswith("/en/territories/alps-region-sud/")
    context.close()


def test_skip_link_and_visible_focus(page):
    page.goto("/it/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Vai al contenuto principale")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    outline = skip.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


# Whether a grid of cards starts further in than the page's heading (a list's indent).
CARDS_OUT_OF_LINE = """() => {
  const heading = document.querySelector('main h1');
  if (!heading) return false;
  const left = heading.getBoundingClientRect().left;
  return [...document.querySelectorAll('main .card-grid > :first-child')]
    .some(card => Math.abs(card.getBoundingClientRect().left - left) > 1);
}"""

# Whether an event's date badge breaks its month and year over two lines ("NOV / 2025").
DATE_BADGE_WRAPPED = """() => [...document.querySelectorAll('.event-date .month')].some(month =>
  month.getBoundingClientRect().height > 1.8 * parseFloat(getComputedStyle(month).fontSize))"""


@pytest.mark.parametrize("language", ["it", "fr", "en"])
@pytest.mark.parametrize("width", [360, 1280])
def test_no_wcag_21_aa_violation_on_any_page_type(page, width, language):
    """One test per width and language, so the workers share the checks. On a phone, no page
    is wider than the screen (a wide table scrolls inside its own region); grids of cards
    line up with the page's heading; an event's month and year stay on one line."""
    page.set_viewport_size({"width": width, "height": 900})
    axe = Axe()
    problems = {}
    pages = [url for url in PAGES if url.startswith(f"/{language}/")]
    assert len(pages) >= 14
    for url in pages:
        page.goto(url)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            problems[url + " (width)"] = scroll_width
        if page.evaluate(CARDS_OUT_OF_LINE):
            problems[url + " (cards not in line with the heading)"] = True
        if page.evaluate(DATE_BADGE_WRAPPED):
            problems[url + " (an event's month and year on two lines)"] = True
        results = axe.run(page, options=WCAG_21_AA)
        if results.violations_count:
            problems[url] = [
                (violation["id"], [node["target"] for node in violation["nodes"]][:3])
                for violation in results.response["violations"]
            ]
    assert not problems, problems
