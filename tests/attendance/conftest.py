"""The attendance world of every test here (`support.AttendanceWorld`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

from schakel.attendance.layouts import DEFAULT_CODES
from schakel.attendance.models import ImportProfile, Layout
from tests.attendance.support import AttendanceWorld, last_monday
from tests.factories import ChildFactory, EnrolmentFactory, ProfessionalFactory, SchoolFactory


@pytest.fixture
def att(tmp_path: Path, settings: object) -> AttendanceWorld:
    settings.SCHAKEL_ATTENDANCE_UPLOAD_ROOT = str(tmp_path / "uploads")  # type: ignore[attr-defined]
    settings.SCHAKEL_ATTENDANCE_PARQUET_ROOT = str(tmp_path / "records")  # type: ignore[attr-defined]
    school = SchoolFactory(secondary=True, name="Het Stedelijk")
    other = SchoolFactory(name="Het Anker")
    core = ProfessionalFactory(support_coordinator=True, organisation=school.organisation,
                               core_team_of=school, full_name="Ilse Kern")
    teacher = ProfessionalFactory(teacher=True, organisation=school.organisation)
    tina = ChildFactory(first_name="Tina", last_name="van 't Riet")
    bram = ChildFactory(first_name="Bram", last_name="de Vries")
    moved = ChildFactory(first_name="Mo", last_name="Verhuisd")
    EnrolmentFactory(child=tina, school=school, pupil_number="1001")
    EnrolmentFactory(child=bram, school=school, pupil_number="1002")
    today = timezone.localdate()
    EnrolmentFactory(child=moved, school=school, pupil_number="1003",
                     start_date=today - dt.timedelta(days=400),
                     end_date=today - dt.timedelta(days=14))
    EnrolmentFactory(child=moved, school=other, pupil_number="1003",
                     start_date=today - dt.timedelta(days=13))
    profiles = {layout: ImportProfile.objects.create(
        school=school, name=str(layout), layout=layout, code_mapping=DEFAULT_CODES[layout])
        for layout in Layout.values}
    return AttendanceWorld(school=school, other_school=other, core=core, teacher=teacher,
                           tina=tina, bram=bram, moved=moved, monday=last_monday(),
                           profiles=profiles)
