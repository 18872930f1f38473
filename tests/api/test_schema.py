"""The OpenAPI document is generated without warnings, and the read endpoints hold to it
(schemathesis against the live schema, with a token of the world's client)."""

from __future__ import annotations

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_schema_is_generated_without_warnings(tmp_path: object) -> None:
    call_command("spectacular", "--validate", "--fail-on-warn",
                 "--file", str(tmp_path) + "/schema.yaml")
