"""Settings shared by every environment; each value that differs per deployment is read from
the environment (every one listed in deploy/digivillae.env.example)."""

import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "portal"


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "csp",
    "axes",
    "core",
    "home",
    "news",
    "events",
    "partners",
    "pilots",
    "participation",
    "subscriptions",
    "strategies",
    "replication",
    "outreach",
    "handbook",
    "demo",
    "anymail",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales: adds tree synchronisation
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtailcache",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "django_tasks_db",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Outside the page cache: stamps each visitor's own tokens into pages kept with markers.
    "core.visitor_tokens.VisitorTokensMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.BrowserRevalidationMiddleware",
    # wagtail-cache stores anonymous page views here (the fetching half comes last).
    "wagtailcache.cache.UpdateCacheMiddleware",
    "core.db_router.ReplicaReadsMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "core.middleware.AdminPreviewFramingMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LocaleMiddleware",
    # As soon as the language is known (it is part of the key), so a hit skips the rest of the
    # stack; visitors with a session (signed in) are never answered from it (core.page_cache).
    "wagtailcache.cache.FetchFromCacheMiddleware",
    # After the language is known, so the refusal is in the visitor's language.
    "core.middleware.RejectNullBytesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it answers locked-out login attempts.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.portal",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# SQLite is the zero-setup default; DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/digivillae)
# switches to PostgreSQL, the production database.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A kept connection is checked before a request uses it: after PostgreSQL restarts,
        # the first request reconnects instead of failing on a dead connection.
        conn_health_checks=True,
    )
}
# A PostgreSQL read replica, when one is configured, answers the reads of anonymous GET
# requests (core/db_router.py); everything else, and every write, goes to the primary.
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["core.db_router.ReplicaRouter"]
# `make run`: the admin's autosave and an editor's Publish write at the same moment.
# Write-ahead logging lets readers go on while one writes; IMMEDIATE transactions take the
# write lock up front and wait for it (busy timeout) instead of failing with
# "database is locked" when a transaction's read turns into a write.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
# PostgreSQL plans a query once per connection and reuses the plan (psycopg's prepared
# statements; they need the parameters bound by the server). A page's queries are the same
# from one request to the next, with other values: planning them anew took about a fifth of a
# cold page's database time. DATABASE_PREPARED_STATEMENTS=false turns this off (a transaction-
# pooling PgBouncer without prepared-statement support needs that).
PREPARED_STATEMENTS = env_bool("DATABASE_PREPARED_STATEMENTS", True)
for _database in DATABASES.values():
    if _database["ENGINE"] == "django.db.backends.postgresql" and PREPARED_STATEMENTS:
        _database.setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=1)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
# Redis down or slow must not become an error page: every cache call gives up after a quarter
# of a second and is treated as a miss (the page renders uncached), and the log says so.
# Rate limits fall back to a per-process count meanwhile (core.ratelimit).
REDIS_OPTIONS = {
    "IGNORE_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": 0.25,
    "SOCKET_TIMEOUT": 0.25,
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "portal.cache"
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "digivillae",
            "OPTIONS": REDIS_OPTIONS,
        },
        "renditions": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "digivillae-renditions",
            "TIMEOUT": 60 * 60 * 24 * 30,
            "OPTIONS": REDIS_OPTIONS,
        },
        "pages": {
            # django-redis, with each worker keeping what it read until a change is announced
            # (core.worker_page_cache).
            "BACKEND": "core.worker_page_cache.PageCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "digivillae-pages",
            "OPTIONS": REDIS_OPTIONS,
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            # Pages and their fragments: more than local memory's default of 300 entries.
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
    }
# CACHES_OFF=1 turns every cache off (`make bench` measures pages cold with it).
if env_bool("CACHES_OFF", False):
    CACHES = {alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"} for alias in CACHES}
# Anonymous page views are served by wagtail-cache from the "pages" cache for this long (0 turns
# it off); a change purges the pages that show it (core.page_cache).
PAGE_CACHE_SECONDS = (
    0 if env_bool("CACHES_OFF", False) else int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
)
CACHES["pages"]["TIMEOUT"] = PAGE_CACHE_SECONDS
WAGTAIL_CACHE = PAGE_CACHE_SECONDS > 0
WAGTAIL_CACHE_BACKEND = "pages"
WAGTAIL_CACHE_KEYRING = True  # remembers each address's entries, so a purge can be scoped
WAGTAIL_CACHE_IGNORE_QS = []  # any query string bypasses the cache (core.page_cache)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Italian is the default; every public URL carries its language prefix.
LANGUAGE_CODE = "it"
LANGUAGES = [
    ("it", "Italiano"),
    ("fr", "Français"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Rome"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media on S3-compatible storage (django-storages) when a bucket is configured.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False

# Private files (proposal attachments): never under MEDIA_ROOT, never given a public URL; they
# are sent only by permission-checked views. On S3, a separate bucket without public access.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES["private"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/private-media-has-no-url/"},
}
AWS_PRIVATE_STORAGE_BUCKET_NAME = os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME", "")
if AWS_PRIVATE_STORAGE_BUCKET_NAME:
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_PRIVATE_STORAGE_BUCKET_NAME,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
            "custom_domain": None,
        },
    }
PROPOSAL_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
# Where `manage.py backup` writes a folder per run (keep copies off the machine too).
BACKUP_ROOT = Path(os.environ.get("BACKUP_ROOT", "backups"))
# Wall-clock time all attachments of one form share to be opened by the sandboxed checker.
PDF_CHECK_SECONDS = 1.0
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger uploads go to a temporary file, not memory

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000  # Wagtail's page editor posts many fields

# Wagtail
WAGTAIL_SITE_NAME = "DigiVillae"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The public site's address, for links in mail sent in the background (no request to read it).
SITE_URL = os.environ.get("SITE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILIMAGES_IMAGE_MODEL = "core.CustomImage"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "pptx", "csv", "txt", "zip"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# OpenSearch for search when content grows (needs `pip install opensearch-py`); then run
# `manage.py update_index` once.
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "")
if OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "wagtail.search.backends.opensearch2",
        "URLS": [OPENSEARCH_URL],
        "INDEX": os.environ.get("OPENSEARCH_INDEX", "digivillae"),
        "TIMEOUT": 5,
    }
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    # A reverse proxy (Varnish, nginx with purge) or CDN is purged on publish.
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }

# wagtail-localize: machine translation is off unless a DeepL key is configured.
DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }

# Map of pilot territories: the tile server is a setting so a project-owned server can be used.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
)

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "DigiVillae <noreply@digivillae.eu>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
# Mail providers through django-anymail: set EMAIL_BACKEND to e.g.
# "anymail.backends.brevo.EmailBackend" (or mailjet, amazon_ses, ...) and give the provider's
# settings as ANYMAIL_<NAME> environment variables (ANYMAIL_BREVO_API_KEY=...). Bounces and
# complaints reach /anymail/<provider>/tracking/, protected by ANYMAIL_WEBHOOK_SECRET
# ("user:password", HTTP basic authentication), and stop mail to that address.
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value
    for name, value in os.environ.items()
    if name.startswith("ANYMAIL_")
}
# A mail server that is down delays queued e-mail: the task is queued again after 5 s, 10 s,
# 20 s… (at most an hour apart) until this many attempts failed (core.mail).
MAIL_RETRY_FIRST_SECONDS = int(os.environ.get("MAIL_RETRY_FIRST_SECONDS", "5"))
MAIL_RETRY_ATTEMPTS = int(os.environ.get("MAIL_RETRY_ATTEMPTS", "12"))

# Newsletters leave in batches, at most this many messages a minute; a sender that crashed
# is taken over once its lease has run out (outreach.sending).
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "100"))
NEWSLETTER_MESSAGES_PER_MINUTE = int(os.environ.get("NEWSLETTER_MESSAGES_PER_MINUTE", "600"))
NEWSLETTER_LEASE_SECONDS = int(os.environ.get("NEWSLETTER_LEASE_SECONDS", "300"))
# Background work yields the CPU to page views: the newsletter command lowers its
# own priority by this much (os.nice), and a large export is produced by a thread lowered by
# this much (core.exports.at_low_priority). 0 runs them at normal priority.
NEWSLETTER_NICENESS = int(os.environ.get("NEWSLETTER_NICENESS", "10"))
EXPORT_NICENESS = int(os.environ.get("EXPORT_NICENESS", "10"))
# A municipality's wish to replicate a solution is forgotten this many days after it was sent.
REPLICATION_INTEREST_RETENTION_DAYS = int(
    os.environ.get("REPLICATION_INTEREST_RETENTION_DAYS", "730")
)
# Event registrations are forgotten this many days after the event ends.
EVENT_REGISTRATION_RETENTION_DAYS = int(os.environ.get("EVENT_REGISTRATION_RETENTION_DAYS", "30"))

# Public forms: accepted submissions per visitor address per hour (0 disables a limit; a form
# sent back for a mistake is not counted). The survey allowance fits a workshop answering from
# a local hub's one connection (docs/operations.md, "Rate limits"); addresses in
# the exempt networks (comma-separated addresses or networks) are never limited. Trust the
# X-Forwarded-For header only behind a proxy that sets it.
SURVEY_SUBMISSIONS_PER_HOUR = int(os.environ.get("SURVEY_SUBMISSIONS_PER_HOUR", "100"))
PROPOSAL_SUBMISSIONS_PER_HOUR = int(os.environ.get("PROPOSAL_SUBMISSIONS_PER_HOUR", "10"))
SUPPORT_REQUESTS_PER_HOUR = int(os.environ.get("SUPPORT_REQUESTS_PER_HOUR", "20"))
FOLLOW_REQUESTS_PER_HOUR = int(os.environ.get("FOLLOW_REQUESTS_PER_HOUR", "10"))
RATE_LIMIT_EXEMPT_NETWORKS = [
    ipaddress.ip_network(network, strict=False)
    for network in env_list("RATE_LIMIT_EXEMPT_NETWORKS")
]
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)

# Background tasks (django-tasks): e-mail leaves outside the request. By default tasks are queued
# in the database and run by `manage.py db_worker`; development and tests run them at once.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Static media in development and tests are served by Django itself.
SERVE_MEDIA = False

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "throttled_cache_errors": {"()": "core.log_filters.ThrottledCacheErrors"},
        "refused_host_as_warning": {"()": "core.log_filters.RefusedHostAsWarning"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        # Redis unreachable: one line every 10 s instead of a traceback per cache call.
        DJANGO_REDIS_LOGGER: {"filters": ["throttled_cache_errors"]},
        # A Host header not in ALLOWED_HOSTS: answered 400, logged as a warning.
        "django.security.DisallowedHost": {"filters": ["refused_host_as_warning"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Used by the footer and the feeds; editors can change contact details in Site settings.
PROJECT_PROGRAMME_NAME = _("Interreg VI-A Italy–France ALCOTRA 2021–2027")


# Security -------------------------------------------------------------------------------------
# Brute force on the admin login: django-axes locks a username from an address after 5 failures
# for an hour (a successful login resets the count).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/login_locked.html"
AXES_IPWARE_PROXY_COUNT = 1 if TRUST_X_FORWARDED_FOR else None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if TRUST_X_FORWARDED_FOR else ["REMOTE_ADDR"]
)
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview sets SAMEORIGIN on its own views


def _origin(url: str) -> str:
    """The scheme and host of a URL template such as a tile server's, for the CSP."""
    from urllib.parse import urlsplit

    parts = urlsplit(url.replace("{s}.", "*."))
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


_MEDIA_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "")  # media served from a CDN or bucket
# Content-Security-Policy on the public site: scripts only from our own origin, never inline.
# Inline styles stay allowed (charts set CSS variables in style attributes). The Wagtail admin
# is left out: its editor relies on inline scripts.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": [
            "'self'",
            "data:",
            *filter(None, [_origin(MAP_TILE_URL), _MEDIA_DOMAIN and f"https://{_MEDIA_DOMAIN}"]),
        ],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
