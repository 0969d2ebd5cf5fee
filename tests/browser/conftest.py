"""A real server for the browser tests: its own database, migrated and loaded with the demo,
served on loopback, driven by Playwright in Debian's Chromium (never a downloaded browser)."""

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import polib
import pytest

from tests.conftest import copy_of_test_database

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
EDITOR_PASSWORD = "browser-test-only"  # noqa: S105 (a throw-away account in a throw-away database)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


# The live server's environment, for tests that read its e-mails or let time pass on it.
LIVE: dict = {}


WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def no_violations(page) -> None:
    """axe-core finds no WCAG 2.1 AA violation on the page as it stands."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=WCAG_21_AA)
    assert not results.violations_count, [
        (v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
    ]


def manage_live(code: str) -> str:
    """Run Python in the live server's Django (``manage.py shell -c``); returns its output."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", code],
        env=LIVE["env"],
        cwd=ROOT,
        check=True,
        timeout=120,
        capture_output=True,
        text=True,
    )
    return result.stdout


def sent_messages() -> list:
    """Each e-mail the live server has sent (``email.message.Message``), oldest first."""
    import email

    folder = LIVE["mail"]
    if not folder.exists():
        return []
    messages = []
    for path in sorted(folder.iterdir(), key=lambda p: p.stat().st_mtime_ns):
        for raw in path.read_bytes().split(b"-" * 79):
            if raw.strip():
                messages.append(email.message_from_bytes(raw.strip()))
    return messages


def part_of(message, content_type: str = "text/plain") -> str:
    """The decoded text of a message's first part of ``content_type``."""
    for part in message.walk():
        if part.get_content_type() == content_type and not part.is_multipart():
            return part.get_payload(decode=True).decode()
    return ""


def subject_of(message) -> str:
    import email

    return str(email.header.make_header(email.header.decode_header(message["Subject"])))


def sent_mails() -> list[tuple[str, str]]:
    """The (subject, plain-text body) of each e-mail the live server has sent, oldest first."""
    return [(subject_of(message), part_of(message)) for message in sent_messages()]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def live_site(django_db_setup, django_db_blocker):
    """On PostgreSQL the server gets a copy of the suite's database (the demo is loaded once
    per run); on SQLite, a database of its own, migrated and loaded with the demo."""
    with tempfile.TemporaryDirectory() as directory:
        tmp = Path(directory)
        with django_db_blocker.unblock():
            copy = copy_of_test_database(f"digivillae_browser_{os.getpid()}")
        database_url, drop = copy or (f"sqlite:///{tmp / 'browser.sqlite3'}", lambda: None)
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        env = {
            "SITE_URL": base_url,  # links in mail sent in the background
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": database_url,
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(tmp / "mail"),
        }
        LIVE.update(env=env, mail=tmp / "mail")
        manage = [sys.executable, str(ROOT / "manage.py")]
        env.update(
            DJANGO_SUPERUSER_USERNAME="editor",
            DJANGO_SUPERUSER_PASSWORD=EDITOR_PASSWORD,
            DJANGO_SUPERUSER_EMAIL="editor@example.org",
        )
        setup = [] if copy else [["migrate", "--noinput", "-v0"], ["load_demo", "-v0"]]
        for command in (*setup, ["createsuperuser", "--noinput"]):
            subprocess.run(manage + command, env=env, cwd=ROOT, check=True, timeout=600)
        # The request log goes to a file: an unread pipe fills up and stalls the server.
        server_log = open(tmp / "server.log", "w")  # noqa: SIM115 (closed in finally)
        server = subprocess.Popen(
            manage + ["runserver", f"127.0.0.1:{port}", "--noreload"],
            env=env,
            cwd=ROOT,
            stdout=server_log,
            stderr=subprocess.STDOUT,
        )
        try:
            for _attempt in range(120):
                try:
                    urllib.request.urlopen(f"{base_url}/robots.txt", timeout=2)  # noqa: S310
                    break
                except OSError:
                    time.sleep(0.5)
            else:
                raise RuntimeError("the test server did not start")
            yield base_url
        finally:
            server.terminate()
            server.wait(timeout=20)
            server_log.close()
            drop()


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module: Playwright's event loop runs while it is open, and Django
    refuses database work in a thread with a running loop, so it must not outlive the module."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian's Chromium is required at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_site):
    context = browser.new_context(base_url=live_site, locale="it-IT")
    # Nothing leaves the machine: any request off loopback is refused.
    context.route(
        lambda url: not url.startswith(live_site),
        lambda route: route.abort(),
    )
    page = context.new_page()
    yield page
    context.close()


def add_inline_form(page, prefix: str, index: int, first_field: str):
    """Add form ``index`` to the admin's inline panel ``prefix`` and return its ``first_field``.

    On a busy machine a click can land while the admin's scripts or its autosave are still busy
    and be lost: click again only if the form did not appear (a late form is used as it is)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    field = page.locator(f"#id_{prefix}-{index}-{first_field}")
    for _attempt in range(3):
        if field.count():
            break
        page.wait_for_load_state("networkidle")
        page.locator(f"#id_{prefix}-ADD").click()
        try:
            field.wait_for(timeout=20_000)
        except PlaywrightTimeoutError:
            continue
    return field


def save_in_editor(page, action: str) -> None:
    """Click "Save draft" or "Publish" ("publish") in the page editor once Wagtail's autosave
    has settled, as an editor does when the indicator says "Saved". A click while an autosave
    (sent 500 ms after the last change) is still on its way makes Wagtail report a newer
    version "saved in another window"."""
    for _round in range(2):
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1_000)  # longer than the autosave's wait after a change
        page.wait_for_function(
            "() => document.querySelector('#w-autosave-indicator')"
            "?.dataset.wAutosaveStateValue !== 'saving'"
        )
    if action == "publish":
        page.get_by_role("button", name=re.compile("More actions|Altre azioni")).click()
        page.get_by_role("button", name=re.compile("^(Publish|Pubblica)$")).click()
    else:
        page.get_by_role("button", name=re.compile("^(Save draft|Salva bozza)$")).click()


def log_in(page, username: str, password: str) -> None:
    """Sign in to the Wagtail admin through its login form, as a fresh visitor."""
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.get_by_label(re.compile("Nome utente|Username")).fill(username)
    page.get_by_label(re.compile("Password")).fill(password)
    page.get_by_role("button", name=re.compile("Accedi|Sign in")).click()
    page.wait_for_url(re.compile(r"/admin/$"))


def upload_french_translation(page, page_id: str, french: Callable[[str], str]) -> polib.POFile:
    """Submit a page for French with wagtail-localize (without English), download its PO file,
    give every entry ``french(msgid)`` and upload it, as a translator working offline does.
    Returns the catalogue as it was downloaded and translated."""
    page.goto(f"/admin/localize/submit/page/{page_id}/")
    page.get_by_label("Français").check()
    english = page.get_by_label(re.compile("English"))
    if english.is_checked():
        english.uncheck()
    page.get_by_role("button", name=re.compile("Submit|Invia")).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    convert = page.locator(
        "a, button", has_text=re.compile("Traduci questa pagina|Translate this page")
    )
    if convert.count():  # the synchronised tree holds a placeholder: make it a translation
        convert.click()
        page.get_by_role("button", name=re.compile("^(Invia|Submit)$")).click()
        page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    with page.expect_download() as download_info:
        page.locator("a, button", has_text=re.compile(r"\bPO\b")).first.click()
    catalogue = polib.pofile(download_info.value.path().read_text(encoding="utf-8"))
    for entry in catalogue:
        entry.msgstr = french(entry.msgid)
    translated = download_info.value.path().with_suffix(".fr.po")
    catalogue.save(str(translated))
    with page.expect_file_chooser() as chooser_info:
        page.locator("a, button", has_text=re.compile(r"\bPO\b")).nth(1).click()
    chooser_info.value.set_files(str(translated))
    page.wait_for_load_state("networkidle")
    return catalogue
