"""`manage.py attendance_import FILE --profile ID --user NAME`, with its progress bar."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from schakel.attendance.models import AbsenceRecord
from tests.attendance.support import AttendanceWorld, magister_csv

pytestmark = pytest.mark.django_db


def test_the_command_imports_with_a_progress_bar(att: AttendanceWorld, tmp_path: Path) -> None:
    path = tmp_path / "absenties.csv"
    path.write_text(magister_csv(att.monday), encoding="utf-8")
    out = io.StringIO()
    call_command("attendance_import", str(path), profile=att.profiles["magister"].pk,
                 user=att.core.user.username, stdout=out)
    text = out.getvalue()
    assert f"\r[{'#' * 30}] 4/4 rows checked" in text
    assert "writing 4 rows" in text
    assert "done; CSV, read as UTF-8; 4 rows, 4 new, 0 changed, 0 unchanged, 0 refused" in text
    assert AbsenceRecord.objects.count() == 4
    call_command("attendance_import", str(path), profile=att.profiles["magister"].pk,
                 user=att.core.user.username, stdout=out)
    assert "0 new, 0 changed, 4 unchanged" in out.getvalue()


def test_the_command_refuses_a_teacher_and_a_bad_file(att: AttendanceWorld,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "absenties.csv"
    path.write_text(magister_csv(att.monday).replace(";1001;", ";4242;"), encoding="utf-8")
    with pytest.raises(CommandError, match="may not import"):
        call_command("attendance_import", str(path), profile=att.profiles["magister"].pk,
                     user=att.teacher.user.username, stdout=io.StringIO())
    with pytest.raises(CommandError, match="nothing imported"):
        call_command("attendance_import", str(path), profile=att.profiles["magister"].pk,
                     user=att.core.user.username, stdout=io.StringIO(), stderr=io.StringIO())
    assert not AbsenceRecord.objects.exists()
