"""`make handbook`: photograph every screen of the handbook in every language, on a fresh demo.

A throw-away SQLite database gets the demo and the handbook's people (``handbook_setup``); the
development server runs on loopback; Playwright drives Debian's Chromium through each screen as
the person of its group, in each language, and the pictures are saved as WebP (lossy, small:
the whole set stays within a few megabytes) in ``handbook/static/handbook/<language>/``."""

import io
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "handbook" / "static" / "handbook"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SIZE = {"width": 1280, "height": 800}
QUALITY = 60
# Bring a part of the screen to the top, with its heading above it (the admin scrolls its main
# column, not always the window).
SCROLL = """element => {
  element.scrollIntoView({block: "start", behavior: "instant"});
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (node.scrollTop > 0) { node.scrollBy({top: -150, behavior: "instant"}); return; }
  }
  window.scrollBy({top: -150, behavior: "instant"});
}"""


def manage(env, *arguments, capture=False) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=capture,
        text=True,
        timeout=1200,
    )
    return result.stdout if capture else ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def save(png: bytes, target: Path) -> int:
    from PIL import Image

    target.parent.mkdir(parents=True, exist_ok=True)
    Image.open(io.BytesIO(png)).convert("RGB").save(target, "WEBP", quality=QUALITY, method=6)
    return target.stat().st_size


def photograph(base: str, plan: dict, password: str) -> int:
    from playwright.sync_api import sync_playwright

    total = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        for language in plan["languages"]:
            for role, names in plan["people"].items():
                context = browser.new_context(base_url=base, viewport=SIZE, locale=language)
                context.route(lambda url: not url.startswith(base), lambda route: route.abort())
                page = context.new_page()
                page.goto("/admin/login/")
                page.fill("#id_username", names[language])
                page.fill("#id_password", password)
                page.click("form button[type=submit]")
                page.wait_for_url("**/admin/")
                for screen in (s for s in plan["screens"] if s["role"] == role):
                    page.goto(screen["paths"][language])
                    page.wait_for_load_state("networkidle")
                    if screen["scroll_to"]:
                        page.locator(screen["scroll_to"]).first.evaluate(SCROLL)
                    if screen["click"]:
                        page.locator(screen["click"]).first.click()
                    page.wait_for_timeout(600)
                    target = OUT / language / f"{screen['task']}-{screen['name']}.webp"
                    size = save(page.screenshot(), target)
                    total += size
                    print(f"{target.relative_to(ROOT)}  {size // 1024} KB")
                context.close()
        browser.close()
    return total


def main() -> None:
    password = secrets.token_urlsafe(16)
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DATABASE_URL": f"sqlite:///{Path(folder) / 'handbook.sqlite3'}",
            "PAGE_CACHE_SECONDS": "0",
            "MEDIA_ROOT": str(Path(folder) / "media"),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo", "-v0")
        plan = json.loads(manage(env, "handbook_setup", password, capture=True).splitlines()[-1])
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = open(Path(folder) / "server.log", "w")  # noqa: SIM115 (closed below)
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            for _attempt in range(120):
                try:
                    urllib.request.urlopen(f"{base}/robots.txt", timeout=2)  # noqa: S310
                    break
                except OSError:
                    time.sleep(0.5)
            total = photograph(base, plan, password)
        finally:
            server.terminate()
            server.wait(timeout=20)
            log.close()
    print(f"{total / 1024 / 1024:.1f} MB in all")


if __name__ == "__main__":
    main()
