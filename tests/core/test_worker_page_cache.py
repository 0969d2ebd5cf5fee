"""Each worker keeps the pages it read from Redis (core.worker_page_cache.PageCache) and
forgets them the moment any worker deletes one; nothing kept outlives Redis's own copy, and a
worker that cannot follow the announcements reads through to Redis."""

import time

import pytest
import redis
from django.http import HttpResponse

from core.worker_page_cache import PageCache

REDIS_URL = "redis://127.0.0.1:6379/13"
PAGE_KEY = "views.decorators.cache.cache_page.test.GET.abc.def.it"
OPTIONS = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25}


def worker() -> PageCache:
    return PageCache(REDIS_URL, {"OPTIONS": OPTIONS, "KEY_PREFIX": "worker-cache-test"})


def following(cache: PageCache) -> PageCache:
    cache.get(PAGE_KEY)  # starts the follower
    deadline = time.monotonic() + 5
    while not cache._listening:
        assert time.monotonic() < deadline, "the worker never subscribed"
        time.sleep(0.05)
    return cache


def eventually(check, seconds: float = 3.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def workers():
    redis.Redis.from_url(REDIS_URL).flushdb()
    first, second = following(worker()), following(worker())
    yield first, second
    for cache in (first, second):
        cache._follower_pid = None  # stops its follower
    redis.Redis.from_url(REDIS_URL).flushdb()


def page(text: str) -> HttpResponse:
    return HttpResponse(text)


def test_a_worker_serves_what_it_read_from_its_memory(workers):
    first, second = workers
    first.set(PAGE_KEY, page("versione 1"), timeout=60)
    assert second.get(PAGE_KEY).content == b"versione 1"
    # Gone from Redis behind the backend's back (no announcement): the worker still has it,
    # which proves it is not asking Redis any more.
    redis.Redis.from_url(REDIS_URL).flushdb()
    assert second.get(PAGE_KEY).content == b"versione 1"


def test_every_visitor_gets_an_object_of_their_own(workers):
    first, second = workers
    first.set(PAGE_KEY, page("<p>vt-marker</p>"), timeout=60)
    one = second.get(PAGE_KEY)
    one.content = b"<p>token of visitor one</p>"  # what the visitor-token middleware does
    assert second.get(PAGE_KEY).content == b"<p>vt-marker</p>"


def test_a_deletion_by_any_worker_empties_every_workers_memory(workers):
    first, second = workers
    first.set(PAGE_KEY, page("versione 1"), timeout=60)
    assert second.get(PAGE_KEY).content == b"versione 1"
    first.delete(PAGE_KEY)  # a purge, in another worker
    assert eventually(lambda: second.get(PAGE_KEY) is None)
    first.set(PAGE_KEY, page("versione 2"), timeout=60)
    assert second.get(PAGE_KEY).content == b"versione 2"
    first.clear()
    assert eventually(lambda: second.get(PAGE_KEY) is None)


def test_nothing_is_kept_longer_than_redis_keeps_it(workers):
    first, second = workers
    first.set(PAGE_KEY, page("breve"), timeout=1)
    assert second.get(PAGE_KEY).content == b"breve"
    time.sleep(1.2)
    assert second.get(PAGE_KEY) is None


def test_a_page_read_while_a_purge_is_announced_is_not_kept(workers):
    first, second = workers
    first.set(PAGE_KEY, page("vecchia"), timeout=60)
    original = PageCache._keep

    def purge_meanwhile(cache, key, value, generation):
        cache._forget()  # the announcement arrives between the read and the keeping
        original(cache, key, value, generation)

    PageCache._keep = purge_meanwhile
    try:
        assert second.get(PAGE_KEY).content == b"vecchia"
    finally:
        PageCache._keep = original
    assert second._kept == {}


def test_other_keys_are_always_read_from_redis(workers):
    first, second = workers
    first.set("keyring", {"a": 1}, timeout=60)
    assert second.get("keyring") == {"a": 1}
    first.set("keyring", {"a": 2}, timeout=60)  # no deletion, no announcement
    assert second.get("keyring") == {"a": 2}


def test_without_redis_nothing_is_kept_and_every_page_is_a_miss():
    cache = PageCache("redis://127.0.0.1:1/0", {"OPTIONS": OPTIONS})
    assert cache.get(PAGE_KEY) is None
    time.sleep(0.3)
    assert cache._listening is False
    assert cache.get(PAGE_KEY) is None
    assert cache._kept == {}
    cache._follower_pid = None
