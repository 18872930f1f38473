"""More than one machine (issue 11, item 5): two web processes behind Debian's nginx as a
round-robin load balancer, over real HTTP.

Each "machine" is a gunicorn with the production settings and a folder of its own (anchors,
outgoing mail); what they share is only the PostgreSQL database (a fresh one on the server of
tests.production_support) and the collected static files. nginx, an unprivileged master on a
free port with a generated configuration, names the upstream that answered in `X-Upstream`.
A professional signs in through one and goes on through the other (sessions and the sign-in's
second factor are in the database); an agreement added through one enqueues the e-mail job
(the job queue is in the database), and a worker started beside the other runs it.
"""

from __future__ import annotations

import datetime as dt
import html
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from tests.production_support import (
    CASE_TITLE,
    Answer,
    Browser,
    environment,
    free_port,
    gunicorn,
    manage,
    postgres_database,
    release,
    sign_in,
    stop,
)

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
NGINX_CONF = """
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    upstream schakel {{
        server 127.0.0.1:{first};
        server 127.0.0.1:{second};
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://schakel;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $remote_addr;
            # TLS ends in front of this proxy in production; here the client says so itself.
            proxy_set_header X-Forwarded-Proto $http_x_forwarded_proto;
            proxy_next_upstream off;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


@dataclass
class Machines:
    proxy: int
    first: str
    second: str
    envs: dict[str, dict[str, str]]
    database_url: str
    case_id: int
    totp_key: str
    colleague_id: int
    tmp: Path


def _nginx(tmp: Path, port: int, first: int, second: int) -> subprocess.Popen[bytes]:
    prefix = tmp / "nginx"
    prefix.mkdir()
    conf = prefix / "nginx.conf"
    conf.write_text(NGINX_CONF.format(prefix=prefix, port=port, first=first, second=second))
    with (prefix / "stderr.log").open("wb") as out:
        process = subprocess.Popen(  # noqa: S603 - Debian's nginx, our configuration
            [NGINX, "-c", str(conf), "-p", str(prefix)], stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        assert process.poll() is None, (prefix / "stderr.log").read_text() + (
            prefix / "error.log").read_text()
        try:
            if Browser(port).get("/healthz").status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise AssertionError((prefix / "error.log").read_text())


@pytest.fixture(scope="module")
def machines(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Machines]:
    tmp = tmp_path_factory.mktemp("machines")
    processes: list[subprocess.Popen[bytes]] = []
    with postgres_database("schakel_scaleout") as database_url:
        try:
            shared = environment(database_url, tmp)
            world = release(shared)
            ports = {"first": free_port(), "second": free_port()}
            envs: dict[str, dict[str, str]] = {}
            for name, port in ports.items():
                own = tmp / name
                (own / "mail").mkdir(parents=True)
                envs[f"127.0.0.1:{port}"] = env = {
                    **shared, "GUNICORN_WORKERS": "1",
                    "SCHAKEL_AUDIT_ANCHOR_FILE": str(own / "audit-anchors.log"),
                    "EMAIL_URL": f"filemail:///{own / 'mail'}"}
                processes.append(gunicorn(port, env, own / "web.log"))
            proxy = free_port()
            processes.append(_nginx(tmp, proxy, ports["first"], ports["second"]))
            yield Machines(
                proxy=proxy, first=f"127.0.0.1:{ports['first']}",
                second=f"127.0.0.1:{ports['second']}", envs=envs, database_url=database_url,
                case_id=world["case_id"], totp_key=world["totp_key"],
                colleague_id=world["colleague_id"], tmp=tmp)
        finally:
            for process in reversed(processes):
                stop(process)


def _other(machines: Machines, upstream: str) -> str:
    assert upstream in (machines.first, machines.second), upstream
    return machines.second if upstream == machines.first else machines.first


def _until_through(browser: Browser, path: str, upstream: str) -> Answer:
    """GET the path until the answer came through that upstream (round robin: the next one
    or the one after)."""
    for _attempt in range(4):
        answer = browser.get(path)
        if answer.headers["x-upstream"] == upstream:
            return answer
    raise AssertionError(f"nginx never sent {path} to {upstream}")


def _email_jobs(database_url: str) -> list[tuple[str, list[str], object]]:
    """The e-mail jobs of the queue: status, the workers that took them, the return value."""
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT status, worker_ids, return_value FROM django_tasks_database_dbtaskresult"
            " WHERE task_path = %s ORDER BY enqueued_at",
            ["schakel.notifications.tasks.notification_emails_send"]).fetchall()
    return [(str(status), list(worker_ids), value) for status, worker_ids, value in rows]


def _check_round_robin(machines: Machines) -> None:
    upstreams = [Browser(machines.proxy).get("/readyz").headers["x-upstream"]
                 for _request in range(4)]
    assert set(upstreams) == {machines.first, machines.second}, upstreams
    assert upstreams[0] != upstreams[1], upstreams


def _check_signed_in_through_one_goes_on_through_the_other(machines: Machines) -> Browser:
    browser = Browser(machines.proxy)
    _password, verified = sign_in(browser, machines.totp_key)
    signed_in_by = verified.headers["x-upstream"]
    case_path = f"/casussen/{machines.case_id}/"
    for upstream in (_other(machines, signed_in_by), signed_in_by):
        page = _until_through(browser, case_path, upstream)
        assert page.status == 200, (upstream, page.body[:2000])
        assert html.escape(CASE_TITLE) in page.body, upstream

    outsider = Browser(machines.proxy)
    outsider.cookies["sessionid"] = browser.cookies["sessionid"] + "x"
    assert outsider.get(case_path).status == 302  # a session only the database knows
    return browser


def _check_a_job_enqueued_through_one_is_run_beside_the_other(
        machines: Machines, browser: Browser) -> None:
    path = f"/casussen/{machines.case_id}/afspraken/nieuw/"
    due = (dt.datetime.now(tz=dt.UTC).date() + dt.timedelta(days=14)).isoformat()
    added = browser.form_post(path, {
        "agreement-description": "Gesprek met de ouders plannen",
        "agreement-owner": str(machines.colleague_id), "agreement-due_date": due})
    assert added.status == 302, (added.status, added.body[:2000])
    enqueued_by = added.headers["x-upstream"]
    assert _email_jobs(machines.database_url) == [("READY", [], None)]

    beside = _other(machines, enqueued_by)
    env = machines.envs[beside]
    manage(["db_worker", "--queue-name", "*", "--batch", "--worker-id", "beside-" + beside,
            "-v", "0"], env)

    assert _email_jobs(machines.database_url) == [("SUCCESSFUL", ["beside-" + beside], 1)]
    mail_of = {upstream: Path(env["EMAIL_URL"].removeprefix("filemail:///"))
               for upstream, env in machines.envs.items()}
    sent = [path.read_text() for path in mail_of[beside].iterdir()]
    assert len(sent) == 1, sent
    assert "p.smit@example.org" in sent[0], sent
    assert not list(mail_of[enqueued_by].iterdir())


# One test, so that pytest-xdist never starts the two machines twice for this module (and the
# authenticator's code, which works once, is used once).
def test_two_machines_behind_nginx(machines: Machines) -> None:
    _check_round_robin(machines)
    browser = _check_signed_in_through_one_goes_on_through_the_other(machines)
    _check_a_job_enqueued_through_one_is_run_beside_the_other(machines, browser)
