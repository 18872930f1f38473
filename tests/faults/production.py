"""The production configuration for the fault tests, on the helpers of the production-start
test (tests/settings/test_production_start.py): gunicorn with deploy/gunicorn.conf.py and the
production settings, a professional signed in with password and TOTP code, and her case.
A conversation note (notes:add) is the write: the note and its access-log row are one
transaction (`note_write`)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from tests.production_support import (
    CASE_TITLE,
    PASSWORD,
    ROOT,
    SECRET,
    SETUP,
    START_TIMEOUT,
    Answer,
    Browser,
    environment as production_environment,
    manage as production_manage,
    sign_in,
)

__all__ = ["CASE_TITLE", "SECRET", "Answer", "Browser", "environment", "manage"]

METRICS_TOKEN = "fault-tests-metrics-token-0123456789abcdef"
UNAVAILABLE = "Schakel is tijdelijk niet beschikbaar"

# The case's notes and their access-log rows, and every acknowledged note's text, as JSON.
NOTES = """
import json
from schakel.audit.models import AccessEvent
from schakel.notes.models import ConversationNote
notes = list(ConversationNote.objects.filter(case_id=CASE_ID).values_list("text", flat=True))
events = AccessEvent.objects.filter(event_code="case.note", action="C", object_id=str(CASE_ID))
print(json.dumps({"notes": notes, "events": events.count()}))
"""


def environment(tmp: Path, *, database_url: str = "", sqlite_path: str = "",
                static_root: Path | None = None) -> dict[str, str]:
    """The production environment of `test_production_start`, on PostgreSQL (`database_url`)
    or on the SQLite default (`sqlite_path`), with the metrics endpoint on."""
    env = production_environment(database_url, tmp)
    if not database_url:
        del env["DATABASE_URL"]
        env["SQLITE_PATH"] = sqlite_path
    if static_root is not None:
        env["STATIC_ROOT"] = str(static_root)
    env["SCHAKEL_METRICS_TOKEN"] = METRICS_TOKEN
    env["PROMETHEUS_MULTIPROC_DIR"] = ""  # gunicorn.conf.py makes a fresh one
    return env


def manage(args: list[str], env: dict[str, str]) -> str:
    return production_manage(args, env)


@dataclass
class World:
    case_id: int
    totp_key: str


def world_create(env: dict[str, str]) -> World:
    made = json.loads(manage(["shell", "-v", "0", "-c", SETUP.replace(
        "PASSWORD", repr(PASSWORD)).replace("CASE_TITLE", repr(CASE_TITLE))], env))
    return World(case_id=made["case_id"], totp_key=made["totp_key"])


def gunicorn_start(port: int, env: dict[str, str], log: Path, *, own_session: bool = False,
                   preexec: Callable[[], None] | None = None) -> subprocess.Popen[bytes]:
    """gunicorn as the operator starts it; `own_session`: in a process group of its own, so
    that the master and its workers can be killed together; `preexec` runs in the child
    before gunicorn (a resource limit)."""
    with log.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603 - our own configuration
            [sys.executable, "-m", "gunicorn", "--config", str(ROOT / "deploy/gunicorn.conf.py"),
             "--bind", f"127.0.0.1:{port}", "schakel.wsgi"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=own_session, preexec_fn=preexec)
    deadline = time.monotonic() + START_TIMEOUT * 3
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()
        try:
            if Browser(port).get("/healthz").status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError(f"gunicorn did not answer /healthz:\n{log.read_text()}")


# The TOTP time step (30 s) of each key's last sign-in: a code is accepted once (django-otp
# refuses a step it has seen), so a second sign-in in the same step waits for the next one.
_LAST_STEP: dict[str, int] = {}
TOTP_STEP_SECONDS = 30


def signed_in(port: int, world: World) -> Browser:
    step = int(time.time() // TOTP_STEP_SECONDS)
    if _LAST_STEP.get(world.totp_key) == step:
        time.sleep((step + 1) * TOTP_STEP_SECONDS - time.time() + 0.5)
    browser = Browser(port)
    sign_in(browser, world.totp_key)
    _LAST_STEP[world.totp_key] = int(time.time() // TOTP_STEP_SECONDS)
    return browser


def note_path(world: World) -> str:
    return f"/casussen/{world.case_id}/gespreksverslagen/nieuw/"


def csrf_token(browser: Browser, world: World) -> str:
    page = browser.get(note_path(world))
    assert page.status == 200, (page.status, page.body[:1000])
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
    assert token, page.body[:2000]
    return token.group(1)


def note_post(browser: Browser, world: World, token: str, text: str) -> Answer:
    """POST a note; 302 means it was committed (the form's success)."""
    path = note_path(world)
    origin = f"https://127.0.0.1:{browser.port}"
    body = urlencode({"csrfmiddlewaretoken": token, "kind": "phone",
                      "held_on": time.strftime("%Y-%m-%d"), "participants": "Moeder",
                      "text": text, "category": "school"}).encode()
    return browser._send("POST", path, body, {
        "Content-Type": "application/x-www-form-urlencoded", "Origin": origin,
        "Referer": origin + path})


def notes_stored(env: dict[str, str], world: World) -> tuple[list[str], int]:
    """The case's notes' texts and the count of their access-log rows."""
    found = json.loads(manage(["shell", "-v", "0", "-c",
                               NOTES.replace("CASE_ID", str(world.case_id))], env))
    return found["notes"], found["events"]


def audit_verify(env: dict[str, str]) -> str:
    return manage(["audit_verify"], env)


def metrics(port: int) -> str:
    answer = Browser(port)._send("GET", "/metrics",
                                 headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    assert answer.status == 200, answer.body[:500]
    return answer.body
