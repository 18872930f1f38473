from __future__ import annotations

import base64
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from schakel.api.models import ApiClient
from tests.conftest import World

pytestmark = pytest.mark.django_db


def test_the_command_prints_id_and_secret_once(world: World) -> None:
    out = StringIO()
    call_command("api_client_create", "--organisation", str(world.school.organisation.pk),
                 "--name", "Leerlingadministratie", "--scopes", "organisaties:lezen",
                 "leerlingen:schrijven", stdout=out)
    lines = dict(line.split(": ", 1) for line in out.getvalue().splitlines() if ": " in line)
    client = ApiClient.objects.get(name="Leerlingadministratie")
    assert client.organisation == world.school.organisation
    assert client.scope_list == ["organisaties:lezen", "leerlingen:schrijven"]
    assert lines["client_id"] == client.application.client_id
    assert client.application.client_secret != lines["client_secret"]
    basic = base64.b64encode(f"{lines['client_id']}:{lines['client_secret']}".encode()).decode()
    response = Client().post("/api/v1/token/", {"grant_type": "client_credentials"},
                             HTTP_AUTHORIZATION=f"Basic {basic}")
    assert response.status_code == 200


def test_the_command_refuses_a_name_in_use_and_unknown_organisations(world: World) -> None:
    args = ["--name", "Dubbel", "--scopes", "organisaties:lezen"]
    call_command("api_client_create", "--organisation", str(world.school.organisation.pk), *args,
                 stdout=StringIO())
    with pytest.raises(CommandError, match="exists already"):
        call_command("api_client_create", "--organisation",
                     str(world.school.organisation.pk), *args, stdout=StringIO())
    with pytest.raises(CommandError, match="Unknown organisation"):
        call_command("api_client_create", "--organisation", "999999", *args, stdout=StringIO())
