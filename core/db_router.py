"""Reads from a PostgreSQL read replica, when one is configured, for requests that cannot be
hurt by replication lag: anonymous GETs. A visitor who has just posted a form, or an editor who
has just published, reads from the primary and sees their own change."""

from contextvars import ContextVar

from django.conf import settings

_replica_allowed: ContextVar[bool] = ContextVar("replica_allowed", default=False)


def replica_safe(request) -> bool:
    return request.method in {"GET", "HEAD"} and (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


class ReplicaReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _replica_allowed.set(replica_safe(request))
        try:
            return self.get_response(request)
        finally:
            _replica_allowed.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if "replica" in settings.DATABASES and _replica_allowed.get():
            return "replica"
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
