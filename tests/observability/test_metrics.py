"""The metrics endpoint: absent without its token setting, refused without the token or with
a wrong one; it counts requests by route and status and reads the job queue and the access
log's refusals at scrape time. Several gunicorn workers' counts added up: tests/faults."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from prometheus_client.parser import text_string_to_metric_families

from tests.factories.audit import AccessEventFactory

TOKEN = "metrics-token-for-the-tests-0123456789"


@pytest.fixture
def token(settings: Any) -> str:
    settings.SCHAKEL_METRICS_TOKEN = TOKEN
    return TOKEN


def _scrape(client: Client) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(response.content.decode())
            for sample in family.samples}


def _requests(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], route: str,
              status: str) -> float:
    key = ("schakel_http_requests_total",
           (("method", "GET"), ("route", route), ("status", status)))
    return samples.get(key, 0.0)


def test_without_a_configured_token_there_is_no_endpoint(client: Client, db: None,
                                                        settings: Any) -> None:
    settings.SCHAKEL_METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", headers={"Authorization": "Bearer "}).status_code == 404


@pytest.mark.parametrize("authorization", [
    None, "", "Bearer", "Bearer wrong-token", f"Basic {TOKEN}", f"Bearer {TOKEN}x",
    f"Bearer {TOKEN[:-1]}"])
def test_without_the_right_token_it_is_refused(client: Client, db: None, token: str,
                                               authorization: str | None) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = client.get("/metrics", headers=headers)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert b"schakel_" not in response.content


def test_it_counts_a_request_by_route_and_status(client: Client, db: None, token: str) -> None:
    before = _scrape(client)
    assert client.get("/healthz").status_code == 200
    assert client.get("/bestaat-niet/").status_code == 404
    after = _scrape(client)
    assert _requests(after, "web:healthz", "200") == _requests(before, "web:healthz", "200") + 1
    assert (_requests(after, "<unmatched>", "404")
            == _requests(before, "<unmatched>", "404") + 1)
    latency = ("schakel_http_request_duration_seconds_count",
               (("method", "GET"), ("route", "web:healthz")))
    assert after[latency] == before.get(latency, 0.0) + 1


def test_it_reads_the_job_queue_and_the_refusals_at_scrape_time(client: Client, db: None,
                                                                token: str) -> None:
    def job(status: str, queue: str) -> None:
        DBTaskResult.objects.create(
            status=status, queue_name=queue, task_path="schakel.jobs.missing",
            args_kwargs={"args": [], "kwargs": {}}, backend_name="default",
            run_after=timezone.now() - dt.timedelta(minutes=1))

    for status, queue in [("READY", "email"), ("READY", "email"), ("READY", "default"),
                          ("RUNNING", "default"), ("FAILED", "email"), ("SUCCESSFUL", "email")]:
        job(status, queue)
    AccessEventFactory(denied=True)
    AccessEventFactory(denied=True)
    AccessEventFactory()
    samples = _scrape(client)
    assert samples[("schakel_database_up", ())] == 1
    assert samples[("schakel_job_queue_depth", (("queue", "email"),))] == 2
    assert samples[("schakel_job_queue_depth", (("queue", "default"),))] == 1
    assert samples[("schakel_jobs_running", (("queue", "default"),))] == 1
    assert samples[("schakel_jobs_failed", (("queue", "email"),))] == 1
    assert samples[("schakel_access_log_refusals", ())] == 2
