"""`make bench`: the portal under gunicorn with production settings on PostgreSQL, a large
content set, and wrk on the same machine. Speed is reported as ratios to a trivial Django view
under the same server, so figures from different machines compare.

Writes bench/results/latest.json and exits non-zero when a target is missed (docs/benchmark.md):
cached throughput >= 90 % of the trivial view's (pages with a visitor's form >= 80 %), cold (every
cache off) >= 6 % of it in <= 12 SQL queries, <= 15 queries per page past the page cache; the
submission storm stores every answer it accepted; survey visitors never share a token; a
million answers give results, admin results, cross-tabulation and an export's first byte in
<= 1 s, the exporting worker under 150 MB; 1,000 support confirmations in a minute leave other
pages >= 95 % cache hits; a newsletter and an export running keep cached pages >= 80 % of the
floor and at most double the cold p95 latency.
"""

import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path

from bench import scenarios

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "latest.json"
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
STORM_CLIENTS, STORM_ANSWERS = 50, 5000
CACHED_TARGET, FORM_CACHED_TARGET, QUERY_TARGET = 0.90, 0.80, 15
# Pages that carry a form stamp each visitor's own tokens into the cached copy (CSRF cookie and
# submission token, core.visitor_tokens): work no other cached page does.
FORM_PAGES = {"survey", "solution"}
COLD_TARGET, COLD_QUERY_TARGET = 0.06, 12
MILLION_MS_TARGET, EXPORT_MB_TARGET = 1000, 150


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict, *args: str, timeout: int = 3600) -> str:
    result = subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode:
        sys.exit(f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def in_django(env: dict, code: str, tag: str | None = None):
    """Run ``code`` in the bench database's Django; with ``tag``, return what it printed."""
    output = manage(env, "shell", "-c", code)
    return tagged(output, tag) if tag else output


def tagged(output: str, tag: str) -> dict:
    line = next(line for line in output.splitlines() if line.startswith(tag + " "))
    return json.loads(line[len(tag) + 1 :])


def bench_database(base_url: str):
    import psycopg

    if not base_url.startswith("postgres"):
        sys.exit("make bench needs PostgreSQL: set DATABASE_URL=postgres://…")
    name = "digivillae_bench"
    admin_url = base_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return base_url.rsplit("/", 1)[0] + f"/{name}"


def wrk(url: str, seconds: int = SECONDS) -> dict:
    script = ROOT / "bench" / "report.lua"
    result = subprocess.run(  # noqa: S603
        [
            shutil.which("wrk") or "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    )
    data = tagged(result.stdout, "BENCH")
    data["rps"] = data["requests"] / (data["duration_us"] / 1_000_000)
    return data


def storm(base: str, path: str) -> dict:
    """50 clients send 5,000 answers together; each reads the form first, as a browser does."""
    sent = accepted = errors = 0
    lock = threading.Lock()
    per_client = STORM_ANSWERS // STORM_CLIENTS

    def client():
        nonlocal sent, accepted, errors
        try:
            with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310
                html = response.read().decode()
                cookie = response.headers.get("Set-Cookie", "")
        except OSError:
            with lock:
                errors += per_client
            return
        csrf_cookie = re.search(r"csrftoken=([^;]+)", cookie).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        for _number in range(per_client):
            body = urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": token,
                    "submission_token": str(uuid.uuid4()),
                    "website": "",
                    "messaggio": "Risposta dal test di carico",
                }
            ).encode()
            request = urllib.request.Request(  # noqa: S310
                base + path,
                data=body,
                headers={
                    "Cookie": f"csrftoken={csrf_cookie}",
                    "Content-Type": "application/x-www-form-urlencoded",
                },
            )
            with lock:
                sent += 1
            try:
                with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
                    ok = (
                        response.status == 200
                        and "Grazie per la risposta" in response.read().decode()
                    )
            except OSError:
                ok = False
            with lock:
                if ok:
                    accepted += 1
                else:
                    errors += 1

    threads = [threading.Thread(target=client) for _client in range(STORM_CLIENTS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "sent": sent,
        "accepted": accepted,
        "errors": errors,
        "seconds": round(time.monotonic() - started, 1),
    }


def stored_answers(database_url: str, path: str) -> int:
    import psycopg

    slug = path.rstrip("/").rsplit("/", 1)[-1]
    with psycopg.connect(database_url) as connection:
        row = connection.execute(
            "SELECT count(*) FROM participation_surveysubmission s "
            "JOIN wagtailcore_page p ON p.id = s.page_id WHERE p.slug = %s",
            [slug],
        ).fetchone()
    return row[0]


PUBLISHER = """
import time
from news.models import NewsPage
article = NewsPage.objects.live().filter(slug__startswith="bench-news").order_by("-pk").first()
published, stop_at = 0, time.monotonic() + {seconds}
while time.monotonic() < stop_at:
    article.title = f"Notizia di carico, versione {{published}}"
    article.save_revision().publish()
    published += 1
    time.sleep(3)
print(f"PUBLISHED {{published}}")
"""


def start_gunicorn(env: dict, port: int, workers: str, log_path: Path):
    log = open(log_path, "w")  # noqa: SIM115 (closed with the server)
    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            workers,
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _attempt in range(120):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)  # noqa: S310
            return server, log, base
        except OSError:
            time.sleep(0.5)
    sys.exit(f"gunicorn did not start: see {log_path}")


def stop(server, log) -> None:
    server.terminate()
    server.wait(timeout=30)
    log.close()


def main() -> int:  # noqa: PLR0915 (one bench, step by step)
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk (make bench does it)")
    database_url = bench_database(os.environ.get("DATABASE_URL", ""))
    tmp = Path(tempfile.mkdtemp(prefix="digivillae-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15"),
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp / "private"),
        "SURVEY_SUBMISSIONS_PER_HOUR": "0",
        "SUPPORT_REQUESTS_PER_HOUR": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "ERROR",
    }
    cold_env = {**env, "CACHES_OFF": "1"}
    print("Preparing the bench database (migrate, demo, large content)…", flush=True)  # noqa: T201
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "compile_catalogues")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "load_demo", "-v0")
    content = in_django(env, "from bench.seed import seed; seed()", "SEEDED")
    print("Seeding a survey with a million answers…", flush=True)  # noqa: T201
    million = tagged(
        manage(env, "shell", "-c", "from bench.million import seed; seed()"), "MILLION"
    )
    supports = tagged(
        manage(env, "shell", "-c", "from bench.scenarios import seed_supports as s; s()"),
        "SUPPORTS",
    )
    newsletter = tagged(
        manage(env, "shell", "-c", "from bench.scenarios import seed_newsletter as s; s()"),
        "NEWSLETTER",
    )
    session = tagged(
        manage(env, "shell", "-c", "from bench.scenarios import admin_session as s; s()"), "SESSION"
    )
    admin_cookie = f"sessionid={session}"
    # Fresh planner statistics after bulk seeding, as autovacuum keeps them in production:
    # without them PostgreSQL plans the listings as if the tables were empty.
    in_django(env, "from django.db import connection; connection.cursor().execute('ANALYZE')")
    manage(env, "shell", "-c", "from django.core.cache import caches; caches['pages'].clear()")
    urls = tagged(
        manage(env, "shell", "-c", "from bench.probe import page_urls; page_urls()"), "URLS"
    )
    probe = f"from bench.probe import count_queries; count_queries({urls!r})"
    queries = tagged(manage({**env, "PAGE_CACHE_SECONDS": "0"}, "shell", "-c", probe), "QUERIES")
    cold_queries = tagged(manage(cold_env, "shell", "-c", probe), "QUERIES")

    workers = str(2 * (os.cpu_count() or 1) + 1)
    server, log, base = start_gunicorn(env, free_port(), workers, tmp / "gunicorn.log")
    cold_server, cold_log, cold_base = start_gunicorn(
        cold_env, free_port(), workers, tmp / "gunicorn-cold.log"
    )
    try:
        # Warm every worker (imports, connections, templates) before anything is measured.
        for address in (base, cold_base):
            wrk(address + "/healthz", seconds=2)
            for path in urls.values():
                wrk(address + path, seconds=1)
        # The machine drifts during a long run (other load, CPU frequency): each page is
        # compared with the floor measured just before it.
        floors = []
        pages = {}
        for name, path in urls.items():
            print(f"  {name}: {path}", flush=True)  # noqa: T201
            uncached = wrk(f"{base}{path}?bench=uncached")
            cold = wrk(cold_base + path)
            urllib.request.urlopen(base + path, timeout=30).read()  # noqa: S310 (warm)
            # Floor and cached page back to back, twice (ABAB), the better of each kept: a
            # busy moment of the shared machine then lowers neither ratio alone.
            floor_runs, cached_runs = [], []
            for _round in range(2):
                floor_runs.append(wrk(base + "/healthz"))
                cached_runs.append(wrk(base + path))
            floor = max(floor_runs, key=lambda run: run["rps"])
            cached = max(cached_runs, key=lambda run: run["rps"])
            floors.append(floor["rps"])
            runs = (uncached, cold, *cached_runs)
            pages[name] = {
                "url": path,
                "uncached_rps": round(uncached["rps"], 1),
                "cold_rps": round(cold["rps"], 1),
                "cached_rps": round(cached["rps"], 1),
                "floor_rps": round(floor["rps"], 1),
                "queries": queries.get(name),
                "cold_queries": cold_queries.get(name),
                "p95_ms": round(uncached["p95_us"] / 1000, 1),
                "p99_ms": round(cold["p99_us"] / 1000, 1),
                "cold_p95_ms": round(cold["p95_us"] / 1000, 1),
                "cached_p95_ms": round(cached["p95_us"] / 1000, 1),
                "p50_ms": round(uncached["p50_us"] / 1000, 1),
                "errors": sum(run["errors"] + run["non2xx"] for run in runs),
            }
        print("  survey: visitors, tokens and the answer storm", flush=True)  # noqa: T201
        in_django(env, "from django.core.cache import caches; caches['pages'].clear()")
        visitors = scenarios.survey_visitors(base, urls["survey"])
        survey = {"cached_rps": pages["survey"]["cached_rps"], **visitors}
        survey_path = urls["survey"].rsplit("/", 2)[0] + "/bench-survey/"
        before = stored_answers(database_url, survey_path)
        submissions = storm(base, survey_path)
        submissions["stored"] = stored_answers(database_url, survey_path) - before

        print("  a million answers: results, cross-tabulation, export", flush=True)  # noqa: T201
        million_result = scenarios.measure_million(base, million, admin_cookie, server.pid)

        print("  campaign: 1,000 support confirmations in a minute", flush=True)  # noqa: T201
        others = [
            urls[name]
            for name in urls
            if name not in {"home", "news_index", "news", "call", "proposal", "challenge_index"}
        ]

        def publish():
            script = PUBLISHER.format(seconds=scenarios.CAMPAIGN_SECONDS)
            editor = subprocess.Popen(  # noqa: S603
                [sys.executable, "manage.py", "shell", "-c", script],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )

            def stop_publishing() -> int:
                output, _errors = editor.communicate(timeout=scenarios.CAMPAIGN_SECONDS + 120)
                found = re.search(r"PUBLISHED (\d+)", output or "")
                return int(found.group(1)) if found else 0

            return stop_publishing

        campaign = scenarios.campaign(base, supports, others, publish)

        print("  background: newsletter and export while pages are read", flush=True)  # noqa: T201
        background = background_load(
            env, base, cold_base, newsletter, million, admin_cookie, server.pid, urls
        )
    finally:
        stop(server, log)
        stop(cold_server, cold_log)

    results = {
        "floor_rps": round(statistics.median(floors), 1),
        "pages": pages,
        "submissions": {key: submissions[key] for key in ("sent", "accepted", "stored", "errors")},
        "survey": survey,
        "million": million_result,
        "campaign": campaign,
        "background": background,
        "machine": {"cpus": os.cpu_count(), "workers": int(workers), "seconds": SECONDS},
        "content": content,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1) + "\n")
    return report(results)


def background_load(env, base, cold_base, newsletter, million, cookie, master, urls) -> dict:
    """Cached and cold pages while a 10,000-recipient newsletter is sent (by the cron command,
    its messages handed to a mail backend that drops them) and a million-answer CSV export
    streams to an editor."""
    cached_path, cold_path = urls["news"], urls["territory"]
    floor = wrk(base + "/healthz")
    cached_before = wrk(base + cached_path)
    cold_before = wrk(cold_base + cold_path)
    manage(
        env, "shell", "-c", f"from bench.scenarios import start_newsletter as s; s({newsletter})"
    )
    sender = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "send_newsletters"],
        cwd=ROOT,
        env={
            **env,
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "NEWSLETTER_MESSAGES_PER_MINUTE": "1000000",
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    export = {}
    answers = f"/admin/surveys/{million['translation_key']}/answers/?export=csv"
    exporter = threading.Thread(
        target=lambda: export.update(
            scenarios.stream_export(base, answers, cookie, master, seconds=20)
        )
    )
    exporter.start()
    time.sleep(1)
    cached_during = wrk(base + cached_path)
    cold_during = wrk(cold_base + cold_path)
    busy = {"newsletter": sender.poll() is None, "export": exporter.is_alive()}
    exporter.join()
    sender.wait(timeout=1800)
    return {
        "cached_ratio": round(cached_during["rps"] / floor["rps"], 3),
        "cold_p95_ratio": round(cold_during["p95_us"] / max(cold_before["p95_us"], 1), 2),
        "floor_rps": round(floor["rps"], 1),
        "cached_rps": round(cached_during["rps"], 1),
        # The same page before the background work started: what the work itself cost it.
        "cached_rps_before": round(cached_before["rps"], 1),
        "cached_kept": round(cached_during["rps"] / max(cached_before["rps"], 1), 3),
        "cold_p95_ms_before": round(cold_before["p95_us"] / 1000, 1),
        "cold_p95_ms_during": round(cold_during["p95_us"] / 1000, 1),
        "still_running_when_measured": busy,
        "export_seconds": export.get("seconds"),
    }


def report(results: dict) -> int:  # noqa: PLR0912 (one line per target)
    floor = results["floor_rps"]
    print(f"\nTrivial view (floor, median): {floor:.0f} requests/s\n")  # noqa: T201
    print(  # noqa: T201
        f"{'page':<16} {'cold/s':>7} {'cold/floor':>10} {'cold q':>6} {'cached/floor':>12} "
        f"{'queries':>7} {'p99 ms':>7}  notes"
    )
    failures = []
    for name, page in results["pages"].items():
        page_floor = page.get("floor_rps", floor)
        ratio = page["cached_rps"] / page_floor if page_floor else 0
        cold_ratio = page["cold_rps"] / page_floor if page_floor else 0
        target = FORM_CACHED_TARGET if name in FORM_PAGES else CACHED_TARGET
        notes = []
        if ratio < target:
            failures.append(f"{name}: cached {ratio:.0%} of the floor")
            notes.append(f"cached below {target:.0%}")
        if cold_ratio < COLD_TARGET:
            failures.append(f"{name}: cold {cold_ratio:.1%} of the floor")
            notes.append(f"cold below {COLD_TARGET:.0%}")
        for key, limit in (("queries", QUERY_TARGET), ("cold_queries", COLD_QUERY_TARGET)):
            if page[key] is None or page[key] < 0 or page[key] > limit:
                failures.append(f"{name}: {page[key]} {key.replace('_', ' ')}")
                notes.append(f"{key.replace('_', ' ')} > {limit}")
        if page["errors"]:
            failures.append(f"{name}: {page['errors']} errors")
        print(  # noqa: T201
            f"{name:<16} {page['cold_rps']:>7.0f} {cold_ratio:>10.1%} {page['cold_queries']:>6} "
            f"{ratio:>12.0%} {page['queries']:>7} {page['p99_ms']:>7.1f}  {', '.join(notes)}"
        )
    storm_result = results["submissions"]
    print(  # noqa: T201
        f"\nSubmission storm ({STORM_CLIENTS} clients): sent {storm_result['sent']}, "
        f"accepted {storm_result['accepted']}, stored {storm_result['stored']}, "
        f"errors {storm_result['errors']}"
    )
    if storm_result["errors"] or not (
        storm_result["sent"] == storm_result["accepted"] == storm_result["stored"] == STORM_ANSWERS
    ):
        failures.append("submission storm lost or refused answers")
    survey = results["survey"]
    print(  # noqa: T201
        f"Survey page: {survey['visitors']} first-time visitors, {survey['distinct_tokens']} "
        f"distinct tokens, {survey['cache_hits']} served from the cache"
    )
    if survey["distinct_tokens"] != survey["visitors"]:
        failures.append("survey visitors shared a token")
    million = results["million"]
    print(f"A million answers: {json.dumps(million)}")  # noqa: T201
    for key in ("results_ms", "admin_results_ms", "crosstab_ms", "export_first_byte_ms"):
        if million[key] > MILLION_MS_TARGET:
            failures.append(f"million answers: {key} {million[key]}")
    if million["export_peak_mb"] > EXPORT_MB_TARGET:
        failures.append(f"million answers: export worker at {million['export_peak_mb']} MB")
    campaign = results["campaign"]
    print(f"Campaign: {json.dumps(campaign)}")  # noqa: T201
    if campaign["supports"] != scenarios.SUPPORTS or campaign["other_pages_hit_ratio"] < 0.95:
        failures.append("campaign: supports lost or other pages purged")
    background = results["background"]
    print(f"Background work: {json.dumps(background)}")  # noqa: T201
    if background["cached_ratio"] < 0.8 or background["cold_p95_ratio"] > 2:
        failures.append("background work slowed the site")
    print(f"\nResults written to {RESULTS.relative_to(ROOT)}")  # noqa: T201
    if failures:
        print("Targets missed:\n  " + "\n  ".join(failures))  # noqa: T201
        return 1
    print("All targets met.")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
