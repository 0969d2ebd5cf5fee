"""On a phone the first screen shows the page, not the menu: the main menu folds behind a
"Menu" button that works without JavaScript, with the keyboard and for screen readers, and the
language switcher stays in sight. On a desktop the menu is shown as it always was."""

from pathlib import Path

import pytest

from tests.browser.conftest import no_violations

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
PAGES = {
    "it": [
        ("/it/", "Menu"),
        ("/it/territori/fossanese/", "Menu"),
        ("/it/partecipa/bisogni-del-territorio/", "Menu"),
    ],
    "fr": [
        ("/fr/", "Menu"),
        ("/fr/territoires/mont-rose/", "Menu"),
        ("/fr/participez/besoins-du-territoire/", "Menu"),
    ],
}


def menu_button(page) -> dict:
    """The menu button as Chromium gives it to screen readers (a disclosure button, announced
    with its name and whether it is expanded)."""
    session = page.context.new_cdp_session(page)
    try:
        for node in session.send("Accessibility.getFullAXTree")["nodes"]:
            if node.get("role", {}).get("value") == "DisclosureTriangle" and not node["ignored"]:
                properties = {p["name"]: p["value"].get("value") for p in node["properties"]}
                return {"name": node["name"]["value"], "expanded": properties.get("expanded")}
    finally:
        session.detach()
    return {}


MAIN_MENU = {"it": "Menu principale", "fr": "Menu principal"}
LANGUAGES = {"it": "Scegli la lingua", "fr": "Choisir la langue"}


@pytest.mark.parametrize("language", ["it", "fr"])
def test_on_a_phone_the_title_is_on_the_first_screen_and_the_menu_behind_a_button(page, language):
    page.set_viewport_size(PHONE)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for url, button_name in PAGES[language]:
        page.goto(url)
        title = page.get_by_role("heading", level=1).bounding_box()
        assert title["y"] + title["height"] <= PHONE["height"], url
        assert page.get_by_role("navigation", name=LANGUAGES[language]).is_visible(), url
        menu = page.get_by_role("navigation", name=MAIN_MENU[language])
        links = menu.locator("a")
        assert links.count() >= 7 and not links.first.is_visible(), url
        assert menu.locator("summary").inner_text().strip() == button_name
        assert menu_button(page) == {"name": button_name, "expanded": False}, url
        page.screenshot(path=str(SHOTS / f"phone-{url.strip('/').replace('/', '-')}.png"))
        no_violations(page)

    # With the keyboard: Tab reaches the button, Enter opens and closes the menu.
    page.goto(PAGES[language][1][0])
    menu = page.get_by_role("navigation", name=MAIN_MENU[language])
    button = menu.locator("summary")
    for _press in range(15):
        page.keyboard.press("Tab")
        if button.evaluate("element => element === document.activeElement"):
            break
    assert button.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    assert menu.locator("a").first.is_visible()
    assert menu_button(page) == {"name": "Menu", "expanded": True}
    no_violations(page)  # the open menu too
    page.keyboard.press("Enter")
    assert not menu.locator("a").first.is_visible()
    assert menu_button(page) == {"name": "Menu", "expanded": False}


def test_the_phone_menu_opens_without_javascript(browser, live_site):
    context = browser.new_context(base_url=live_site, java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto("/fr/territoires/")
    menu = page.get_by_role("navigation", name="Menu principal")
    assert not menu.get_by_role("link", name="Actualités").is_visible()
    menu.locator("summary", has_text="Menu").click()
    menu.get_by_role("link", name="Actualités").click()
    assert page.url.endswith("/fr/actualites/")
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_on_a_desktop_the_menu_is_shown_without_a_button(browser, live_site, javascript):
    context = browser.new_context(
        base_url=live_site,
        java_script_enabled=javascript,
        viewport={"width": 1280, "height": 900},
    )
    page = context.new_page()
    page.goto("/it/")
    menu = page.get_by_role("navigation", name="Menu principale")
    assert menu.get_by_role("link", name="Territori pilota").is_visible()
    assert menu.get_by_role("searchbox").is_visible()
    assert not menu.locator("summary").is_visible()
    context.close()
