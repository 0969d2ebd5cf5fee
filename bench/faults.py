"""`make faults`: the portal as `make bench` runs it (gunicorn, production settings, the task
worker), on its own PostgreSQL cluster, Redis server and SMTP server (aiosmtpd), under a steady
load of page reads, survey answers, proposals, support requests and event registrations, with
one fault injected at a time:

- redis_down: Redis stopped for 10 s, then started again (empty);
- postgres_restart: PostgreSQL stopped, down for 3 s, started again;
- worker_kill: one gunicorn worker killed with SIGKILL;
- smtp_down: the mail server stopped for 30 s, then started again.

Writes bench/results/faults.json (one entry per scenario: sent, accepted, stored, http_5xx,
recovered_s, mail_queued, mail_delivered and a few details) and exits non-zero when a target
is missed: every accepted answer, proposal, support and registration stored, in every
scenario; no 5xx while Redis is down or when a worker is killed; during the PostgreSQL restart
only the friendly 503 page, and no error 5 s after the database is back; every receipt and
registration confirmation queued while the mail server was down delivered once it returns,
none twice.

The PostgreSQL cluster, Redis and SMTP servers are private to the run (free ports, a temporary
directory), so faults never touch the machine's own services.
"""

import contextlib
import email
import glob
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from bench.run import free_port, manage, tagged

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "faults.json"
BASELINE_S, SETTLE_S = 4, 8
REDIS_DOWN_S, POSTGRES_DOWN_S, SMTP_DOWN_S = 10, 3, 30
RECOVERY_TARGET_S = 5
MAIL_WAIT_S = 120
FRIENDLY_503 = ("Torniamo tra un momento", "De retour dans un instant")


# Services private to the run ------------------------------------------------------------------


def as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL's tools refuse to run as root: run them as the postgres user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


class Postgres:
    def __init__(self, tmp: Path):
        versions = sorted(
            glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[4])
        )
        if not versions:
            sys.exit("PostgreSQL is not installed (apt-get install postgresql)")
        self.bin = Path(versions[-1])
        self.data = tmp / "pg"
        self.port = free_port()
        self.log = tmp / "postgres.log"
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/digivillae_faults"

    def run(self, *args: str) -> None:
        subprocess.run(  # noqa: S603 — PostgreSQL's own tools, arguments from this script
            as_postgres([str(self.bin / args[0]), *args[1:]]),
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def create(self) -> None:
        self.data.mkdir(parents=True)
        self.log.touch()
        if os.geteuid() == 0:
            shutil.chown(self.data.parent, "postgres")
            shutil.chown(self.data, "postgres")
            shutil.chown(self.log, "postgres")
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8")
        self.start()
        import psycopg

        with psycopg.connect(self.url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
            db.execute('CREATE DATABASE "digivillae_faults"')

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.data}"
            " -c fsync=off -c max_connections=200"
        )
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")


class Redis:
    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class MailBox:
    """An SMTP server that keeps what it receives (subject and recipients) in memory."""

    def __init__(self):
        self.port = free_port()
        self.received: list[tuple[str, tuple[str, ...]]] = []
        self.controller = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        message = email.message_from_bytes(envelope.content)
        self.received.append((str(message["Subject"]), tuple(envelope.rcpt_tos)))
        return "250 OK"

    def start(self) -> None:
        from aiosmtpd.controller import Controller

        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()


def wait_for_port(port: int, seconds: float = 20) -> None:
    import socket

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.1)
    sys.exit(f"nothing answers on port {port}")


# The site ---------------------------------------------------------------------------------------


class Site:
    """gunicorn and a supervised task worker (restarted when it exits, as systemd would)."""

    def __init__(self, env: dict, tmp: Path):
        self.env = env
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = tmp / "site.log"
        self.log = open(self.log_path, "w")  # noqa: SIM115 (closed in stop)
        self.server = None
        self.worker = None
        self.worker_restarts = 0
        self.stopping = threading.Event()

    def start(self) -> None:
        self.server = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "portal.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "4",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        threading.Thread(target=self.supervise_worker, daemon=True).start()
        for _attempt in range(120):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(self.base + "/healthz", timeout=2)  # noqa: S310
                return
            time.sleep(0.5)
        sys.exit(f"gunicorn did not start: see {self.log_path}")

    def supervise_worker(self) -> None:
        while not self.stopping.is_set():
            self.worker = subprocess.Popen(  # noqa: S603
                [sys.executable, "manage.py", "db_worker", "--interval", "0.5"],
                cwd=ROOT,
                env=self.env,
                stdout=self.log,
                stderr=subprocess.STDOUT,
            )
            self.worker.wait()
            if not self.stopping.is_set():
                self.worker_restarts += 1
                time.sleep(1)

    def web_workers(self) -> list[int]:
        """The gunicorn master's children, read from /proc."""
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, IndexError, ValueError):
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == self.server.pid:
                    children.append(int(stat.parent.name))
        return children

    def stop(self) -> None:
        self.stopping.set()
        for process in (self.server, self.worker):
            if process and process.poll() is None:
                process.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=20)
        self.log.close()


# The load ----------------------------------------------------------------------------------------


@dataclass
class Outcome:
    at: float
    kind: str
    status: int  # 0: no HTTP answer (connection refused or reset)
    accepted: bool = False
    friendly: bool = False
    token: str = ""


@dataclass
class Load:
    base: str
    targets: dict
    outcomes: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    running: threading.Event = field(default_factory=threading.Event)

    def record(self, outcome: Outcome) -> None:
        with self.lock:
            self.outcomes.append(outcome)

    def fetch(self, path: str, data: dict | None = None, cookie: str = "") -> tuple[int, str, str]:
        """Status, text and the CSRF cookie set, if any. The production CSRF cookie is marked
        secure, so it is carried by hand over this plain-HTTP loopback, as bench/run.py does."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        headers = {"Cookie": f"csrftoken={cookie}"} if cookie else {}
        request = urllib.request.Request(self.base + path, data=body, headers=headers)  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                text = response.read().decode("utf-8", "replace")
                set_cookie = response.headers.get("Set-Cookie", "")
                return response.status, text, set_cookie
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace"), ""
        except OSError:
            return 0, "", ""

    def reader(self, number: int) -> None:
        paths = self.targets["read"]
        index = number
        while self.running.is_set():
            status, text, _cookie = self.fetch(paths[index % len(paths)])
            index += 1
            self.record(Outcome(time.monotonic(), "read", status, friendly=is_friendly(text)))
            time.sleep(0.02)

    def writer(self, kind: str, path: str, form_path: str, fields) -> None:
        csrf = cookie = ""
        while self.running.is_set():
            if not csrf:
                status, text, set_cookie = self.fetch(form_path)
                match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)
                cookie_match = re.search(r"csrftoken=([^;]+)", set_cookie)
                csrf = match.group(1) if match and cookie_match else ""
                cookie = cookie_match.group(1) if cookie_match else ""
                if not csrf:
                    self.record(
                        Outcome(
                            time.monotonic(), f"{kind}-form", status, friendly=is_friendly(text)
                        )
                    )
                    time.sleep(0.2)
                    continue
            token = str(uuid.uuid4())
            data = {"csrfmiddlewaretoken": csrf, **fields(token)}
            status, text, _cookie = self.fetch(path, data, cookie)
            accepted = status == 200 and self.targets["accepted_marker"][kind] in text
            self.record(Outcome(time.monotonic(), kind, status, accepted, is_friendly(text), token))
            if status == 403:
                csrf = ""
            time.sleep(0.1)

    def start(self) -> list[threading.Thread]:
        self.running.set()
        survey, call, support = (self.targets[key] for key in ("survey", "submit", "support"))
        threads = [threading.Thread(target=self.reader, args=(n,)) for n in range(3)]
        threads += [
            threading.Thread(target=self.writer, args=("answer", survey, survey, answer_fields)),
            threading.Thread(target=self.writer, args=("answer", survey, survey, answer_fields)),
            threading.Thread(target=self.writer, args=("proposal", call, call, proposal_fields)),
            threading.Thread(
                target=self.writer,
                args=("support", support, self.targets["support_form"], support_fields),
            ),
            threading.Thread(
                target=self.writer,
                args=(
                    "registration",
                    self.targets["register"],
                    self.targets["register_form"],
                    registration_fields,
                ),
            ),
        ]
        for thread in threads:
            thread.start()
        return threads


def is_friendly(text: str) -> bool:
    return any(marker in text for marker in FRIENDLY_503) and "Traceback" not in text


def answer_fields(token: str) -> dict:
    return {"submission_token": token, "website": "", "messaggio": "Risposta durante un guasto"}


def proposal_fields(token: str) -> dict:
    return {
        "organisation_name": "Impresa del test dei guasti",
        "country": "IT",
        "registration_number": "IT01234567890",
        "organisation_size": "small",
        "contact_name": "Referente",
        "contact_email": f"guasti-{token[:8]}@example.invalid",
        "title": f"Proposta {token[:8]}",
        "summary": "Sintesi.",
        "description": "Descrizione.",
        "maturity": "prototype",
        "estimated_cost": "1000",
        "consent": "on",
        "submission_token": token,
        "website": "",
    }


def support_fields(token: str) -> dict:
    return {"email": f"sostegno-{token}@example.invalid", "website": ""}


def registration_fields(token: str) -> dict:
    return {"name": "Partecipante", "email": registrant(token), "consent": "on", "website": ""}


def registrant(token: str) -> str:
    return f"iscrizione-{token}@example.invalid"


# Scenarios ---------------------------------------------------------------------------------------


def stored_tokens(database_url: str, tokens: dict[str, list[str]]) -> dict[str, int]:
    import psycopg

    tables = {"answer": "participation_surveysubmission", "proposal": "participation_proposal"}
    counts = {}
    for _attempt in range(30):  # the database may still be starting
        try:
            with psycopg.connect(database_url) as db:
                for kind, table in tables.items():
                    row = db.execute(
                        f"SELECT count(*) FROM {table} WHERE submission_token::text = ANY(%s)",  # noqa: S608
                        [tokens.get(kind, [])],
                    ).fetchone()
                    counts[kind] = row[0]
                counts["registration"] = db.execute(
                    "SELECT count(*) FROM events_registration WHERE email = ANY(%s)",
                    [[registrant(token) for token in tokens.get("registration", [])]],
                ).fetchone()[0]
                counts["support"] = db.execute(
                    "SELECT count(*) FROM participation_support s JOIN participation_proposal p "
                    "ON p.id = s.proposal_id WHERE p.reference = 'FAULTS-1'"
                ).fetchone()[0]
            return counts
        except psycopg.OperationalError:
            time.sleep(1)
    sys.exit("the database did not come back")


def run_scenario(name: str, inject, site: Site, database_url: str, mailbox: MailBox, targets):
    supports_before = stored_tokens(database_url, {})["support"]
    delivered_before = len(mailbox.received)
    load = Load(site.base, targets)
    threads = load.start()
    time.sleep(BASELINE_S)
    fault_at = time.monotonic()
    back_at = inject()
    time.sleep(SETTLE_S)
    load.running.clear()
    for thread in threads:
        thread.join()

    writes = [
        o for o in load.outcomes if o.kind in {"answer", "proposal", "support", "registration"}
    ]
    accepted = [o for o in writes if o.accepted]
    tokens: dict[str, list[str]] = {}
    for outcome in accepted:
        tokens.setdefault(outcome.kind, []).append(outcome.token)
    stored = stored_tokens(database_url, tokens)
    stored["support"] -= supports_before
    errors = [o for o in load.outcomes if o.status >= 500 or o.status == 0]
    server_errors = [o for o in load.outcomes if o.status >= 500]
    unfriendly = [o for o in server_errors if not (o.status == 503 and o.friendly)]
    if name == "smtp_down":
        # The support form answers 503 "the confirmation e-mail could not be sent; nothing was
        # saved" while the mail server is down: by design, not a crash.
        unfriendly = [o for o in unfriendly if o.kind != "support" or o.status != 503]
    recovered = max((o.at - back_at for o in errors if o.at >= fault_at), default=0.0)

    # Every accepted proposal gets its receipt, every registration its confirmation, once.
    receipts = {f"Proposta {ref} ricevuta" for ref in proposal_references(database_url, tokens)}
    receipts |= {registrant(token) for token in tokens.get("registration", [])}

    def delivered_now() -> list[str]:
        return [
            key
            for subject, to in mailbox.received[delivered_before:]
            for key in (subject, *to)
            if key in receipts
        ]

    deadline = time.monotonic() + (MAIL_WAIT_S if receipts else 0)
    while time.monotonic() < deadline:
        if receipts <= set(delivered_now()):
            break
        time.sleep(1)
    delivered = delivered_now()
    result = {
        "sent": len(writes),
        "accepted": len(accepted),
        "stored": sum(
            min(stored[k], len(tokens.get(k, []))) for k in ("answer", "proposal", "registration")
        )
        + min(max(stored["support"], 0), len(tokens.get("support", []))),
        "http_5xx": len(server_errors),
        "recovered_s": round(max(recovered, 0.0), 1),
        "mail_queued": len(receipts),
        "mail_delivered": len(set(delivered)),
        "mail_duplicates": len(delivered) - len(set(delivered)),
        "unfriendly_5xx": len(unfriendly),
        "expected_503": len(server_errors) - len(unfriendly),
        "no_answer": len([o for o in load.outcomes if o.status == 0]),
        "reads": len([o for o in load.outcomes if o.kind == "read"]),
        "by_kind": {
            kind: {
                "sent": len([o for o in writes if o.kind == kind]),
                "accepted": len(tokens.get(kind, [])),
                "stored": stored[kind],
            }
            for kind in ("answer", "proposal", "support", "registration")
        },
    }
    return result


def proposal_references(database_url: str, tokens: dict) -> list[str]:
    import psycopg

    with psycopg.connect(database_url) as db:
        rows = db.execute(
            "SELECT reference FROM participation_proposal WHERE submission_token::text = ANY(%s)",
            [tokens.get("proposal", [])],
        ).fetchall()
    return [row[0] for row in rows]


def targets_missed(results: dict) -> list[str]:
    missed = []
    for name, result in results.items():
        if result["stored"] < result["accepted"]:
            missed.append(
                f"{name}: {result['accepted'] - result['stored']} accepted but not stored"
            )
    if results["redis_down"]["http_5xx"]:
        missed.append(f"redis_down: {results['redis_down']['http_5xx']} server errors")
    if results["worker_kill"]["http_5xx"]:
        missed.append(f"worker_kill: {results['worker_kill']['http_5xx']} server errors")
    postgres = results["postgres_restart"]
    if postgres["unfriendly_5xx"]:
        missed.append(f"postgres_restart: {postgres['unfriendly_5xx']} errors not the 503 page")
    if postgres["recovered_s"] > RECOVERY_TARGET_S:
        missed.append(f"postgres_restart: errors until {postgres['recovered_s']} s after restart")
    smtp = results["smtp_down"]
    if smtp["mail_delivered"] < smtp["mail_queued"] or smtp["mail_duplicates"]:
        missed.append(
            f"smtp_down: {smtp['mail_delivered']} of {smtp['mail_queued']} receipts delivered, "
            f"{smtp['mail_duplicates']} twice"
        )
    for name, result in results.items():
        if not result["accepted"]:
            missed.append(f"{name}: nothing was accepted at all (the load did not run)")
    return missed


def main() -> int:
    try:
        import aiosmtpd  # noqa: F401
    except ImportError:
        sys.exit("aiosmtpd is missing: make venv-dev installs it")
    tmp = Path(tempfile.mkdtemp(prefix="digivillae-faults-"))
    postgres, redis, mailbox = Postgres(tmp), Redis(), MailBox()
    print("Starting private PostgreSQL, Redis and SMTP servers…", flush=True)  # noqa: T201
    postgres.create()
    redis.start()
    mailbox.start()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": postgres.url,
        "REDIS_URL": redis.url,
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp / "private"),
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mailbox.port),
        "EMAIL_TIMEOUT": "3",
        "MAIL_RETRY_FIRST_SECONDS": "2",
        # Limits stay on (they are exercised) but high enough for one machine's load.
        "SURVEY_SUBMISSIONS_PER_HOUR": "1000000",
        "PROPOSAL_SUBMISSIONS_PER_HOUR": "1000000",
        "SUPPORT_REQUESTS_PER_HOUR": "1000000",
        "FOLLOW_REQUESTS_PER_HOUR": "1000000",
        "LOG_LEVEL": "WARNING",
    }
    site = Site(env, tmp)
    try:
        print("Preparing the database (migrate, demo, fault targets)…", flush=True)  # noqa: T201
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "compile_catalogues")
        manage(env, "collectstatic", "--noinput", "-v0")
        manage(env, "load_demo", "-v0")
        targets = tagged(
            manage(env, "shell", "-c", "from bench.fault_targets import prepare; prepare()"),
            "FAULTS",
        )
        site.start()

        def redis_down():
            redis.stop()
            time.sleep(REDIS_DOWN_S)
            redis.start()
            return time.monotonic()

        def postgres_restart():
            postgres.stop()
            time.sleep(POSTGRES_DOWN_S)
            postgres.start()
            return time.monotonic()

        def worker_kill():
            victim = site.web_workers()[0]
            os.kill(victim, signal.SIGKILL)
            return time.monotonic()

        def smtp_down():
            mailbox.stop()
            time.sleep(SMTP_DOWN_S)
            mailbox.start()
            return time.monotonic()

        results = {}
        for name, inject in (
            ("redis_down", redis_down),
            ("postgres_restart", postgres_restart),
            ("worker_kill", worker_kill),
            ("smtp_down", smtp_down),
        ):
            print(f"  {name}…", flush=True)  # noqa: T201
            results[name] = run_scenario(name, inject, site, postgres.url, mailbox, targets)
            print("   ", json.dumps(results[name]), flush=True)  # noqa: T201
    finally:
        site.stop()
        with contextlib.suppress(Exception):
            mailbox.stop()
        with contextlib.suppress(Exception):
            redis.stop()
        with contextlib.suppress(Exception):
            postgres.stop()
    log = site.log_path.read_text(errors="replace")
    logged = {
        "cache_errors_logged": "Cache unreachable, calls treated as misses" in log,
        "database_503_logged": "Database unavailable, answering 503" in log,
        "mail_retries_logged": "queued again in" in log,
        "task_worker_restarts": site.worker_restarts,
        "tracebacks_in_log": log.count("Traceback"),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"scenarios": results, "log": logged}, indent=1) + "\n")
    shutil.rmtree(tmp, ignore_errors=True)
    missed = targets_missed(results)
    print(f"\nResults written to {RESULTS.relative_to(ROOT)}")  # noqa: T201
    if missed:
        print("Targets missed:\n  " + "\n  ".join(missed))  # noqa: T201
        return 1
    print("All fault targets met.")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
