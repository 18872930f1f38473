"""Starting Schakel as production runs it, for the tests that speak HTTP to it
(tests/settings/test_production_start.py, tests/settings/test_two_machines.py): a PostgreSQL
database of their own, the production settings in the environment, `manage.py` commands and
gunicorn with `deploy/gunicorn.conf.py` as subprocesses, and a client that speaks HTTP as the
reverse proxy does.

The PostgreSQL server is that of DATABASE_URL on the PostgreSQL run, otherwise
postgres://postgres@127.0.0.1:5432 (CI has one on both runs).
"""

from __future__ import annotations

import binascii
import json
import os
import re
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.client import HTTPConnection, HTTPResponse
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import psycopg
from django_otp.oath import totp
from psycopg import sql

ROOT = Path(__file__).resolve().parents[1]
SECRET = "q3!Vb8@Lm2#Xr7$Tn5%Wz1^Kc9&Hp4*Jd6(Fs0)Gy2_Ue8+Ao3=Ri7~Ol5-Me1"
PASSWORD = "een-lang-productie-wachtwoord-42"
CASE_TITLE = "Zorgen over 't welbevinden in groep 6"
START_TIMEOUT = 60.0

# Run with the production settings (`manage.py shell -c`): the world of one sign-in, through the
# models and `case_open`, printed as JSON.
SETUP = """
import datetime as dt, json
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from schakel.access.actor import Actor
from schakel.accounts.models import User
from schakel.cases.services.lifecycle import case_open
from schakel.cases.models import Involvement
from schakel.children.models import Child, Enrolment
from schakel.organisations.models import (
    Function, Organisation, Professional, Region, School, SchoolType, Sector)
from schakel.teams.models import Team, TeamLayer, TeamMembership

year_ago = timezone.localdate() - dt.timedelta(days=365)
region = Region.objects.create(name="Regio Twente")
board = Organisation.objects.create(
    name="Stichting Primair Onderwijs", sector=Sector.EDUCATION, region=region,
    municipality="Hengelo")
school = School.objects.create(
    organisation=board, name="Basisschool De Linde", brin="09XX00", school_type=SchoolType.PO,
    municipality="Hengelo")
user = User.objects.create_user(
    username="m.jansen", password=PASSWORD, first_name="Marieke", last_name="Jansen",
    email="m.jansen@example.org")
professional = Professional.objects.create(
    user=user, organisation=board, function=Function.SUPPORT_COORDINATOR,
    full_name="Marieke Jansen", email=user.email)
team = Team.objects.create(school=school, layer=TeamLayer.CORE, name="Zorgteam De Linde")
TeamMembership.objects.create(team=team, professional=professional, start_date=year_ago)
child = Child.objects.create(
    first_name="Bas", last_name="van 't Riet", birth_date=dt.date(2017, 3, 14),
    education_number="123456782")
Enrolment.objects.create(child=child, school=school, pupil_number="1001", start_date=year_ago)
device = TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=True)
actor = Actor(user=user, professional=professional, ip_address="127.0.0.1")
case = case_open(actor=actor, school=school, title=CASE_TITLE, child=child)
colleague_user = User.objects.create_user(
    username="p.smit", first_name="Pieter", last_name="Smit", email="p.smit@example.org")
colleague = Professional.objects.create(
    user=colleague_user, organisation=board, function=Function.SUPPORT_COORDINATOR,
    full_name="Pieter Smit", email=colleague_user.email)
TeamMembership.objects.create(team=team, professional=colleague, start_date=year_ago)
Involvement.objects.create(case=case, professional=colleague, part="Intern begeleider",
                           start_date=timezone.localdate(), added_by=professional)
print(json.dumps({"case_id": case.pk, "totp_key": device.key, "colleague_id": colleague.pk}))
"""


def free_port() -> int:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        return int(listener.getsockname()[1])


def server_url() -> str:
    """The PostgreSQL server to use, as a URL without a database name."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = "postgres://postgres@127.0.0.1:5432"
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "", "", ""))


def admin(server: str, statement: sql.Composed) -> None:
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def environment(database_url: str, tmp: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("DJANGO_", "SECRET_KEY", "DATABASE_URL", "STATIC_ROOT",
                                  "GUNICORN_", "ALLOWED_HOSTS", "EMAIL_"))}
    return {
        **clean,
        "DJANGO_SETTINGS_MODULE": "schakel.settings.production",
        "SECRET_KEY": SECRET,
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(tmp / "static"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SCHAKEL_AUDIT_ANCHOR_FILE": str(tmp / "audit-anchors.log"),
        # django-environ drops the first slash of the path: four for an absolute folder.
        "EMAIL_URL": f"filemail:///{tmp / 'mail'}",
        "GUNICORN_WORKERS": "2",
        "PYTHONPATH": str(ROOT / "src"),
    }


def manage(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def gunicorn(port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603 - our own configuration
            [sys.executable, "-m", "gunicorn", "--config", str(ROOT / "deploy/gunicorn.conf.py"),
             "--bind", f"127.0.0.1:{port}", "schakel.wsgi"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()
        try:
            if Browser(port).get("/healthz").status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise AssertionError(f"gunicorn did not answer /healthz:\n{log.read_text()}")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()  # SIGTERM: gunicorn's graceful shutdown
        try:
            process.wait(timeout=35)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str
    raw: bytes
    set_cookies: list[str]


@dataclass
class Browser:
    """HTTP as a browser behind the TLS-terminating proxy: cookies by hand (they are Secure,
    and the hop to gunicorn is plain HTTP), X-Forwarded-Proto on every request."""

    port: int
    cookies: dict[str, str] = field(default_factory=dict)

    def _send(self, method: str, path: str, body: bytes | None = None,
              headers: dict[str, str] | None = None) -> Answer:
        connection = HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {"X-Forwarded-Proto": "https", "Accept-Language": "nl", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=sent)
            response: HTTPResponse = connection.getresponse()
            raw = response.read()
            set_cookies = response.headers.get_all("Set-Cookie") or []
            for header in set_cookies:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return Answer(response.status, {k.lower(): v for k, v in response.getheaders()},
                          raw.decode("utf-8", "replace"), raw, set_cookies)
        finally:
            connection.close()

    def get(self, path: str) -> Answer:
        return self._send("GET", path)

    def post(self, path: str, data: dict[str, str]) -> Answer:
        origin = f"https://127.0.0.1:{self.port}"
        return self._send("POST", path, urlencode(data).encode(), {
            "Content-Type": "application/x-www-form-urlencoded", "Origin": origin,
            "Referer": origin + path})

    def form_post(self, path: str, data: dict[str, str]) -> Answer:
        """GET the form, then POST it with its CSRF token."""
        page = self.get(path)
        assert page.status == 200, (page.status, page.body[:500])
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
        assert token, page.body[:2000]
        return self.post(path, {"csrfmiddlewaretoken": token.group(1), **data})


@contextmanager
def postgres_database(prefix: str) -> Iterator[str]:
    """A fresh database on the server, dropped afterwards: its URL."""
    server = server_url()
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin(server, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield f"{server}/{name}"
    finally:
        admin(server, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))


def release(env: dict[str, str]) -> dict[str, Any]:
    """The release step (`migrate`, `collectstatic`), then the world of SETUP."""
    manage(["migrate", "--noinput", "-v", "0"], env)
    manage(["collectstatic", "--noinput", "-v", "0"], env)
    world: dict[str, Any] = json.loads(manage(["shell", "-v", "0", "-c", SETUP.replace(
        "PASSWORD", repr(PASSWORD)).replace("CASE_TITLE", repr(CASE_TITLE))], env))
    return world


def sign_in(browser: Browser, totp_key: str) -> tuple[Answer, Answer]:
    """Password, then the authenticator's code: both answers."""
    password = browser.form_post("/account/inloggen/",
                                 {"username": "m.jansen", "password": PASSWORD})
    assert password.status == 302, (password.status, password.body[:2000])
    assert password.headers["location"].startswith("/account/inloggen/code/")
    code = totp(binascii.unhexlify(totp_key.encode()))
    verified = browser.form_post("/account/inloggen/code/", {"code": f"{code:06d}"})
    assert verified.status == 302, (verified.status, verified.body[:2000])
    assert not verified.headers["location"].startswith("/account/"), verified.headers
    return password, verified
