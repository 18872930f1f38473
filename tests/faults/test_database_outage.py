"""The database goes away for 30 s under load (issue 11, item 7), on a PostgreSQL cluster of
the test's own (`cluster`), on both runs of the suite: gunicorn with the production settings
and two workers, a professional reading her case and writing notes, then `pg_ctl stop -m fast`
for SCHAKEL_FAULT_OUTAGE_SECONDS (default 30) while the requests go on. Every answer in the
outage is the Dutch 503 page (never a 500, never a dropped connection), the readiness check
fails, the metrics say the database is down; once the cluster is back the same gunicorn and the
same session go on, nothing is half-written and the access log's chain verifies. The request
log lines are JSON without the child's name; /metrics adds up both workers' counts."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.faults.burst import Burst, committed_texts, sent_texts
from tests.faults.cluster import Cluster, cluster_create
from tests.faults.conftest import outage_seconds
from tests.faults.production import (
    UNAVAILABLE,
    Browser,
    audit_verify,
    csrf_token,
    environment,
    gunicorn_start,
    manage,
    metrics,
    notes_stored,
    signed_in,
    world_create,
)
from tests.production_support import free_port as _free_port, stop as _stop

RECOVERY_SECONDS = 60.0
SETTLE_SECONDS = 3.0
CHILD_NAMES = ("Bas van 't Riet", "van 't Riet", "Riet")  # the child of the production-start world


@dataclass
class Reader:
    """GETs of the case page and of /readyz in a loop, each answer with its time."""

    browser: Browser
    path: str
    answers: list[tuple[float, int | None, str]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        browser = Browser(self.browser.port, dict(self.browser.cookies))
        while not self.stop.is_set():
            try:
                answer = browser.get(self.path)
                self.answers.append((time.monotonic(), answer.status, answer.body))
            except OSError:
                self.answers.append((time.monotonic(), None, ""))
            time.sleep(0.1)

    def between(self, start: float, end: float) -> list[tuple[float, int | None, str]]:
        return [a for a in self.answers if start <= a[0] <= end]


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    made = cluster_create(_free_port())
    try:
        yield made
    finally:
        made.remove()


def _requests_total(text: str, route: str, status: int) -> float:
    pattern = (r'^schakel_http_requests_total\{method="[A-Z]+",route="' + re.escape(route)
               + r'",status="' + str(status) + r'"\} ([0-9.e+]+)$')
    return sum(float(value) for value in re.findall(pattern, text, flags=re.MULTILINE))


def test_the_database_away_for_30_s_under_load(cluster: Cluster, tmp_path: Path,
                                               static_root: Path) -> None:
    env = environment(tmp_path, database_url=cluster.create_database("schakel"),
                      static_root=static_root)
    manage(["migrate", "--noinput", "-v", "0"], env)
    world = world_create(env)
    port = _free_port()
    log = tmp_path / "web.log"
    web = gunicorn_start(port, env, log)
    try:
        browser = signed_in(port, world)
        case_page = f"/casussen/{world.case_id}/"
        readers = [Reader(browser, case_page), Reader(Browser(port), "/readyz")]
        threads = [threading.Thread(target=r.run, daemon=True) for r in readers]
        burst = Burst(browser, world, csrf_token(browser, world), clients=2).start()
        for thread in threads:
            thread.start()
        time.sleep(3)

        cluster.stop()
        # A request whose queries were done before the stop may still be answered after it.
        down = time.monotonic() + SETTLE_SECONDS
        time.sleep(outage_seconds() / 2)
        during = metrics(port)
        time.sleep(outage_seconds() / 2)
        restarting = time.monotonic()
        cluster.start()

        # Back: the same gunicorn (never restarted) and the same session read and write.
        page, ready = readers
        committed = burst.committed()
        deadline = time.monotonic() + RECOVERY_SECONDS
        while not (burst.committed() > committed + 1
                   and [s for _, s, _ in page.answers[-3:]] == [200] * 3
                   and ready.answers[-1][1] == 200):
            assert time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.2)
        for reader in readers:
            reader.stop.set()
        outcomes = burst.finish()
        for thread in threads:
            thread.join(timeout=30)
        assert web.poll() is None
        assert Browser(port, dict(browser.cookies)).get(case_page).status == 200

        # In the outage: the Dutch 503 page, the readiness check failing, no other answer.
        outage = page.between(down, restarting)
        assert outage, "no request in the outage"
        assert {status for _, status, _ in outage} == {503}
        assert all(UNAVAILABLE in body for _, _, body in outage)
        assert {s for _, s, body in ready.between(down, restarting)} == {503}
        assert all(body.startswith("database: unreachable")
                   for _, _, body in ready.between(down, restarting))
        assert "schakel_database_up 0.0" in during
        assert {o.status for o in outcomes} <= {302, 503}
        assert all(UNAVAILABLE in o.body for o in outcomes if o.status == 503)
        assert any(o.status == 503 for o in outcomes)

        # Nothing half-written.
        stored, events = notes_stored(env, world)
        assert committed_texts(outcomes) <= set(stored) <= sent_texts(outcomes)
        assert len(stored) == events
        assert audit_verify(env).startswith("Access log intact: ")

        # Both workers' requests in one count.
        scraped = metrics(port)
        assert "schakel_database_up 1.0" in scraped
        answered = sum(1 for o in outcomes if o.status == 302)
        assert _requests_total(scraped, "notes:add", 302) == answered
        refused = sum(1 for o in outcomes if o.status == 503)
        assert _requests_total(scraped, "notes:add", 503) == refused
    finally:
        _stop(web)

    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    requests = [line for line in lines if line.get("logger") == "schakel.request"]
    assert {"request_id", "user_id", "route", "status", "duration_ms"} <= set(requests[0])
    assert {r["route"] for r in requests} >= {"cases:detail", "notes:add", "web:readyz"}
    assert {r["status"] for r in requests if r["route"] == "cases:detail"} == {200, 503}
    text = log.read_text()
    for name in CHILD_NAMES:
        assert name not in text
