"""The page cache's Redis backend, with each worker keeping the pages it has read.

A page served from the shared cache costs a Redis round trip, and on a small server, where
Redis shares the CPUs with the workers, waiting for that answer is most of what a cached page
costs: about three quarters of the trivial view's throughput, where a worker's own memory
gives more than the trivial view. So each worker keeps what it read — the pages and the lists
of headers they vary on, as pickled bytes, unpickled anew for each visitor (the visitor-token
middleware rewrites a response's content, which must never reach another visitor) — and no
longer than Redis keeps them.

Nothing kept may outlive a purge. Every deletion through this backend (wagtail-cache's scoped
purges, a full clear) is announced on a Redis channel, and each worker follows that channel in
a thread of its own: an announcement empties its memory. Kept pages are only served while that
thread is subscribed; when Redis goes away, the worker forgets everything and reads through to
Redis (which, being down, makes every page a miss, as before) until it has subscribed again. A
page read from Redis just before a purge is announced is not kept (a generation number moves
with each announcement), so a late copy cannot outlive the purge that passed it.
"""

import logging
import os
import pickle
import threading
import time

import redis
from django_redis.cache import RedisCache

logger = logging.getLogger("portal.cache")

# The keys Django's cache middleware gives a page and its list of varying headers: the only
# ones kept (wagtail-cache's keyring changes with every page stored and is always read anew).
KEPT_KEYS = ("views.decorators.cache.cache_page.", "views.decorators.cache.cache_header.")
CHANNEL = "digivillae:pages-purged"


class PageCache(RedisCache):
    max_kept = 500  # pages per worker (a few MB)

    def __init__(self, server, params):
        super().__init__(server, params)
        self._kept: dict[str, tuple[float, bytes]] = {}
        self._generation = 0
        self._listening = False
        self._follower_pid = None
        self._lock = threading.RLock()

    # Reading

    def get(self, key, default=None, version=None, client=None):
        if version is not None or client is not None or not str(key).startswith(KEPT_KEYS):
            return super().get(key, default, version, client)
        if not self._follows_purges():
            return super().get(key, default)
        kept = self._kept.get(key)
        if kept is not None and kept[0] > time.monotonic():
            return pickle.loads(kept[1])  # noqa: S301 (our own bytes, pickled below)
        generation = self._generation
        value = super().get(key, default)
        if value is not None and value is not default:
            self._keep(key, value, generation)
        return value

    def _keep(self, key, value, generation) -> None:
        seconds = self.ttl(key)
        if not seconds:
            return  # gone, or kept without expiry
        kept = (time.monotonic() + seconds, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        with self._lock:  # the follower's thread forgets under the same lock
            if generation != self._generation:
                return  # a purge was announced meanwhile
            if len(self._kept) >= self.max_kept:
                self._kept.pop(next(iter(self._kept)))
            self._kept[key] = kept

    # Deleting: every deletion is announced to every worker

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self._announce()
        return result

    def delete_many(self, *args, **kwargs):
        result = super().delete_many(*args, **kwargs)
        self._announce()
        return result

    def delete_pattern(self, *args, **kwargs):
        result = super().delete_pattern(*args, **kwargs)
        self._announce()
        return result

    def clear(self):
        result = super().clear()
        self._announce()
        return result

    def _announce(self) -> None:
        self._forget()
        try:
            self._redis().publish(CHANNEL, str(os.getpid()))
        except redis.RedisError:
            logger.warning("Could not announce a page-cache purge (Redis unreachable).")

    def _forget(self) -> None:
        with self._lock:
            self._generation += 1
            self._kept.clear()

    # Following the announcements

    def _redis(self) -> redis.Redis:
        return self.client.get_client(write=True)

    def _follows_purges(self) -> bool:
        """Start this process's follower on first use (gunicorn forks its workers after the
        settings are read, and a thread does not survive a fork)."""
        if self._follower_pid != os.getpid():
            with self._lock:
                if self._follower_pid != os.getpid():
                    self._follower_pid = os.getpid()
                    self._listening = False
                    self._forget()
                    threading.Thread(
                        target=self._follow, name="page-cache-purges", daemon=True
                    ).start()
        return self._listening

    def _follow(self) -> None:
        pid = os.getpid()
        while self._follower_pid == pid:
            try:
                # A connection of its own, without the cache's read timeout (it waits for
                # announcements); a periodic health check notices a Redis that went away.
                pool = self._redis().connection_pool
                own = redis.ConnectionPool(
                    connection_class=pool.connection_class,
                    **{
                        **pool.connection_kwargs,
                        "socket_timeout": None,
                        "health_check_interval": 5,
                    },
                )
                subscriber = redis.Redis(connection_pool=own).pubsub()
                subscriber.subscribe(CHANNEL)
                while self._follower_pid == pid:
                    message = subscriber.get_message(timeout=1.0)
                    if message is None:
                        subscriber.check_health()
                    elif message["type"] == "subscribe":
                        self._forget()
                        self._listening = True
                    elif message["type"] == "message":
                        self._forget()
            except (redis.RedisError, OSError):
                pass
            self._listening = False
            self._forget()
            time.sleep(1)
