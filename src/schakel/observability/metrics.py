"""Prometheus metrics. The request counter and the latency histogram are counted in each
process; under gunicorn, whose configuration sets `PROMETHEUS_MULTIPROC_DIR`
(deploy/gunicorn.conf.py), prometheus-client keeps them in files there and the endpoint adds
up every worker's. The job queue and the access log's refusals are counted in the database at
scrape time (`selectors`), so every web process reports the same and no lower app needs to
know about metrics."""

from __future__ import annotations

import os
from collections.abc import Iterator

from django.db import DatabaseError
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from schakel.observability.selectors import access_refusal_count, job_counts_by_queue_and_status

# The route is the URL pattern's name ("cases:detail"), never the path with its ids.
UNMATCHED_ROUTE = "<unmatched>"

REQUESTS = Counter(
    "schakel_http_requests", "HTTP requests answered, by route, method and status.",
    ["route", "method", "status"], registry=None)
LATENCY = Histogram(
    "schakel_http_request_duration_seconds", "Time to answer an HTTP request, by route.",
    ["route", "method"], registry=None,
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0))


def request_observe(*, route: str, method: str, status: int, seconds: float) -> None:
    REQUESTS.labels(route=route, method=method, status=str(status)).inc()
    LATENCY.labels(route=route, method=method).observe(seconds)


class DatabaseCollector(Collector):
    """The figures that live in the database, read when Prometheus scrapes."""

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("schakel_database_up",
                               "1 when the database answered the scrape's queries.")
        try:
            jobs = job_counts_by_queue_and_status()
            refusals = access_refusal_count()
        except DatabaseError:
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        depth = GaugeMetricFamily("schakel_job_queue_depth",
                                  "Jobs waiting to be run (READY), by queue.", labels=["queue"])
        running = GaugeMetricFamily("schakel_jobs_running", "Jobs claimed by a worker (RUNNING), "
                                    "by queue.", labels=["queue"])
        failed = GaugeMetricFamily("schakel_jobs_failed", "Failed jobs in the queue table "
                                   "(until pruned), by queue.", labels=["queue"])
        for (queue, status), count in sorted(jobs.items()):
            family = {"READY": depth, "RUNNING": running, "FAILED": failed}.get(status)
            if family is not None:
                family.add_metric([queue], count)
        yield from (depth, running, failed)
        yield GaugeMetricFamily("schakel_access_log_refusals",
                                "Refusals in the access log (outcome denied).", value=refusals)


def exposition() -> bytes:
    """The text the endpoint answers: every process's request metrics, then the database's."""
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        registry.register(REQUESTS)
        registry.register(LATENCY)
    registry.register(DatabaseCollector())
    return generate_latest(registry)
