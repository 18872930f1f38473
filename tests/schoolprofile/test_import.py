"""The regional monitor's CSV: the happy path, each kind of bad input (per row, in Dutch
through gettext, nothing stored), and that importing again changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent
from schakel.schoolprofile.models import MonitorFigure, MonitorSnapshot
from schakel.schoolprofile.services import school_monitor_import
from tests.schoolprofile.conftest import ProfileWorld, monitor_csv

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 4)


def _import(pw: ProfileWorld, content: bytes):
    return school_monitor_import(actor=pw.world.actor(pw.policy_officer), content=content,
                                 file_name="monitor.csv", today=TODAY)


def test_a_valid_file_is_stored_with_an_access_log_row(pw: ProfileWorld) -> None:
    result = _import(pw, monitor_csv(pw.world.school.brin))
    assert (result.created, result.replaced, result.unchanged) == (1, 0, 0)
    snapshot = MonitorSnapshot.objects.get()
    assert snapshot.reference_date == dt.date(2026, 10, 1)
    assert MonitorFigure.objects.filter(snapshot=snapshot).count() == 7
    assert AccessEvent.objects.filter(event_code=EventCode.SCHOOL_MONITOR_IMPORT,
                                      object_id=str(snapshot.pk)).count() == 1


def test_importing_the_same_file_again_changes_nothing(pw: ProfileWorld) -> None:
    _import(pw, monitor_csv(pw.world.school.brin))
    ids = list(MonitorFigure.objects.values_list("pk", flat=True))
    again = _import(pw, monitor_csv(pw.world.school.brin))
    assert (again.created, again.replaced, again.unchanged) == (0, 0, 1)
    assert list(MonitorFigure.objects.values_list("pk", flat=True)) == ids
    changed = _import(pw, monitor_csv(pw.world.school.brin, pupils=121, borne=21))
    assert changed.replaced == 1
    assert MonitorFigure.objects.get(category="Borne").count == 21


def test_the_core_team_imports_for_its_own_school(pw: ProfileWorld) -> None:
    w = pw.world
    school_monitor_import(actor=w.actor(w.core_member), content=monitor_csv(w.school.brin),
                          file_name="m.csv", today=TODAY)
    with pytest.raises(ValidationError, match="You do not import"):
        school_monitor_import(actor=w.actor(w.core_member),
                              content=monitor_csv(w.other_school.brin), file_name="m.csv",
                              today=TODAY)


@pytest.mark.parametrize(("content", "words"), [
    (b"", "The file is empty"),
    (b"brin;peildatum;aantal\nX;1-10-2026;3\n", "Columns missing: onderdeel, categorie"),
    (b"brin;peildatum;onderdeel;categorie;aantal\n", "no rows below its header"),
])
def test_a_bad_file(pw: ProfileWorld, content: bytes, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        _import(pw, content)
    assert not MonitorSnapshot.objects.exists()


@pytest.mark.parametrize(("row", "words"), [
    ("ZZ99ZZ;01-10-2026;leerlingen;totaal;5", "Line 10, column brin: No school with BRIN"),
    ("{brin};31-02-2026;leerlingen;totaal;5", "Line 10, column peildatum: Not a date"),
    ("{brin};01-10-2027;leerlingen;totaal;5", "Line 10, column peildatum: The reference date"),
    ("{brin};01-10-2026;leerkrachten;totaal;5", "Line 10, column onderdeel: Unknown section"),
    ("{brin};01-10-2026;verwijzer;buurvrouw;5", "Line 10, column categorie: Category buurvrouw"),
    ("{brin};01-10-2026;leerlingen;allemaal;5", "Line 10, column categorie: Category allemaal"),
    ("{brin};01-10-2026;herkomstgemeente;Delden;-3", "Line 10, column aantal: Not a whole"),
    ("{brin};01-10-2026;herkomstgemeente;Delden;drie", "Line 10, column aantal: Not a whole"),
    ("{brin};01-10-2026;herkomstgemeente;Borne;20", "Line 10, column categorie: This row repeats"
     " line 4"),
])
def test_a_bad_row_names_its_line_and_column(pw: ProfileWorld, row: str, words: str) -> None:
    brin = pw.world.school.brin
    content = monitor_csv(brin) + b"\n" + row.format(brin=brin).encode() + b"\n"
    with pytest.raises(ValidationError) as raised:
        _import(pw, content)
    assert any(words in message for message in raised.value.messages), raised.value.messages
    assert not MonitorSnapshot.objects.exists()


def test_parts_that_do_not_add_up_to_their_total(pw: ProfileWorld) -> None:
    with pytest.raises(ValidationError) as raised:
        _import(pw, monitor_csv(pw.world.school.brin, hengelo=90))
    assert raised.value.messages == [
        "Line 2, column aantal: The rows of herkomstgemeente add up to 110, but the total of "
        "leerlingen is 120."]
    assert not MonitorSnapshot.objects.exists()


def test_all_errors_at_once_and_nothing_stored(pw: ProfileWorld) -> None:
    good = monitor_csv(pw.world.other_school.brin).decode().split("\n", 1)[1]
    bad = (monitor_csv(pw.world.school.brin, care=200).decode() + good
           + f"{pw.world.school.brin};01-10-2026;aanbieder;Mediant;veel\n").encode()
    with pytest.raises(ValidationError) as raised:
        _import(pw, bad)
    assert len(raised.value.messages) >= 2
    assert not MonitorSnapshot.objects.exists()


def test_the_command_imports_as_the_page_does(pw: ProfileWorld, tmp_path) -> None:
    path = tmp_path / "monitor.csv"
    path.write_bytes(monitor_csv(pw.world.school.brin))
    call_command("schoolprofile_import", str(path), "--user", pw.policy_officer.user.username)
    assert MonitorSnapshot.objects.count() == 1
    path.write_bytes(b"brin;peildatum\n")
    with pytest.raises(CommandError, match="Columns missing"):
        call_command("schoolprofile_import", str(path), "--user",
                     pw.policy_officer.user.username)
