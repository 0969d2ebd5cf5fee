"""A newsletter in Italian and French to 10,000 followers, sent in the background through a
real SMTP server on this machine: the sender is killed part-way, and the next run (as cron
would start it) resumes. Nobody receives it twice, and everyone receives it except, at most,
the one message the killed sender was in the middle of (reported as interrupted, never sent
again)."""

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from tests.browser.conftest import free_port
from tests.conftest import copy_of_test_database

ROOT = Path(__file__).resolve().parents[2]
FOLLOWERS = 10_000

SETUP = """
from django.utils import timezone
from wagtail.models import Locale
from outreach.models import Newsletter
from outreach.sending import start
from subscriptions.models import Follow, Subscriber
for code in ("it", "fr"):  # a fresh SQLite database has only the default language
    Locale.objects.get_or_create(language_code=code)
Newsletter.objects.all().delete()  # the demo's, already sent
Subscriber.objects.all().delete()
now = timezone.now()
Subscriber.objects.bulk_create(
    Subscriber(email=f"follower{n}@example.org", language="it" if n % 2 else "fr",
               confirmed_at=now)
    for n in range(COUNT)
)
Follow.objects.bulk_create(Follow(subscriber=s, topic="news") for s in Subscriber.objects.all())
italian = Newsletter.objects.create(locale=Locale.objects.get(language_code="it"),
    subject="Notizie dai borghi", body=[("heading", "Dai bisogni alle soluzioni")])
french = italian.copy_for_translation(Locale.objects.get(language_code="fr"))
french.subject = "Nouvelles des villages"
french.save()
print(start(italian))
"""

REPORT = """
from django.db.models import Count
from outreach.models import Delivery
rows = Delivery.objects.values("status").annotate(n=Count("pk"))
print({row["status"]: row["n"] for row in rows})
print(",".join(Delivery.objects.filter(status="sent").values_list("subscriber__email", flat=True)))
"""


class Recorder:
    """The local SMTP server's handler: who received what."""

    def __init__(self):
        self.received = Counter()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        subject = next(
            (
                line
                for line in envelope.content.decode().splitlines()
                if line.startswith("Subject:")
            ),
            "",
        )
        for recipient in envelope.rcpt_tos:
            self.received[(recipient, subject)] += 1
        return "250 OK"


@pytest.fixture
def database(tmp_path, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        copy = copy_of_test_database(f"digivillae_newsletter_{os.getpid()}")
    if copy is None:  # SQLite: a fresh database of its own, migrated
        url, drop = f"sqlite:///{tmp_path / 'newsletter.sqlite3'}", lambda: None
        run({"DATABASE_URL": url}, ["migrate", "--noinput", "-v0"])
    else:
        url, drop = copy
    yield url
    drop()


def run(env: dict, command: list, **kwargs):
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *command],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", **env},
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        timeout=900,
        **kwargs,
    )


@pytest.mark.django_db  # pytest-django sets the databases up only for tests that ask
def test_ten_thousand_followers_an_interruption_and_nobody_twice(database):
    recorder = Recorder()
    port = free_port()
    smtp = Controller(recorder, hostname="127.0.0.1", port=port)
    smtp.start()
    env = {
        "DATABASE_URL": database,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "NEWSLETTER_BATCH_SIZE": "250",
        "NEWSLETTER_MESSAGES_PER_MINUTE": "100000000",
        "NEWSLETTER_LEASE_SECONDS": "1",
    }
    try:
        queued = run(env, ["shell", "-c", SETUP.replace("COUNT", str(FOLLOWERS))]).stdout
        assert "'it': 5000" in queued and "'fr': 5000" in queued

        # The sender is killed part-way through.
        sender = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "send_newsletters"],
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", **env},
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 600
        while sum(recorder.received.values()) < 3_000 and time.monotonic() < deadline:
            assert sender.poll() is None, "the sender finished before it could be interrupted"
            time.sleep(0.05)
        sender.send_signal(signal.SIGKILL)
        sender.wait(timeout=30)
        before = sum(recorder.received.values())
        assert 3_000 <= before < FOLLOWERS

        time.sleep(1.5)  # the killed sender's lease runs out
        run(env, ["send_newsletters"])
        report = run(env, ["shell", "-c", REPORT]).stdout.splitlines()
    finally:
        smtp.stop()

    statuses = eval(report[-2])  # noqa: S307 (our own subprocess's dict)
    sent_to = set(report[-1].split(","))
    assert statuses.get("sent", 0) + statuses.get("uncertain", 0) == FOLLOWERS
    assert statuses.get("uncertain", 0) <= 1 and "queued" not in statuses

    per_person = Counter()
    for (recipient, subject), times in recorder.received.items():
        per_person[recipient] += times
        expected = "Notizie dai borghi" if int(recipient[8:].split("@")[0]) % 2 else "Nouvelles"
        assert expected in subject
    assert max(per_person.values()) == 1  # nobody twice
    assert set(per_person) >= sent_to  # everyone recorded as sent received it
    assert len(per_person) >= FOLLOWERS - 1
