"""The read replica is used only for anonymous GETs; writes and other reads use the primary."""

from django.test import RequestFactory, override_settings

from core.db_router import ReplicaReadsMiddleware, ReplicaRouter, replica_safe

REPLICA = {"default": {}, "replica": {}}


def route_during(request) -> tuple[str, str]:
    router = ReplicaRouter()
    seen = {}

    def view(_request):
        seen["read"] = router.db_for_read(None)
        seen["write"] = router.db_for_write(None)
        return None

    ReplicaReadsMiddleware(view)(request)
    return seen["read"], seen["write"]


@override_settings(DATABASES=REPLICA)
def test_anonymous_get_reads_from_the_replica():
    request = RequestFactory().get("/it/")
    assert replica_safe(request)
    assert route_during(request) == ("replica", "default")


@override_settings(DATABASES=REPLICA)
def test_posts_and_signed_in_visitors_read_from_the_primary():
    post = RequestFactory().post("/it/partecipa/")
    signed_in = RequestFactory().get("/it/", HTTP_COOKIE="sessionid=abc")
    assert route_during(post) == ("default", "default")
    assert route_during(signed_in) == ("default", "default")


def test_outside_a_request_and_without_replica_everything_uses_the_primary():
    router = ReplicaRouter()
    assert router.db_for_read(None) == "default"
    assert route_during(RequestFactory().get("/it/")) == ("default", "default")
    assert router.allow_migrate("default", "core") and not router.allow_migrate("replica", "core")
