"""Where a page's server time goes: cProfile over the pages of the load scenario.

    PYTHONPATH=src python benchmarks/profile_pages.py \
        --database-url postgres://postgres@127.0.0.1:5432/schakel_load [--top 40]

Runs against a database that already holds a generated region (`load.py` leaves one in
`schakel_load`; nothing is written but access-log rows and sessions). Signs in the generated
professional nearest the median number of open cases, with DEBUG off (so Django's cached
template loader), requests the case list, their case pages and the dashboard in-process
with Django's test client, and prints per page the median time, the queries and their time,
and cProfile's functions with the most time of their own and with the most cumulative time.
For finding the largest cost to cut next; the figures to compare are the load test's.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import secrets
import statistics
import sys
import time
from typing import Any

from region import database_env, django_start


class _SqlTimer:
    def __init__(self) -> None:
        self.seconds = 0.0
        self.queries = 0
        self.each: list[tuple[float, str]] = []

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            seconds = time.perf_counter() - started
            self.seconds += seconds
            self.queries += 1
            self.each.append((seconds, sql))


def _pages(user: dict[str, Any]) -> list[tuple[str, str]]:
    pages = [("case list", "/casussen/"), ("dashboard", "/")]
    pages += [(f"case page {n + 1}", f"/casussen/{pk}/") for n, pk in enumerate(user["cases"])]
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/schakel_load")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--slowest", type=int, default=8, help="queries of the last request")
    parser.add_argument("--sql-width", type=int, default=300)
    parser.add_argument("--dump", help="also write each page's profile to <DUMP>-<page>.prof")
    parser.add_argument("--plain", action="store_true", help="time only, no profiler")
    parser.add_argument("--page", help="only the pages whose name starts with this")
    args = parser.parse_args()
    os.environ["DEBUG"] = "false"
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    django_start("schakel.settings.test",
                 database_env(args.database_url, "load", fresh=False, suffix=False))
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from load_world import page_users
    from tests.support import sign_in

    assert not settings.DEBUG
    users, _median = page_users(1)
    user = users[0]
    client = Client()
    sign_in(client, get_user_model().objects.get(username=user["username"]))
    for name, url in _pages(user):
        if args.page and not name.startswith(args.page):
            continue
        for _ in range(5):
            assert client.get(url).status_code == 200, url
        timer = _SqlTimer()
        timings = []
        profile = cProfile.Profile()
        with connection.execute_wrapper(timer):
            for _ in range(args.requests):
                started = time.perf_counter()
                if not args.plain:
                    profile.enable()
                response = client.get(url)
                if not args.plain:
                    profile.disable()
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, url
        print(f"\n=== {name} {url}: median {statistics.median(timings):.1f} ms"
              f"{'' if args.plain else ' (under the profiler)'}, "
              f"{timer.queries / args.requests:.0f} queries, "
              f"{1000 * timer.seconds / args.requests:.1f} ms SQL per request")
        slowest = sorted(timer.each[-timer.queries // args.requests:], reverse=True)
        for seconds, sql in slowest[:args.slowest]:
            print(f"  {1000 * seconds:6.1f} ms  {sql[:args.sql_width]}")
        if args.dump:
            profile.dump_stats(f"{args.dump}-{name.replace(' ', '-')}.prof")
        for order in () if args.plain else ("tottime", "cumulative"):
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(order).print_stats(args.top)
            if order == "cumulative":
                # Our own functions, for where in our code the time goes.
                pstats.Stats(profile, stream=out).sort_stats(order).print_stats(
                    "schakel", args.top)
            print(out.getvalue(), file=sys.stdout)


if __name__ == "__main__":
    main()
