"""A request whose Host header the site does not serve gets a 400 page in the visitor's
language — never a 500 — under the production settings, with and without the page cache, and
is logged as one warning line."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ADDRESSES = ["/it/", "/fr/territoires/", "/admin/", "/open-data/digivillae.json", "/healthz"]

# Run in a process of its own: the production settings module, as gunicorn loads it.
PROBE = """
import json, logging
import django
django.setup()
from django.test import Client

records = []

class Keep(logging.Handler):
    def emit(self, record):
        records.append([record.name, record.levelname, bool(record.exc_info)])

logging.getLogger().addHandler(Keep())
client = Client(raise_request_exception=False)
answers = {}
for address in ADDRESSES:
    for secure in (True, False):
        response = client.get(address, HTTP_HOST="evil.example", secure=secure)
        answers[f"{address} {secure}"] = [
            response.status_code, response.content.decode(), response.get("Content-Language")
        ]
allowed = client.get("/healthz", HTTP_HOST="www.digivillae.example", secure=True)
print(json.dumps({"answers": answers, "allowed": allowed.status_code, "logs": records}))
"""


@pytest.fixture(scope="module")
def production_env(tmp_path_factory):
    """The production settings with their static files collected, as a deployment has them."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "www.digivillae.example",
        "STATIC_ROOT": str(tmp_path_factory.mktemp("static")),
        "LOG_LEVEL": "WARNING",
    }
    collected = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert collected.returncode == 0, collected.stderr[-2000:]
    return env


@pytest.mark.parametrize("page_cache_seconds", ["0", "300"])
def test_a_host_that_is_not_allowed_gets_a_400_in_the_visitor_language(
    production_env, page_cache_seconds
):
    env = {**production_env, "PAGE_CACHE_SECONDS": page_cache_seconds}
    result = subprocess.run(
        [sys.executable, "-c", f"ADDRESSES = {ADDRESSES!r}\n{PROBE}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["allowed"] == 200
    for request, (status, body, language) in report["answers"].items():
        assert status == 400, (request, body[:500])
        if request.startswith("/fr/"):
            assert "Adresse de site inconnue" in body and language == "fr", request
        else:
            assert "Indirizzo del sito sconosciuto" in body and language == "it", request
        assert "evil.example" not in body
    levels = {(name, level) for name, level, _traceback in report["logs"]}
    assert ("django.security.DisallowedHost", "WARNING") in levels
    assert not [record for record in report["logs"] if record[1] in {"ERROR", "CRITICAL"}]
    assert not [record for record in report["logs"] if record[2]]  # no traceback
