"""Logging filters.

While Redis is unreachable every cache call fails and django-redis logs each one with its
traceback: thousands of lines a minute that hide everything else. ``ThrottledCacheErrors``
lets one line through per interval, without the traceback, saying how many were held back.
"""

import logging
import threading
import time


class ThrottledCacheErrors(logging.Filter):
    def __init__(self, seconds: float = 10):
        super().__init__()
        self.seconds = seconds
        self.last = float("-inf")
        self.held_back = 0
        self.lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        with self.lock:
            now = time.monotonic()
            if now - self.last < self.seconds:
                self.held_back += 1
                return False
            error = record.exc_info[1] if record.exc_info else record.getMessage()
            record.msg = "Cache unreachable, calls treated as misses (%d similar held back): %s"
            record.args = (self.held_back, error)
            record.exc_info = record.exc_text = None
            self.last, self.held_back = now, 0
            return True


class RefusedHostAsWarning(logging.Filter):
    """A request for a host name the site does not serve (a scanner, a misconfigured proxy) is
    answered with a 400: log it as one warning line, not as an error with a traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = None
        return True
