"""`signalen`: raised through a client for a professional of its organisation, with the
signals' own service and rules; the status read by the raising client only."""

from __future__ import annotations

from typing import Any

import pytest

from schakel.api.models import ClientSignal
from schakel.audit.models import AccessEvent
from schakel.signals.models import Signal, SignalStatus, Theme
from tests.api.conftest import Api, SystemClient, token_for
from tests.conftest import World, take_snapshot
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/signalen/"


@pytest.fixture
def theme(db: None) -> Theme:
    return Theme.objects.filter(code="welbevinden").first() or ThemeFactory(code="welbevinden")


def _payload(world: World, theme: Theme, **extra: Any) -> dict[str, Any]:
    return {"school": world.school.pk, "melder": world.teacher.pk, "niveau": "child",
            "leerling": world.child.pk, "thema": theme.code,
            "omschrijving": "Bas is al weken stil in de klas.", **extra}


def test_a_signal_is_raised_for_the_teacher_and_its_status_read(
        api: Api, world: World, theme: Theme) -> None:
    response = api.post(URL, _payload(world, theme))
    assert response.status_code == 201, response.content
    body = response.json()
    signal = Signal.objects.get(pk=body["id"])
    assert signal.raised_by == world.teacher
    assert signal.child == world.child
    assert body["status"] == SignalStatus.NEW
    assert ClientSignal.objects.filter(signal=signal, client__name="ParnasSys De Esch").exists()
    raise_row = AccessEvent.objects.get(event_code="signal.raise", object_id=str(signal.pk))
    assert raise_row.source_system == "ParnasSys De Esch"
    assert raise_row.user_id == world.teacher.user_id
    status = api.get(f"{URL}{signal.pk}/")
    assert status.status_code == 200
    assert status.json() == {"id": signal.pk, "status": "new", "school": world.school.pk,
                             "niveau": "child", "gemeld_op": status.json()["gemeld_op"]}
    assert "omschrijving" not in status.json()
    assert AccessEvent.objects.filter(event_code="signal.view", object_id=str(signal.pk),
                                      source_system="ParnasSys De Esch").exists()


def test_only_the_raising_client_reads_a_signals_status(
        api: Api, world: World, theme: Theme, other_system: SystemClient) -> None:
    other = Api(token_for(other_system)["access_token"])
    signal_id = api.post(URL, _payload(world, theme)).json()["id"]
    assert other.get(f"{URL}{signal_id}/").status_code == 404
    # A signal raised on the pages is no client's.
    assert api.get(f"{URL}{world.signal.pk}/").status_code == 404


def test_a_professional_of_another_organisation_cannot_be_the_reporter(
        api: Api, world: World, theme: Theme) -> None:
    before = Signal.objects.count()
    response = api.post(URL, _payload(world, theme, melder=world.nurse.pk))
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalid-params"]] == ["melder"]
    assert Signal.objects.count() == before


def test_the_signals_own_rules_apply(api: Api, world: World, theme: Theme) -> None:
    before = take_snapshot()
    response = api.post(URL, _payload(world, theme, niveau="class", leerling=None))
    assert response.status_code == 400
    assert response.json()["invalid-params"] == [
        {"name": "klas", "reason": "Choose a class of this school."}]
    after = take_snapshot()
    assert after["signals.Signal"] == before["signals.Signal"]


def test_a_child_not_at_the_school_is_refused(api: Api, world: World, theme: Theme) -> None:
    response = api.post(URL, _payload(world, theme, school=world.school.pk, leerling=999999))
    assert response.status_code == 400
    assert response.json()["invalid-params"][0]["name"] == "leerling"


def test_a_class_signal(api: Api, world: World, theme: Theme) -> None:
    response = api.post(URL, _payload(world, theme, niveau="class", leerling=None,
                                      klas=world.school_class.pk))
    assert response.status_code == 201
    assert Signal.objects.get(pk=response.json()["id"]).school_class == world.school_class
