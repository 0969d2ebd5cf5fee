"""The loads that `make bench` adds to its page measurements (see bench/run.py):

* ``survey_visitors``: many first-time visitors fetch the survey page, served from the shared
  cache; every one must get CSRF and submission tokens of their own;
* ``measure_million``: results, filtered admin results, cross-tabulation and a streamed export
  of the survey with a million answers (bench/million.py), with the exporting worker's memory;
* ``campaign``: 1,000 support confirmations for one proposal within a minute while an editor
  publishes, and the hit ratio of the pages that show neither;
* ``background``: cached and cold pages measured while a 10,000-recipient newsletter is sent
  and a million-answer export streams.

The ``seed_*`` and ``admin_session`` functions run inside the bench database's Django
(``manage.py shell``); the others drive the server over HTTP from bench/run.py."""

import http.client
import json
import re
import statistics
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

SUPPORTS = 1_000
CAMPAIGN_SECONDS = 60
FOLLOWERS = 10_000


# Inside Django ---------------------------------------------------------------------------------


def admin_session() -> str:
    """A signed-in superuser's session key, for the admin results and the export."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore

    user, _created = User.objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    print("SESSION " + json.dumps(session.session_key))  # noqa: T201
    return session.session_key


def seed_supports() -> dict:
    """1,000 unconfirmed supports of one shortlisted proposal of the bench call (in evaluation,
    so support is open); prints their confirmation paths."""
    from participation.models import ChallengeCallPage, Proposal, Support

    call = ChallengeCallPage.objects.get(slug="bench-call", locale__language_code="it")
    proposal = Proposal.objects.filter(call=call).order_by("pk").first()
    Proposal.objects.filter(pk=proposal.pk).update(status="shortlisted", was_shortlisted=True)
    supports = Support.objects.bulk_create(
        Support(proposal=proposal, email_digest=f"campaign-{n}") for n in range(SUPPORTS)
    )
    base = call.url + call.reverse_subpage("confirm_support", args=["TOKEN"])
    paths = [base.replace("TOKEN", support.token) for support in supports]
    detail = call.url + call.reverse_subpage("proposal_detail", args=[proposal.reference])
    info = {"confirm_paths": paths, "proposal": detail, "call": call.url}
    print("SUPPORTS " + json.dumps(info))  # noqa: T201
    return info


def seed_newsletter() -> dict:
    """10,000 confirmed Italian followers of the news and a newsletter to them, not yet sent."""
    from django.utils import timezone
    from wagtail.models import Locale

    from outreach.models import Newsletter
    from subscriptions.models import Follow, Subscriber

    now = timezone.now()
    Subscriber.objects.bulk_create(
        Subscriber(email=f"bench-follower{n}@example.invalid", language="it", confirmed_at=now)
        for n in range(FOLLOWERS)
    )
    Follow.objects.bulk_create(
        Follow(subscriber=subscriber, topic="news")
        for subscriber in Subscriber.objects.filter(email__startswith="bench-follower")
    )
    newsletter = Newsletter.objects.create(
        locale=Locale.objects.get(language_code="it"),
        subject="Notizie dal test di carico",
        body=[("heading", "Dai bisogni alle soluzioni"), ("paragraph", "<p>Novità.</p>")],
    )
    print("NEWSLETTER " + json.dumps(newsletter.pk))  # noqa: T201
    return {"newsletter": newsletter.pk}


def start_newsletter(newsletter_id: int) -> None:
    from outreach.models import Newsletter
    from outreach.sending import start

    print(start(Newsletter.objects.get(pk=newsletter_id)))  # noqa: T201


# Over HTTP -------------------------------------------------------------------------------------


def fetch(base: str, path: str, cookie: str = "", timeout: int = 60):
    request = urllib.request.Request(base + path, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        return response.status, dict(response.headers), response.read()


def timed_ms(base: str, path: str, cookie: str = "") -> float:
    started = time.perf_counter()
    status, _headers, _body = fetch(base, path, cookie)
    if status != 200:
        raise RuntimeError(f"{path} answered {status}")
    return (time.perf_counter() - started) * 1000


def survey_visitors(base: str, path: str, visitors: int = 200) -> dict:
    """First-time visitors (no cookie) fetch the survey page; the cache must answer all but
    the first, each with tokens of their own."""
    csrf, submission, cookies, hits = set(), set(), set(), 0
    for _visitor in range(visitors):
        with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310
            html = response.read().decode()
            cookie = response.headers.get("Set-Cookie", "")
            hits += response.headers.get("X-Wagtail-Cache") == "hit"
        csrf.add(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1))
        submission.add(re.search(r'name="submission_token" value="([^"]+)"', html).group(1))
        cookies.add(re.search(r"csrftoken=([^;]+)", cookie).group(1))
    return {
        "visitors": visitors,
        "distinct_tokens": min(len(csrf), len(submission), len(cookies)),
        "cache_hits": hits,
    }


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def stream_export(base: str, path: str, cookie: str, master: int, seconds: float = 0) -> dict:
    """Download an export (for ``seconds`` only, when given), timing its first byte and
    sampling every worker's memory."""
    peak = {pid: rss_mb(pid) for pid in worker_pids(master)}
    idle = max(peak.values(), default=0.0)
    done = threading.Event()

    def sample():
        while not done.is_set():
            for pid in worker_pids(master):
                peak[pid] = max(peak.get(pid, 0.0), rss_mb(pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    parsed = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=600)
    started = time.perf_counter()
    connection.request("GET", path, headers={"Cookie": cookie})
    response = connection.getresponse()
    first = response.read(1)
    first_byte_ms = (time.perf_counter() - started) * 1000
    size = len(first)
    deadline = started + seconds if seconds else float("inf")
    while time.perf_counter() < deadline and (chunk := response.read(1 << 20)):
        size += len(chunk)
    connection.close()
    done.set()
    sampler.join()
    return {
        "status": response.status,
        "first_byte_ms": round(first_byte_ms, 1),
        "seconds": round(time.perf_counter() - started, 1),
        "bytes": size,
        "peak_mb": round(max(peak.values(), default=0.0), 1),
        "idle_mb": round(idle, 1),
    }


def measure_million(base: str, million: dict, cookie: str, master: int) -> dict:
    """Each view three times, each time past the page cache (a query string), the slowest kept."""
    admin = f"/admin/surveys/{million['translation_key']}/results/"
    answers = f"/admin/surveys/{million['translation_key']}/answers/"

    def slowest(path: str, with_cookie: bool = False) -> float:
        separator = "&" if "?" in path else "?"
        return round(
            max(
                timed_ms(base, f"{path}{separator}bench={n}", cookie if with_cookie else "")
                for n in range(3)
            ),
            1,
        )

    csv_export = stream_export(base, answers + "?export=csv", cookie, master)
    xlsx_export = stream_export(base, answers + "?export=xlsx", cookie, master, seconds=5)
    return {
        "answers": million["answers"],
        "results_ms": slowest(million["url"]),
        "admin_results_ms": slowest(admin + "?language=fr&channel=paper", with_cookie=True),
        "crosstab_ms": slowest(
            admin + "?rows=territory&columns=priority_themes&channel=online", with_cookie=True
        ),
        "export_first_byte_ms": max(csv_export["first_byte_ms"], xlsx_export["first_byte_ms"]),
        "export_peak_mb": csv_export["peak_mb"],
        "export_idle_mb": csv_export["idle_mb"],
        "export_seconds": csv_export["seconds"],
        "export_bytes": csv_export["bytes"],
        "seed_seconds": million["insert_seconds"] + million["count_seconds"],
    }


def _confirm(base: str, path: str) -> bool:
    """What a supporter's browser does: open the link (a button), then press it."""
    with urllib.request.urlopen(base + path, timeout=60) as response:  # noqa: S310
        html = response.read().decode()
        cookie = re.search(r"csrftoken=([^;]+)", response.headers.get("Set-Cookie", "")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    request = urllib.request.Request(  # noqa: S310
        base + path,
        data=urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode(),
        headers={"Cookie": f"csrftoken={cookie}", "Referer": base + path},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status == 200
    except OSError:
        return False


def campaign(base: str, supports: dict, other_pages: list[str], publish) -> dict:
    """1,000 confirmations spread over a minute by 8 supporters' browsers, an editor
    publishing meanwhile (``publish()`` starts it and returns a stop function), and a reader
    going round ``other_pages`` counting cache hits."""
    for path in other_pages:  # cached before the campaign starts
        fetch(base, path)
    paths = list(supports["confirm_paths"])
    lock = threading.Lock()
    confirmed = failed = hits = reads = 0
    done = threading.Event()
    started = time.monotonic()
    interval = CAMPAIGN_SECONDS / len(paths)

    def supporter(offset: int):
        nonlocal confirmed, failed
        for number in range(offset, len(paths), 8):
            delay = started + number * interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            ok = _confirm(base, paths[number])
            with lock:
                confirmed += ok
                failed += not ok

    def reader():
        nonlocal hits, reads
        while not done.is_set():
            for path in other_pages:
                _status, headers, _body = fetch(base, path)
                with lock:
                    reads += 1
                    hits += headers.get("X-Wagtail-Cache") == "hit"

    stop_publishing = publish()
    threads = [threading.Thread(target=supporter, args=(n,)) for n in range(8)]
    watcher = threading.Thread(target=reader)
    for thread in [*threads, watcher]:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - started
    done.set()
    watcher.join()
    publications = stop_publishing()
    return {
        "supports": confirmed,
        "failed": failed,
        "seconds": round(seconds, 1),
        "publications": publications,
        "other_pages_reads": reads,
        "other_pages_hit_ratio": round(hits / reads, 3) if reads else 0.0,
    }


def median_latency(samples: list[float]) -> float:
    return round(statistics.median(samples), 1) if samples else 0.0
