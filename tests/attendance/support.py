"""A school with its core-team member, two pupils and a profile per layout; files written
as the school systems export them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone

from schakel.access.actor import Actor
from schakel.attendance.models import AttendanceImport, ImportProfile, Layout
from schakel.attendance.services.run import attendance_import_run
from schakel.attendance.services.start import attendance_import_start
from schakel.children.models import Child
from schakel.organisations.models import Professional, School
from tests.factories import (
    actor_for,
)


def last_monday() -> dt.date:
    """A Monday in the past (every day of its week is past too)."""
    today = timezone.localdate()
    return today - dt.timedelta(days=today.weekday() + 7)


def dmy(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


@dataclass
class AttendanceWorld:
    school: School
    other_school: School
    core: Professional
    teacher: Professional
    tina: Child
    bram: Child
    moved: Child  # left this school two weeks ago for the other school
    monday: dt.date
    profiles: dict[str, ImportProfile]

    def actor(self, professional: Professional | None = None) -> Actor:
        return actor_for(professional or self.core)

    def start(self, content: bytes | str, layout: str = Layout.MAGISTER, *,
              name: str = "export.csv", valid_rows: bool = False) -> AttendanceImport:
        data = content.encode() if isinstance(content, str) else content
        return attendance_import_start(
            actor=self.actor(), profile=self.profiles[layout], file=ContentFile(data),
            file_name=name, import_valid_rows=valid_rows, enqueue=False)

    def run(self, content: bytes | str, layout: str = Layout.MAGISTER, *,
            name: str = "export.csv", valid_rows: bool = False) -> AttendanceImport:
        attendance_import = self.start(content, layout, name=name, valid_rows=valid_rows)
        attendance_import_run(import_id=attendance_import.pk)
        attendance_import.refresh_from_db()
        return attendance_import


def magister_csv(monday: dt.date, *, delimiter: str = ";", rows: list[list[str]] | None = None,
                 ) -> str:
    header = ["Id", "Stamnummer", "Start", "Eind", "Lesuur", "Geoorloofd",
              "Verantwoordingtype", "Code", "Omschrijving"]
    day = dmy(monday)
    tuesday = dmy(monday + dt.timedelta(days=1))
    body = rows if rows is not None else [
        ["501", "1001", f"{day} 08:30", f"{day} 09:20", "1", "nee", "1", "A", "Absent"],
        ["502", "1001", f"{day} 09:20", f"{day} 10:10", "2", "nee", "1", "A", "Absent"],
        ["503", "1002", f"{tuesday} 08:30", f"{tuesday} 08:45", "1", "nee", "2", "L",
         "Te laat"],
        ["504", "1002", f"{tuesday} 10:30", f"{tuesday} 11:20", "4", "ja", "3", "Z", "Ziek"],
    ]
    lines = [delimiter.join(header)] + [delimiter.join(row) for row in body]
    return "\r\n".join(lines) + "\r\n"
