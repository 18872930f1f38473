"""A real OpenID provider on 127.0.0.1 for the tests: `oidc_provider.mjs` (the `oidc-provider`
package from npm, installed by `npm ci`) run with Node. Schakel is configured for it the way an
operator configures production: the environment variables of `schakel.settings.oidc`, with the
endpoints from the provider's discovery document."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from django.conf import settings as django_settings

from schakel.settings.oidc import authentication_backends, oidc_settings

SCRIPT = Path(__file__).with_name("oidc_provider.mjs")
CLIENT_ID = "schakel-test"
CLIENT_SECRET = "a-client-secret-for-the-tests-only"
PASSWORD = "idp-password-42"  # every account's, at the provider only

# The provider's accounts: Anne's e-mail address is a professional's in Schakel (the tests make
# her with the factory), the stranger's is nobody's, and Piet's is a professional's too, but the
# provider has not verified it.
ANNE_EMAIL = "anne.de.vries@ggd.example"
STRANGER_EMAIL = "stranger@elsewhere.example"
PIET_EMAIL = "piet.jansen@ggd.example"
ACCOUNTS = {
    "anne": {"email": ANNE_EMAIL.upper(), "email_verified": True},  # case does not matter
    "stranger": {"email": STRANGER_EMAIL, "email_verified": True},
    "piet": {"email": PIET_EMAIL, "email_verified": False},
}
STARTUP_SECONDS = 20


@dataclass(frozen=True)
class RunningProvider:
    issuer: str
    discovery: dict[str, Any]
    client_secret: str

    def environment(self, **extra: str) -> dict[str, str]:
        """The environment variables an operator sets for this provider (docs/security.md)."""
        return {
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": self.client_secret,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": self.discovery["authorization_endpoint"],
            "OIDC_OP_TOKEN_ENDPOINT": self.discovery["token_endpoint"],
            "OIDC_OP_USER_ENDPOINT": self.discovery["userinfo_endpoint"],
            "OIDC_OP_JWKS_ENDPOINT": self.discovery["jwks_uri"],
            **extra,
        }


def node() -> str:
    path = shutil.which("node")
    if path is None:
        raise FileNotFoundError("Node 20+ is needed for the OpenID provider of the tests")
    return path


def _discovery(issuer: str, process: subprocess.Popen[str], log: Path) -> dict[str, Any]:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the OpenID provider stopped: {log.read_text()}")
        try:
            response = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=2)
            if response.ok:
                document: dict[str, Any] = response.json()
                return document
        except requests.ConnectionError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"the OpenID provider did not answer: {log.read_text()}")
        time.sleep(0.1)


@contextmanager
def provider_running(*, redirect_uris: list[str],
                     client_secret: str = CLIENT_SECRET) -> Iterator[RunningProvider]:
    """Start the provider with Schakel's client registered for `redirect_uris` (a public
    client when `client_secret` is empty), wait until its discovery document answers, and stop
    it afterwards."""
    config = {
        "client_id": CLIENT_ID, "client_secret": client_secret, "redirect_uris": redirect_uris,
        "accounts": {name: {**claims, "password": PASSWORD} for name, claims in ACCOUNTS.items()},
    }
    env = {**os.environ, "SCHAKEL_TEST_OIDC": json.dumps(config)}
    with tempfile.NamedTemporaryFile("w+", suffix=".log", prefix="oidc-provider-") as log:
        process = subprocess.Popen(  # noqa: S603
            [node(), str(SCRIPT)], env=env, cwd=django_settings.BASE_DIR, text=True,
            stdout=subprocess.PIPE, stderr=log)
        try:
            assert process.stdout is not None
            first_line = process.stdout.readline()
            if not first_line:
                process.wait(timeout=STARTUP_SECONDS)
                raise RuntimeError(
                    f"the OpenID provider did not start: {Path(log.name).read_text()}")
            issuer = str(json.loads(first_line)["issuer"])
            yield RunningProvider(issuer=issuer, client_secret=client_secret,
                                  discovery=_discovery(issuer, process, Path(log.name)))
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:  # pragma: no cover - a hung provider
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()


def configure_schakel(settings: Any, provider: RunningProvider, **extra: str) -> None:
    """Switch Schakel's OpenID Connect sign-in on for the provider (pytest-django's `settings`),
    from the same environment variables and functions as `schakel.settings.base`."""
    for key, value in oidc_settings(provider.environment(**extra)).items():
        setattr(settings, key, value)
    settings.AUTHENTICATION_BACKENDS = authentication_backends(
        list(settings.AUTHENTICATION_BACKENDS), oidc_enabled=settings.SCHAKEL_OIDC_ENABLED)
