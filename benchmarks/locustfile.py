"""The simulated users of the load test (`load.py` runs Locust with this file).

`PageUser`: a professional with cases, each user another one (from the world that
`load_world.py` prepared: a signed-in session each), going through a round of work again and
again: the case list, three of their case pages, the dashboard, raising a signal about a pupil
(the form, then the post) and adding an agreement to a case (the form as the case page fetches
it with htmx, then the post), thinking between the steps.

`ApiSignalUser`: a school's system raising a signal for one of its professionals and reading
its status. `ApiSyncUser` (always exactly one): a school's administration system
synchronising a whole school of 1,500 pupils: first into an empty school (every pupil
created), then every 30 s again with 30 pupils renamed (without pause in the run without
think time).

Requests go to gunicorn directly, with `X-Forwarded-Proto: https` as the TLS-terminating
reverse proxy sends it; the cookies are sent by hand because they are Secure (the hop is plain
HTTP, so a cookie jar would hold them back). Settings come from the environment:
SCHAKEL_LOAD_WORLD (the JSON file), SCHAKEL_LOAD_THINK ("1,3": seconds between steps, uniform;
"0": none), SCHAKEL_LOAD_STEP (which prepared sync school this run uses).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import os
import random
from collections.abc import Callable
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any, ClassVar

from locust import HttpUser, task

WORLD: dict[str, Any] = json.loads(Path(os.environ["SCHAKEL_LOAD_WORLD"]).read_text())
_THINK = [float(v) for v in os.environ.get("SCHAKEL_LOAD_THINK", "1,3").split(",")]
STEP = int(os.environ.get("SCHAKEL_LOAD_STEP", "0"))
PROXY = {"X-Forwarded-Proto": "https"}
SCHOOL_PUPILS = 1_500
RENAMED = 30
SYNC_PAUSE = 30.0  # seconds between two synchronisations (none in the run without think time)
FIRST_NAMES = ["Sem", "Emma", "Noah", "Julia", "Liam", "Mila", "Luuk", "Tess", "Finn", "Saar"]
LAST_NAMES = ["de Boer", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos"]


def think(_user: Any) -> float:
    return random.uniform(_THINK[0], _THINK[-1]) if _THINK[-1] > 0 else 0.0


class PageUser(HttpUser):
    wait_time = think
    _next: ClassVar = itertools.count()

    def on_start(self) -> None:
        users = WORLD["pages"]
        self.me: dict[str, Any] = users[next(self._next) % len(users)]
        self.cookies = {"sessionid": self.me["session"], "csrftoken": self.me["csrf"]}
        self.origin = str(self.host).replace("http://", "https://")
        self.client.cookies.clear()
        self.steps = self._round()
        self.position = -1

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return {**PROXY, "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
                **(extra or {})}

    def _keep_cookies(self, response: Any) -> None:
        for header in response.raw.headers.getlist("Set-Cookie"):
            for name, morsel in SimpleCookie(header).items():
                if name not in ("sessionid", "messages"):
                    continue
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        self.client.cookies.clear()

    def _get(self, path: str, name: str, extra: dict[str, str] | None = None) -> None:
        with self.client.get(path, name=name, headers=self._headers(extra),
                             allow_redirects=False, catch_response=True) as response:
            self._keep_cookies(response)
            if response.status_code != 200:
                response.failure(f"{response.status_code} {response.headers.get('Location', '')}")

    def _post(self, path: str, name: str, data: dict[str, Any]) -> None:
        headers = self._headers({"Origin": self.origin, "Referer": self.origin + path})
        with self.client.post(path, name=name, headers=headers, allow_redirects=False,
                              data={"csrfmiddlewaretoken": self.me["csrf"], **data},
                              catch_response=True) as response:
            self._keep_cookies(response)
            if response.status_code != 302:
                response.failure(f"{response.status_code}: the form was not accepted")

    def _round(self) -> list[Callable[[], None]]:
        """The steps of one round of work, one request each (Locust thinks between tasks,
        and at the end of a run lets the current request finish)."""
        me = self.me
        steps: list[Callable[[], None]] = [lambda: self._get("/casussen/", "case list")]
        for case in itertools.islice(itertools.cycle(me["cases"]), 3):
            steps.append(functools.partial(self._get, f"/casussen/{case}/", "case page"))
        steps.append(lambda: self._get("/", "dashboard"))
        signal = me["signal"]
        if signal:
            steps.append(lambda: self._get(f"/signalen/nieuw/?school={signal['school']}",
                                           "signal form"))
            steps.append(lambda: self._post("/signalen/nieuw/", "signal raise", {
                "school": signal["school"], "level": "child", "child": signal["child"],
                "theme": signal["theme"],
                "description": "Zit de laatste weken stil in de klas en eet niet in de pauze."}))
        path = f"/casussen/{me['agreement_case']}/afspraken/nieuw/"
        due = dt.date.today() + dt.timedelta(days=14)  # noqa: DTZ011 - the server's day
        steps.append(lambda: self._get(path, "agreement form (htmx)", {"HX-Request": "true"}))
        steps.append(lambda: self._post(path, "agreement add", {
            "agreement-description": "Mentor belt de ouders deze week.",
            "agreement-owner": me["owner"], "agreement-due_date": due.isoformat()}))
        return steps

    @task
    def next_step(self) -> None:
        self.position = (self.position + 1) % len(self.steps)
        self.steps[self.position]()


class _ApiUser(HttpUser):
    abstract = True
    scope = ""

    def _pause(self) -> None:
        self.wait()  # type: ignore[no-untyped-call]

    def _token(self, client: dict[str, Any]) -> None:
        response = self.client.post(
            "/api/v1/token/", name="token", headers=PROXY, auth=(client["client_id"],
                                                                 client["secret"]),
            data={"grant_type": "client_credentials", "scope": self.scope})
        token = response.json()["access_token"] if response.status_code == 200 else ""
        self.headers = {**PROXY, "Authorization": f"Bearer {token}"}


class ApiSignalUser(_ApiUser):
    wait_time = think
    scope = "signalen:schrijven"
    _next: ClassVar = itertools.count()

    def on_start(self) -> None:
        clients = WORLD["api"]["signal_clients"]
        self.me: dict[str, Any] = clients[next(self._next) % len(clients)]
        self._token(self.me)

    @task
    def raise_and_follow(self) -> None:
        with self.client.post("/api/v1/signalen/", name="POST signalen", headers=self.headers,
                              catch_response=True, json={
                                  "school": self.me["school"], "melder": self.me["melder"],
                                  "niveau": "child", "leerling": self.me["leerling"],
                                  "thema": self.me["thema"],
                                  "omschrijving": "Vaak te laat en moe in de eerste les."},
                              ) as response:
            if response.status_code != 201:
                response.failure(f"{response.status_code} {response.text[:200]}")
                return
            signal = response.json()["id"]
        self._pause()
        self.client.get(f"/api/v1/signalen/{signal}/", name="GET signalen/{id}",
                        headers=self.headers)


def pupils(school: dict[str, Any], rounds: int = 0) -> list[dict[str, str]]:
    """The 1,500 pupils of the school in eight classes, as the system sends them after
    `rounds` rounds: in each round another 30 (the next block, round the school) have been
    renamed, so that each round changes exactly 30."""
    base = 900_000_000 + school["school"] * 10_000
    blocks = SCHOOL_PUPILS // RENAMED
    today = dt.date.today()  # noqa: DTZ011 - the server's day
    rows = []
    for i in range(SCHOOL_PUPILS):
        grade = i % 8
        last = LAST_NAMES[i % len(LAST_NAMES)]
        renamed = len(range(i // RENAMED or blocks, rounds + 1, blocks))
        rows.append({
            "leerlingnummer": f"{10_000 + i}", "onderwijsnummer": str(base + i),
            "voornaam": FIRST_NAMES[i % len(FIRST_NAMES)],
            "achternaam": f"{last}-{renamed}" if renamed else last,
            "geboortedatum": dt.date(today.year - 5 - grade, 1 + i % 12, 1 + i % 28).isoformat(),
            "klas": school["classes"][grade]})
    return rows


def sync_pause(_user: Any) -> float:
    return SYNC_PAUSE if _THINK[-1] > 0 else 0.0


class ApiSyncUser(_ApiUser):
    fixed_count = 1
    wait_time = sync_pause
    scope = "leerlingen:schrijven"

    def on_start(self) -> None:
        self.school: dict[str, Any] = WORLD["api"]["sync"][STEP]
        self._token(self.school)
        self.rounds = 0
        self._sync(f"pupil sync {SCHOOL_PUPILS:,} (new school)", pupils(self.school))

    def _sync(self, name: str, rows: list[dict[str, str]]) -> None:
        with self.client.post("/api/v1/leerlingen/synchronisatie/", name=name,
                              headers=self.headers, timeout=120, catch_response=True,
                              json={"school": self.school["school"], "volledig": True,
                                    "leerlingen": rows}) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} {response.text[:200]}")
                return
            errors = [r for r in response.json()["leerlingen"] if r["resultaat"] == "error"]
            if errors:
                response.failure(f"{len(errors)} rows refused: {errors[0]['melding']}")

    @task
    def resync(self) -> None:
        self.rounds += 1
        self._sync(f"pupil sync {SCHOOL_PUPILS:,} ({RENAMED} changed)",
                   pupils(self.school, self.rounds))
