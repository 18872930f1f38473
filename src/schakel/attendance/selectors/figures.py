"""Reads of the stored attendance figures: one pupil, a school (or one of its classes), and the
pupils the core team should discuss. The school's core team reads them
(`policy.may_view_attendance_figures`); each read is logged per pupil shown."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Max, Sum
from django.db.models.functions import ExtractIsoWeekDay

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.attendance import charts
from schakel.attendance.models import (
    AbsenceKind,
    AbsenceRecord,
    AttendancePattern,
    AttendanceRate,
    AttendanceTier,
    LongTermAbsence,
    ReportingEvent,
    SchoolAttendanceFlag,
    WeeklyAttendance,
)
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read
from schakel.audit.writer import Subject
from schakel.children.models import Child, Enrolment
from schakel.organisations.models import School, SchoolClass

WEEKDAYS = ["ma", "di", "wo", "do", "vr"]
NOT_ABSENT = (AbsenceKind.LATE, AbsenceKind.CANCELLED)
# A reporting event this recent puts the pupil on the list of the core team.
RECENT_EVENT_DAYS = 28


@dataclass(frozen=True)
class PupilWeek:
    week: WeeklyAttendance
    tier: int | None

    @property
    def absence_share(self) -> float:
        scheduled = self.week.scheduled_minutes
        return self.week.absent_minutes / scheduled if scheduled else 0.0

    @property
    def attendance_share(self) -> float:
        return 1.0 - self.absence_share


@dataclass(frozen=True)
class PupilFigures:
    child: Child
    school: School
    weeks: list[PupilWeek]
    rate: AttendanceRate | None
    tier: AttendanceTier | None
    events: list[ReportingEvent]
    long_term: list[LongTermAbsence]
    patterns: list[AttendancePattern]
    chart: charts.Chart


def _school_or_404(actor: Actor, school_id: int, subject: Subject,
                   event_code: EventCode) -> School:
    school = School.objects.filter(pk=school_id).first()
    enforce(actor, policy.may_view_attendance_figures(actor, school_id) if school is not None
            else policy.DENY, event_code=event_code, action=Action.READ, subject=subject)
    assert school is not None  # noqa: S101 - enforce raised otherwise
    return school


def _pupil_subjects(result: PupilFigures) -> list[Subject]:
    return [Subject.of(result.child, result.child.pk)]


@logged_read(event_code=EventCode.ATTENDANCE_FIGURES, subjects=_pupil_subjects)
def pupil_figures(*, actor: Actor, school_id: int, child_id: int) -> PupilFigures:
    """A pupil's figures at a school; not the school's pupil, or not its core team: 404."""
    subject = Subject("children.child", str(child_id), child_id)
    school = _school_or_404(actor, school_id, subject, EventCode.ATTENDANCE_FIGURES)
    child = Child.objects.filter(pk=child_id, enrolments__school_id=school_id).first()
    if child is None:
        enforce(actor, policy.DENY, event_code=EventCode.ATTENDANCE_FIGURES,
                action=Action.READ, subject=subject)
    assert child is not None  # noqa: S101 - enforce raised otherwise
    keys = {"child_id": child_id, "school_id": school_id}
    tiers = dict(AttendanceTier.objects.filter(**keys).values_list("school_week", "tier"))
    weeks = [PupilWeek(week, tiers.get(week.school_week))
             for week in WeeklyAttendance.objects.filter(**keys).order_by("school_week")]
    chart = charts.bar_chart(
        [(w.week.school_week.strftime("%d-%m"), w.attendance_share) for w in weeks],
        css=[f"tier-{w.tier or 1}" for w in weeks])
    return PupilFigures(
        child=child, school=school, weeks=weeks,
        rate=AttendanceRate.objects.filter(**keys).order_by("-school_year").first(),
        tier=AttendanceTier.objects.filter(**keys).order_by("-school_week").first(),
        events=list(ReportingEvent.objects.filter(**keys).order_by("seq")),
        long_term=list(LongTermAbsence.objects.filter(**keys).order_by("first_week")),
        patterns=list(AttendancePattern.objects.filter(**keys).order_by("weekday")),
        chart=chart)


@dataclass(frozen=True)
class AttentionRow:
    """A pupil the core team should discuss: moved up a tier, or a recent reporting event."""

    child: Child
    tier: int
    previous_tier: int | None
    recent_event: ReportingEvent | None

    @property
    def moved_up(self) -> bool:
        return self.previous_tier is not None and self.tier > self.previous_tier


@dataclass(frozen=True)
class TierWeek:
    week: dt.date
    counts: tuple[int, int, int]


@dataclass
class SchoolFigures:
    school: School
    classes: list[SchoolClass]
    school_class: SchoolClass | None
    attention: list[AttentionRow]
    tier_weeks: list[TierWeek]
    tier_chart: charts.Chart
    heat_rows: list[tuple[str, list[float]]]
    heat_columns: list[tuple[dt.date, int]]  # the school week and its ISO week number
    heat_cells: list[charts.Cell]
    heat_size: tuple[int, int]
    flag: SchoolAttendanceFlag | None
    weekdays: list[str] = field(default_factory=lambda: list(WEEKDAYS))


def attention_rows(*, school_id: int, as_of: dt.date,
                   child_ids: list[int] | None = None) -> list[AttentionRow]:
    """The pupils of a school whose tier rose from the week before their latest week, or who
    had a reporting event in the last four weeks; `child_ids` narrows it to some pupils.
    Reads only; the caller has decided and logs."""
    tiers = AttendanceTier.objects.filter(school_id=school_id, school_week__lte=as_of)
    if child_ids is not None:
        tiers = tiers.filter(child_id__in=child_ids)
    last_two: dict[int, list[int]] = defaultdict(list)
    latest = tiers.values("child_id").annotate(last=Max("school_week"))
    weeks = {row["child_id"]: row["last"] for row in latest}
    for child_id, week, tier in tiers.filter(
            school_week__gte=min(weeks.values(), default=as_of) - dt.timedelta(days=7)
    ).order_by("child_id", "-school_week").values_list("child_id", "school_week", "tier"):
        if week <= weeks[child_id] and len(last_two[child_id]) < 2:
            last_two[child_id].append(tier)
    events = ReportingEvent.objects.filter(
        school_id=school_id, window_end__gt=as_of - dt.timedelta(days=RECENT_EVENT_DAYS))
    if child_ids is not None:
        events = events.filter(child_id__in=child_ids)
    recent = {event.child_id: event for event in events.order_by("seq")}
    wanted = {child_id for child_id, pair in last_two.items()
              if len(pair) == 2 and pair[0] > pair[1]} | set(recent)
    children = Child.objects.in_bulk(sorted(wanted))
    rows = [AttentionRow(child=children[child_id], tier=last_two[child_id][0] if last_two[
        child_id] else 1, previous_tier=last_two[child_id][1] if len(last_two[child_id]) > 1
        else None, recent_event=recent.get(child_id)) for child_id in sorted(wanted)]
    return sorted(rows, key=lambda row: (-row.tier, row.child.last_name, row.child.first_name))


def _school_subjects(result: SchoolFigures) -> list[Subject]:
    return [Subject.of(row.child, row.child.pk) for row in result.attention]


def _heat(school_id: int, child_ids: list[int] | None, first: dt.date
          ) -> tuple[list[dt.date], dict[tuple[str, str], float], list[tuple[str, list[float]]]]:
    records = AbsenceRecord.objects.filter(school_id=school_id, school_week__gte=first).exclude(
        kind__in=NOT_ABSENT)
    weekly = WeeklyAttendance.objects.filter(school_id=school_id, school_week__gte=first)
    if child_ids is not None:
        records = records.filter(child_id__in=child_ids)
        weekly = weekly.filter(child_id__in=child_ids)
    absent = {(row["school_week"], row["weekday"]): row["minutes"] for row in records.annotate(
        weekday=ExtractIsoWeekDay("day")).values("school_week", "weekday").annotate(
        minutes=Sum("minutes")).order_by()}
    scheduled = {row["school_week"]: (row["minutes"], row["pupils"]) for row in weekly.values(
        "school_week").annotate(minutes=Sum("scheduled_minutes"), pupils=Count("child_id"))
        .order_by()}
    columns = sorted(scheduled)
    shares: dict[tuple[str, str], float] = {}
    table: list[tuple[str, list[float]]] = []
    for number, name in enumerate(WEEKDAYS, start=1):
        row = []
        for week in columns:
            minutes, _pupils = scheduled[week]
            # A week's scheduled minutes spread over its five days (holidays make it rough).
            share = absent.get((week, number), 0) / (minutes / 5) if minutes else 0.0
            shares[(name, week.strftime("%d-%m"))] = share
            row.append(share)
        table.append((name, row))
    return columns, shares, table


@logged_read(event_code=EventCode.ATTENDANCE_FIGURES_LIST, subjects=_school_subjects)
def school_figures(*, actor: Actor, school_id: int, class_id: int | None,
                   as_of: dt.date) -> SchoolFigures:
    """The school's (or one class's) tiers week by week, absence by weekday and week, its flag,
    and the pupils to discuss; only for the school's core team."""
    school = _school_or_404(actor, school_id, Subject("organisations.school", str(school_id),
                                                      None), EventCode.ATTENDANCE_FIGURES_LIST)
    classes = list(SchoolClass.objects.filter(school_id=school_id).order_by("name"))
    school_class = next((c for c in classes if c.pk == class_id), None)
    child_ids = (sorted(Enrolment.objects.active_on(as_of).filter(school_class=school_class)
                        .values_list("child_id", flat=True))
                 if school_class is not None else None)
    first = dt.date(as_of.year if as_of.month >= 8 else as_of.year - 1, 8, 1)
    tiers = AttendanceTier.objects.filter(school_id=school_id, school_week__gte=first,
                                          school_week__lte=as_of)
    if child_ids is not None:
        tiers = tiers.filter(child_id__in=child_ids)
    counts: dict[dt.date, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in tiers.values("school_week", "tier").annotate(n=Count("id")).order_by():
        counts[row["school_week"]][row["tier"] - 1] = row["n"]
    tier_weeks = [TierWeek(week, (c[0], c[1], c[2])) for week, c in sorted(counts.items())]
    columns, shares, heat_table = _heat(school_id, child_ids, first)
    cells, width, height = charts.heat_map(WEEKDAYS, [w.strftime("%d-%m") for w in columns],
                                           shares)
    return SchoolFigures(
        school=school, classes=classes, school_class=school_class,
        attention=attention_rows(school_id=school_id, as_of=as_of, child_ids=child_ids),
        tier_weeks=tier_weeks,
        tier_chart=charts.stacked_chart(
            [(t.week.strftime("%d-%m"), t.counts) for t in tier_weeks],
            ["tier-1", "tier-2", "tier-3"]),
        heat_rows=heat_table,
        heat_columns=[(week, week.isocalendar().week) for week in columns],
        heat_cells=cells, heat_size=(width, height),
        flag=SchoolAttendanceFlag.objects.filter(school_id=school_id).order_by(
            "-school_week").first())


@dataclass(frozen=True)
class CaseAttendance:
    child: Child
    school: School
    tier: AttendanceTier | None
    events: list[ReportingEvent]


def _case_attendance_subjects(result: CaseAttendance | None) -> list[Subject]:
    return [] if result is None else [Subject.of(result.child, result.child.pk)]


@logged_read(event_code=EventCode.ATTENDANCE_FIGURES, subjects=_case_attendance_subjects)
def case_attendance(*, actor: Actor, child: Child | None, school: School) -> CaseAttendance | None:
    """The attendance of a case's child at the case's school, for the case page: only for
    the school's core team, and only when there are figures (no refusal is logged: the case
    page shows its other sections)."""
    if child is None or not policy.may_view_attendance_figures(actor, school.pk):
        return None
    keys = {"child_id": child.pk, "school_id": school.pk}
    tier = AttendanceTier.objects.filter(**keys).order_by("-school_week").first()
    events = list(ReportingEvent.objects.filter(**keys).order_by("seq"))
    if tier is None and not events:
        return None
    return CaseAttendance(child=child, school=school, tier=tier, events=events)
