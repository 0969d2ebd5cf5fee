"""What visitors get when a service behind the portal fails: Redis unreachable, the database
unreachable, the mail server down. `make faults` does the same to a running gunicorn site
with real outages; these tests pin each behaviour down in the suite."""

import logging
import socket

import pytest
from django.conf import settings
from django.core import mail
from django.db import OperationalError
from django.test import Client, override_settings
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from core.ratelimit import LOCAL_COUNTS
from home.models import HomePage
from participation.challenges.tasks import send_proposal_receipt
from participation.models import Proposal
from tests.conftest import text_of
from tests.participation.conftest import make_call, make_proposal, valid_answers
from tests.participation.surveys.test_surveys import IT_URL

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_down():
    location = f"redis://127.0.0.1:{closed_port()}/0"
    unreachable = {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "OPTIONS": settings.REDIS_OPTIONS,
        }
        for alias in ("default", "renditions", "pages")
    }
    for log_filter in logging.getLogger(settings.DJANGO_REDIS_LOGGER).filters:
        log_filter.last = float("-inf")  # a fresh outage: its first line is logged
    with override_settings(CACHES=unreachable, WAGTAIL_CACHE=True):
        yield


def test_with_redis_unreachable_pages_render_and_answers_are_stored(
    client, open_survey, redis_down, caplog
):
    caplog.set_level(logging.WARNING)
    for url in ("/it/", "/fr/", IT_URL, "/it/notizie/"):
        response = client.get(url)
        assert response.status_code == 200, url
    response = client.post(IT_URL, valid_answers(client, IT_URL, "it"))
    assert response.status_code == 200 and "Grazie" in text_of(response)
    assert open_survey.all_submissions().count() == 1
    assert "Cache unreachable, calls treated as misses" in caplog.text


def test_an_outage_logs_one_line_per_interval_without_tracebacks():
    logger = logging.getLogger(settings.DJANGO_REDIS_LOGGER)
    [throttle] = logger.filters
    throttle.last, throttle.held_back = float("-inf"), 0
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger.addHandler(handler)
    try:
        for _number in range(500):
            try:
                raise ConnectionRefusedError("Error 111 connecting to 127.0.0.1:6379")
            except ConnectionRefusedError:
                logger.exception("Exception ignored")
    finally:
        logger.removeHandler(handler)
    [line] = records
    assert line.exc_info is None
    assert line.getMessage() == (
        "Cache unreachable, calls treated as misses (0 similar held back): "
        "Error 111 connecting to 127.0.0.1:6379"
    )
    assert throttle.held_back == 499


def test_with_redis_unreachable_rate_limits_still_count(client, open_survey, redis_down, caplog):
    caplog.set_level(logging.WARNING)
    LOCAL_COUNTS.clear()
    with override_settings(SURVEY_SUBMISSIONS_PER_HOUR=1):
        first = client.post(IT_URL, valid_answers(client, IT_URL, "it"))
        second = client.post(IT_URL, valid_answers(client, IT_URL, "it"))
    assert first.status_code == 200 and second.status_code == 429
    assert open_survey.all_submissions().count() == 1
    assert "rate limit survey counted in this process only" in caplog.text


def test_with_the_database_unreachable_visitors_get_a_503_in_their_language(monkeypatch):
    def database_gone(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(HomePage, "serve", database_gone)
    visitor = Client(raise_request_exception=False)
    for url, message in (
        ("/fr/", "Le portail ne peut pas joindre sa base de données"),
        ("/it/", "Il portale non riesce a raggiungere il suo database"),
    ):
        response = visitor.get(url)
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert "no-store" in response["Cache-Control"]
        page = response.content.decode()
        assert message in page and "Traceback" not in page and "OperationalError" not in page


def test_other_server_errors_stay_a_500(monkeypatch):
    def bug(*args, **kwargs):
        raise KeyError("a bug")

    monkeypatch.setattr(HomePage, "serve", bug)
    response = Client(raise_request_exception=False).get("/it/")
    assert response.status_code == 500
    assert "Qualcosa è andato storto" in response.content.decode()


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker(max_tasks: int = 100) -> None:
    """What `manage.py db_worker` does for each ready task, without its loop, which closes the
    database connection between tasks (the test's transaction would go with it)."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id="test-worker",
    )
    for _number in range(max_tasks):
        task_result = DBTaskResult.objects.ready().order_by("enqueued_at").first()
        if task_result is None:
            return
        task_result.claim(worker.worker_id)
        worker.run_task(task_result)


def test_mail_queued_while_the_mail_server_is_down_is_delivered_once_it_returns(caplog):
    caplog.set_level(logging.WARNING)
    proposal = make_proposal(make_call("open"))
    mail.outbox.clear()
    smtp_down = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": closed_port(),
        "EMAIL_TIMEOUT": 1,
    }
    with override_settings(TASKS=DATABASE_TASKS, MAIL_RETRY_FIRST_SECONDS=0):
        send_proposal_receipt.enqueue(proposal.pk, "https://example.invalid/private/")
        with override_settings(**smtp_down):
            run_worker(max_tasks=1)
            run_worker(max_tasks=1)
        assert not mail.outbox
        waiting = DBTaskResult.objects.ready()
        assert waiting.count() == 1 and waiting.get().args_kwargs["kwargs"]["attempt"] == 2
        assert "queued again in 0 s (attempt 3 of 12)" in caplog.text

        run_worker()  # the mail server is back (the tests' locmem backend)
        run_worker()
    assert [message.subject for message in mail.outbox] == [
        f"Proposta {proposal.reference} ricevuta"
    ]
    assert not DBTaskResult.objects.ready().exists()


def test_mail_retries_stop_after_the_last_attempt(caplog, monkeypatch):
    def refused(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    proposal = make_proposal(make_call("open"))
    monkeypatch.setattr("core.mail.EmailMessage.send", refused)
    retry = {"TASKS": DATABASE_TASKS, "MAIL_RETRY_FIRST_SECONDS": 0, "MAIL_RETRY_ATTEMPTS": 2}
    with override_settings(**retry):
        send_proposal_receipt.enqueue(proposal.pk, "https://example.invalid/private/")
        run_worker()
        assert not DBTaskResult.objects.ready().exists()
    assert "not sent after 2 attempts" in caplog.text
    assert Proposal.objects.filter(pk=proposal.pk).exists()
