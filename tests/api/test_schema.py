"""The OpenAPI document is generated without warnings, and the read endpoints hold to it
(schemathesis against the live schema, with a token of the world's client)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import schemathesis
from django.core.management import call_command
from django.test.client import ClientHandler
from hypothesis import settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.api.conftest import SystemClient, token_for

pytestmark = pytest.mark.django_db


def test_the_schema_is_generated_without_warnings(tmp_path: object) -> None:
    call_command("spectacular", "--validate", "--fail-on-warn",
                 "--file", str(tmp_path) + "/schema.yaml")


# The read endpoints against the live schema: every generated request (ids, filters, cursors,
# page sizes) is answered as the schema says, with a token of the world's client.
def _application(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
    """The project as a WSGI application through Django's test handler, which keeps the
    test's database connection (the plain WSGI handler closes it after each request)."""
    response = ClientHandler(enforce_csrf_checks=False)(environ)
    start_response(f"{response.status_code} {response.reason_phrase}",
                   [(name, value) for name, value in response.items()])
    content: bytes = response.content  # type: ignore[attr-defined]
    return [content]


schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", _application)


@pytest.fixture
def bearer(system: SystemClient) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_for(system)['access_token']}"}


@schema.include(method="GET").parametrize()
@settings(max_examples=15)
def test_the_read_endpoints_keep_to_the_schema(case: Any, bearer: dict[str, str]) -> None:
    case.call_and_validate(headers=bearer)


# The imports (EDEXML, attendance) against the schema too: whatever file or form is sent, the
# answer is one the schema documents (mostly a 400 problem), never a server error. A file the
# schema allows (any bytes) is rarely a valid export, so "schema-valid data is accepted"
# (`positive_data_acceptance`) is the one check left out here.
@schema.include(method="POST", path_regex="edexml|verzuimimports").parametrize()
@settings(max_examples=15)
def test_the_import_endpoints_keep_to_the_schema(case: Any, bearer: dict[str, str]) -> None:
    case.call_and_validate(headers=bearer, excluded_checks=[positive_data_acceptance])
