"""Where a cold page render spends its time: run inside a database with
the demo (``python manage.py shell -c "from bench.profile_cold import main; main()"``).

For one page of every public type (``bench.probe.page_urls``), every cache emptied first, it
prints the SQL queries, the wall time, the time spent in the database layer, the template
engine, Wagtail, this project and the rest (cProfile's own time), and this project's functions
that took the most time. A render is profiled twice; the second
one, with Python's own caches warm but Django's caches empty, is the one reported."""

import cProfile
import pstats
import time

from bench.probe import page_urls

OURS = ("/core/", "/home/", "/news/", "/events/", "/partners/", "/pilots/", "/participation/")


def empty_caches() -> None:
    from django.core.cache import caches

    for alias in caches:
        caches[alias].clear()


def profile(client, url: str):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    empty_caches()
    client.get(url)  # Python's import-time and first-call costs
    empty_caches()
    profiler = cProfile.Profile()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        profiler.enable()
        status = client.get(url).status_code
        profiler.disable()
        elapsed = time.perf_counter() - started
    return status, len(queries.captured_queries), elapsed, pstats.Stats(profiler)


AREAS = [
    ("database", ("/django/db/", "/psycopg/", "sqlite3", "/dj_database_url/")),
    ("templates", ("/django/template/", "/templatetags/")),
    ("wagtail", ("/wagtail/", "/wagtail_localize/", "/modelcluster/", "/wagtailcache/")),
    ("this project", OURS),
    ("django, other", ("/django/",)),
]


def is_ours(path: str) -> bool:
    return "site-packages" not in path and any(part in path for part in OURS)


def area_of(path: str) -> str:
    if is_ours(path):
        return "this project"
    return next((area for area, parts in AREAS if any(p in path for p in parts)), "other")


def where_time_went(stats: pstats.Stats) -> dict[str, float]:
    """Own time (not counting callees) summed per area, in milliseconds."""
    totals: dict[str, float] = {}
    for (path, _line, _name), (
        _calls,
        _primitive,
        own,
        _cumulative,
        _callers,
    ) in stats.stats.items():
        area = area_of(path)
        totals[area] = totals.get(area, 0.0) + own * 1000
    return dict(sorted(totals.items(), key=lambda item: -item[1]))


def top_functions(stats: pstats.Stats, count: int = 5) -> list[str]:
    """This project's functions by time spent in them and below, middleware left out."""
    rows = []
    for (path, line, name), (_calls, _primitive, _own, cumulative, _callers) in stats.stats.items():
        if is_ours(path) and "middleware" not in path and name != "__call__":
            short = path.split("/work/main/")[-1]
            rows.append((cumulative, f"{cumulative * 1000:7.1f} ms  {short}:{line} {name}"))
    return [text for _cumulative, text in sorted(rows, reverse=True)[:count]]


def main() -> None:
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    for name, url in page_urls().items():
        status, queries, elapsed, stats = profile(client, url)
        print(f"\n{name} {url} → {status}: {queries} queries, {elapsed * 1000:.0f} ms")  # noqa: T201
        areas = ", ".join(f"{area} {ms:.0f} ms" for area, ms in where_time_went(stats).items())
        print("   own time: " + areas)  # noqa: T201
        for line in top_functions(stats):
            print("   " + line)  # noqa: T201
