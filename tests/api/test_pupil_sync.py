"""`leerlingen/synchronisatie`: pupils of one school by pupil number and onderwijsnummer."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, strategies as st

from schakel.audit.models import AccessEvent
from schakel.children.models import Child, Enrolment
from tests.api.conftest import Api, SystemClient, token_for
from tests.conftest import World, assert_nothing_changed, take_snapshot
from tests.factories import today

pytestmark = pytest.mark.django_db

URL = "/api/v1/leerlingen/synchronisatie/"


def _row(number: str, **fields: str) -> dict[str, str]:
    return {"leerlingnummer": number, "voornaam": "Sem", "achternaam": "de Boer",
            "geboortedatum": "2017-03-04", **fields}


def _sync(api: Api, world: World, rows: list[dict[str, str]], **extra: Any) -> dict[str, Any]:
    response = api.post(URL, {"school": world.school.pk, "leerlingen": rows, **extra})
    assert response.status_code == 200, response.content
    body: dict[str, Any] = response.json()
    return body


def _results(body: dict[str, Any]) -> list[str]:
    return [row["resultaat"] for row in body["leerlingen"]]


def test_new_pupils_are_created_and_the_same_batch_again_changes_nothing(
        api: Api, world: World) -> None:
    rows = [_row("1001", onderwijsnummer="123456789", klas="groep 4"), _row("1002")]
    first = _sync(api, world, rows)
    assert _results(first) == ["created", "created"]
    child = Child.objects.get(education_number="123456789")
    enrolment = Enrolment.objects.get(school=world.school, pupil_number="1001")
    assert enrolment.child == child
    assert enrolment.school_class == world.school_class
    assert first["leerlingen"][0]["leerling"] == child.pk
    before = take_snapshot()
    assert _results(_sync(api, world, rows)) == ["unchanged", "unchanged"]
    after = take_snapshot()
    assert {k: v for k, v in after.items() if k != "audit.AccessEvent"} == {
        k: v for k, v in before.items() if k != "audit.AccessEvent"}


def test_a_changed_pupil_is_updated(api: Api, world: World) -> None:
    _sync(api, world, [_row("1001")])
    body = _sync(api, world, [_row("1001", achternaam="Visser", klas="groep 4")])
    assert _results(body) == ["updated"]
    enrolment = Enrolment.objects.select_related("child").get(pupil_number="1001")
    assert enrolment.child.last_name == "Visser"
    assert enrolment.school_class == world.school_class


def test_a_known_onderwijsnummer_enrols_the_same_child(api: Api, world: World) -> None:
    world.child.education_number = "987654321"
    world.child.save()
    body = _sync(api, world, [_row("2001", voornaam="Bas", achternaam="Jansen",
                                   geboortedatum=world.child.birth_date.isoformat(),
                                   onderwijsnummer="987654321")])
    # Bas is enrolled at this school already, under the world's own pupil number.
    assert _results(body) == ["error"]
    assert "another pupil number" in body["leerlingen"][0]["melding"]


@pytest.mark.parametrize(("fields", "message"), [
    ({"geboortedatum": "4-3-2017"}, "not a date"),
    ({"onderwijsnummer": "12345"}, "9 digits"),
    ({"voornaam": ""}, "first name"),
    ({"klas": "groep 9"}, "no class"),
    ({"geboortedatum": "2999-01-01"}, "future"),
])
def test_a_bad_row_is_an_error_that_changes_nothing(api: Api, world: World,
                                                    fields: dict[str, str],
                                                    message: str) -> None:
    before = take_snapshot()
    body = _sync(api, world, [_row("3001", **fields)])
    assert _results(body) == ["error"]
    assert message in body["leerlingen"][0]["melding"]
    assert body["leerlingen"][0]["leerling"] is None
    after = take_snapshot()
    assert {k: v for k, v in after.items() if k != "audit.AccessEvent"} == {
        k: v for k, v in before.items() if k != "audit.AccessEvent"}


def test_a_bad_row_leaves_the_good_rows(api: Api, world: World) -> None:
    body = _sync(api, world, [_row("3001"), _row("3002", geboortedatum="gisteren"),
                              _row("3001")])
    assert _results(body) == ["created", "error", "error"]
    assert "more than once" in body["leerlingen"][2]["melding"]
    assert Enrolment.objects.filter(pupil_number__in=["3001", "3002"]).count() == 1


def test_a_full_sync_marks_missing_pupils_as_left(api: Api, world: World) -> None:
    bas = Enrolment.objects.get(child=world.child, school=world.school)
    body = _sync(api, world, [_row("4001")], volledig=True)
    assert body["uitgeschreven"] == [bas.pupil_number]
    bas.refresh_from_db()
    assert bas.end_date == today()
    assert Child.objects.filter(pk=world.child.pk).exists()  # never deleted
    again = _sync(api, world, [_row("4001")], volledig=True)
    assert again["uitgeschreven"] == []
    assert _results(again) == ["unchanged"]
    # Back at school: the enrolment is open again.
    back = _sync(api, world, [_row("4001"), _row(
        bas.pupil_number, voornaam="Bas", achternaam="Jansen",
        geboortedatum=world.child.birth_date.isoformat(), klas="groep 4")], volledig=True)
    assert _results(back) == ["unchanged", "updated"]
    bas.refresh_from_db()
    assert bas.end_date is None


def test_a_partial_sync_leaves_the_others(api: Api, world: World) -> None:
    assert _sync(api, world, [_row("4001")])["uitgeschreven"] == []
    assert Enrolment.objects.get(child=world.child).end_date is None


def test_an_empty_full_sync_is_refused(api: Api, world: World) -> None:
    before = take_snapshot()
    response = api.post(URL, {"school": world.school.pk, "leerlingen": [], "volledig": True})
    assert response.status_code == 400
    assert response.json()["invalid-params"][0]["name"] == "leerlingen"
    assert_nothing_changed(before)


def test_another_organisations_school_is_404_and_logged(api: Api, world: World) -> None:
    before = take_snapshot()
    response = api.post(URL, {"school": world.other_school.pk, "leerlingen": [_row("1")]})
    assert response.status_code == 404
    assert_nothing_changed(before, denied_rows=1)


def test_the_access_log_names_the_client(api: Api, world: World) -> None:
    _sync(api, world, [_row("5001")], volledig=True)
    rows = AccessEvent.objects.filter(event_code__startswith="pupil.sync")
    assert {row.source_system for row in rows} == {"ParnasSys De Esch"}
    assert {(row.event_code, row.action) for row in rows} == {
        ("pupil.sync_change", "C"), ("pupil.sync_change", "U"), ("pupil.sync", "E")}
    assert rows.filter(child_id=world.child.pk, action="U").exists()  # Bas left
    assert {row.basis for row in rows} == {"administration"}
    assert {row.organisation_name for row in rows} == {world.school.organisation.name}
    assert {row.user_name for row in rows} == {"ParnasSys De Esch"}


_NUMBERS = st.sampled_from(["1", "2", "3", "10", "11"])
_ROWS = st.lists(st.fixed_dictionaries({
    "leerlingnummer": _NUMBERS,
    "onderwijsnummer": st.sampled_from(["", "111111111", "222222222", "12"]),
    "voornaam": st.sampled_from(["Sem", "Lotte", ""]),
    "achternaam": st.sampled_from(["de Boer", "Visser"]),
    "geboortedatum": st.sampled_from(["2016-01-31", "2018-02-30", "2017-12-01"]),
    "klas": st.sampled_from(["", "groep 4", "groep 9"]),
}), max_size=6)


@given(rows=_ROWS, full=st.booleans())
def test_any_batch_applied_twice_changes_nothing_the_second_time(
        world: World, system: SystemClient, rows: list[dict[str, str]], full: bool) -> None:
    api = Api(token_for(system)["access_token"])
    if full and not rows:
        return
    first = _sync(api, world, rows, volledig=full)
    second = _sync(api, world, rows, volledig=full)
    assert second["uitgeschreven"] == []
    for before, after in zip(first["leerlingen"], second["leerlingen"], strict=True):
        if before["resultaat"] == "error":
            assert after["resultaat"] == "error"
        else:
            assert after["resultaat"] == "unchanged", (before, after)
            assert after["leerling"] == before["leerling"]
