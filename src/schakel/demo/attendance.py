"""The demo region's attendance from the start of the school year until yesterday (issue 9,
seed 004), written as the import writes it (records, Parquet partitions, figures, drafts):

- every pupil a few sick days (authorised), fixed by a seeded random;
- Tina late in the first lesson on most Mondays and Fridays (seed 004's lateness pattern);
- Dylan skipping whole days twice, each time past 16 hours in 4 school weeks: two reporting
  events, each with its draft verzuimmelding for the leerplichtambtenaar;
- one classmate at home for six weeks (long-term absence, "langer dan een maand").

Idempotent: the records carry demo keys, a second load finds them and stops.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from schakel.absencereports.services import absence_reports_draft
from schakel.attendance.models import AbsenceKind, AbsenceRecord, school_week_of
from schakel.attendance.services.figures import attendance_figures_recompute, school_year_start
from schakel.attendance.store import records_partitions_write
from schakel.children.models import Child, Enrolment
from schakel.organisations.models import School
from schakel.schoolcalendar.selectors import school_days

KEY_PREFIX = "demo:"


def _lessons(days: list[dict[str, object]], school_id: int) -> dict[dt.date, tuple[int, int]]:
    """Per school day: (lessons, minutes of one lesson)."""
    out: dict[dt.date, tuple[int, int]] = {}
    for row in days:
        if row["school_id"] == school_id:
            lessons = int(row["lessons"])  # type: ignore[call-overload]
            out[row["day"]] = (lessons, int(row["scheduled_minutes"]) // max(lessons, 1))  # type: ignore[index,call-overload]
    return out


def _record(child: Child, school: School, day: dt.date, lesson: int, minutes: int, kind: str,
            authorised: bool) -> AbsenceRecord:
    return AbsenceRecord(
        record_key=f"{KEY_PREFIX}{school.pk}:{child.pk}:{day.isoformat()}:{lesson}",
        child=child, school=school, day=day, school_week=school_week_of(day), lesson=lesson,
        kind=kind, authorised=authorised, minutes=minutes, source_code="demo")


def _whole_day(child: Child, school: School, day: dt.date, lessons: tuple[int, int], *,
               kind: str, authorised: bool) -> Iterator[AbsenceRecord]:
    count, minutes = lessons
    for lesson in range(1, count + 1):
        yield _record(child, school, day, lesson, minutes, kind, authorised)


def _pupil_records(child: Child, school: School, calendar: dict[dt.date, tuple[int, int]],
                   rng: random.Random, story: str) -> Iterator[AbsenceRecord]:
    days = sorted(calendar)
    weeks = sorted({school_week_of(day) for day in days})
    for day in rng.sample(days, k=min(len(days), rng.choice([0, 1, 2, 3]))):
        yield from _whole_day(child, school, day, calendar[day], kind=AbsenceKind.SICK,
                              authorised=True)
    if story == "tina":
        for day in days:
            if day.weekday() in (0, 4) and rng.random() < 0.8:
                yield _record(child, school, day, 1, 15, AbsenceKind.LATE, False)
    elif story == "dylan":
        # Two spells of skipping: two whole days in each of two consecutive weeks, early in
        # the school year and in the last two weeks (so the core team discusses him now).
        for spell in (weeks[3:5], weeks[-3:-1]):
            for week in spell:
                for day in [d for d in days if school_week_of(d) == week][:2]:
                    yield from _whole_day(child, school, day, calendar[day],
                                          kind=AbsenceKind.ABSENT, authorised=False)
    elif story == "long_term":
        for week in weeks[2:8]:
            for day in [d for d in days if school_week_of(d) == week]:
                yield from _whole_day(child, school, day, calendar[day],
                                      kind=AbsenceKind.SICK, authorised=True)


def demo_attendance_load(*, schools: list[School], stories: dict[int, str],
                         today: dt.date) -> int:
    """Records for every pupil of the schools; `stories` names the special pupils by child id
    ("tina", "dylan", "long_term"). The number of records written (0 when loaded before)."""
    if AbsenceRecord.objects.filter(record_key__startswith=KEY_PREFIX).exists():
        return 0
    start, end = school_year_start(today), today - dt.timedelta(days=1)
    ids = [school.pk for school in schools]
    days = school_days(school_ids=ids, start=start, end=end).to_pylist()
    rng = random.Random(2026)
    records: list[AbsenceRecord] = []
    for school in schools:
        calendar = _lessons(days, school.pk)
        enrolments = (Enrolment.objects.active_on(end).filter(school=school)
                      .select_related("child").order_by("child_id"))
        for enrolment in enrolments:
            child = enrolment.child
            pupil_days = {day: value for day, value in calendar.items()
                          if enrolment.is_active_on(day)}
            records.extend(_pupil_records(child, school, pupil_days, rng,
                                          stories.get(child.pk, "")))
    unique = {record.record_key: record for record in records}
    AbsenceRecord.objects.bulk_create(unique.values(), batch_size=5_000)
    records_partitions_write(partitions={(r.school_id, r.school_week) for r in unique.values()})
    attendance_figures_recompute(school_ids=ids, as_of=today)
    absence_reports_draft(school_ids=ids)
    return len(unique)
