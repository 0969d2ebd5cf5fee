import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
# The browser tests' server writes e-mails to files that the test reads (receipts, links).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", "")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SERVE_MEDIA = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = BASE_DIR / "tests" / "artifacts" / "media"  # noqa: F405
PRIVATE_MEDIA_ROOT = os.environ.get(
    "PRIVATE_MEDIA_ROOT",
    BASE_DIR / "tests" / "artifacts" / "private-media",  # noqa: F405
)
STORAGES["private"]["OPTIONS"]["location"] = PRIVATE_MEDIA_ROOT  # noqa: F405
MAP_TILE_URL = "/static/img/map-placeholder-tile.png"
WAGTAILADMIN_BASE_URL = "http://testserver"
# The suite runs beside browsers on busy machines: a valid PDF's checker may take longer than
# production's second to start. Tests of the deadline itself set it back to 1 s.
PDF_CHECK_SECONDS = 3.0
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Tests share one process: pages are not cached unless a test turns the cache on.
PAGE_CACHE_SECONDS = 0
# Exports inline: a producer thread's own connection would not see a test's uncommitted rows
# (tests/core/test_exports_priority.py runs the thread with committed data).
EXPORT_NICENESS = 0
WAGTAIL_CACHE = False
# A test database is thrown away: its commits need not wait for the disk. On this machine a
# commit that waits costs about half a millisecond, and the suite commits tens of thousands of
# times (the 10,000-message newsletter alone 20,000); the servers and commands the tests start
# run with these settings too.
for _database in DATABASES.values():  # noqa: F405
    if _database["ENGINE"] == "django.db.backends.postgresql":
        _database.setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"
