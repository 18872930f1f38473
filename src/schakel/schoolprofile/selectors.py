"""Reads of the school profile: the monitor's figures and Schakel's own (signals by theme per
month and class, cases opened and closed, attendance tiers), counted in SQL and published
only through `schakel.aggregates.suppress`, one release per measure. Completed months and
school weeks only, so the same release reads the same tomorrow (docs/aggregates.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F
from django.db.models.functions import TruncMonth
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from schakel import aggregates
from schakel.access import policy
from schakel.access.actor import Actor
from schakel.aggregates import Figure, Node
from schakel.attendance import charts
from schakel.attendance.models import AttendanceTier
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.cases.models import Case
from schakel.children.models import Enrolment
from schakel.organisations.models import School, SchoolClass
from schakel.schoolprofile.models import (
    PARTS_OF,
    TOTAL_CATEGORY,
    MonitorSection,
    MonitorSnapshot,
    Referrer,
)
from schakel.signals.models import Signal, Theme

NO_CLASS = "-"


@dataclass(frozen=True)
class Row:
    label: str
    figures: list[Figure]
    key: str = ""


@dataclass(frozen=True)
class MonitorPart:
    title: str
    total: Figure
    rows: list[Row]


@dataclass
class SchoolProfile:
    school: School
    snapshot: MonitorSnapshot | None
    monitor: list[MonitorPart]
    months: list[dt.date]
    themes: list[str]
    signal_rows: list[Row]  # per month: the month's total, then one figure per theme
    signal_chart: charts.Chart
    detail_title: str
    detail_rows: list[Row]  # per class (one month) or per month (one class): per theme
    classes: list[SchoolClass]
    school_class: SchoolClass | None
    month: dt.date | None
    month_choices: list[Row]
    case_rows: list[Row]  # per month: opened, closed
    case_totals: list[Figure]
    tier_rows: list[Row]  # per school week: pupils, tier 1, 2, 3
    tier_chart: charts.Chart


def _school_year_start(day: dt.date) -> dt.date:
    return dt.date(day.year if day.month >= 8 else day.year - 1, 8, 1)


def _window(today: dt.date) -> tuple[dt.date, dt.date]:
    """Completed months of the school year: from 1 August up to the first of this month."""
    end = today.replace(day=1)
    return _school_year_start(end - dt.timedelta(days=1)), end


def _month(value: dt.datetime | dt.date) -> dt.date:
    day = value.date() if isinstance(value, dt.datetime) else value
    return day.replace(day=1)


def _month_label(key: str) -> str:
    return date_format(dt.date.fromisoformat(key), "YEAR_MONTH_FORMAT")


def _monitor(snapshot: MonitorSnapshot | None) -> list[MonitorPart]:
    if snapshot is None:
        return []
    figures = list(snapshot.figures.all())
    labels = dict(MonitorSection.choices) | {str(k): str(v) for k, v in Referrer.choices}
    parts = []
    for part, whole in PARTS_OF.items():
        rows = [(f.category, f.count) for f in figures if f.section == part]
        total = next((f.count for f in figures if f.section == whole
                      and f.category == TOTAL_CATEGORY), None)
        if total is None:
            continue
        [release] = aggregates.suppress([Node(whole, total, [
            Node(category, count) for category, count in sorted(rows)])])
        parts.append(MonitorPart(
            title=str(labels[part]), total=release,
            rows=[Row(str(labels.get(f.key, f.key)), [f]) for f in release.children]))
    return parts


def _signals(school_id: int, start: dt.date, end: dt.date) -> list[Figure]:
    rows = (Signal.objects.filter(school_id=school_id, raised_at__date__gte=start,
                                  raised_at__date__lt=end)
            .annotate(month=TruncMonth("raised_at"), code=F("theme__code"))
            .values("month", "code", "school_class_id").annotate(n=Count("id")).order_by())
    return aggregates.suppress(aggregates.tree(
        ((_month(r["month"]).isoformat(), r["code"], str(r["school_class_id"] or NO_CLASS)),
         r["n"]) for r in rows))


def _per_month(school_id: int, field: str, start: dt.date, end: dt.date) -> dict[str, int]:
    rows = (Case.objects.filter(school_id=school_id, **{f"{field}__date__gte": start,
                                                        f"{field}__date__lt": end})
            .annotate(month=TruncMonth(field)).values("month").annotate(n=Count("id"))
            .order_by())
    return {_month(r["month"]).isoformat(): r["n"] for r in rows}


def _cases(school_id: int, months: list[dt.date], start: dt.date, end: dt.date
           ) -> tuple[list[Row], list[Figure]]:
    opened = _per_month(school_id, "opened_at", start, end)
    closed = _per_month(school_id, "closed_at", start, end)
    keys = [m.isoformat() for m in months]
    released = aggregates.suppress([
        Node("opened", children=[Node(k, opened.get(k, 0)) for k in keys]),
        Node("closed", children=[Node(k, closed.get(k, 0)) for k in keys])])
    rows = [Row(_month_label(k), [released[0].child(k), released[1].child(k)], k)
            for k in keys]
    return rows, released


def _tiers(school_id: int, start: dt.date, end: dt.date) -> list[Figure]:
    rows = (AttendanceTier.objects.filter(school_id=school_id, school_week__gte=start,
                                          school_week__lt=end)
            .values("school_week", "tier").annotate(n=Count("id")).order_by())
    return aggregates.suppress(aggregates.tree(
        ((r["school_week"].isoformat(), str(r["tier"])), r["n"]) for r in rows))


def _tier_weeks(release: list[Figure]) -> tuple[list[Row], charts.Chart]:
    rows = [Row(date_format(dt.date.fromisoformat(week.key), "j F Y"),
                [week, *(week.child(str(t)) for t in (1, 2, 3))], week.key)
            for week in sorted(release, key=lambda f: f.key)]
    chart = charts.stacked_chart(
        [(dt.date.fromisoformat(r.key).strftime("%d-%m"),
          [f.value or 0 for f in r.figures[1:]]) for r in rows],
        ["tier-1", "tier-2", "tier-3"])
    return rows, chart


def _school_or_404(actor: Actor, school_id: int) -> School:
    school = School.objects.select_related("organisation").filter(pk=school_id).first()
    decision = policy.may_view_school_profile(actor, school) if school else policy.DENY
    enforce(actor, decision, event_code=EventCode.SCHOOL_PROFILE_READ, action=Action.READ,
            subject=Subject("organisations.school", str(school_id), None))
    assert school is not None  # noqa: S101 - enforce refused a missing school
    access_event_record(actor=actor, event_code=EventCode.SCHOOL_PROFILE_READ,
                        action=Action.READ, subject=Subject.of(school, None),
                        ground=decision.log_ground)
    return school


def class_population(*, school_class: SchoolClass, today: dt.date) -> int:
    return Enrolment.objects.active_on(today).filter(school_class=school_class).count()


def school_profile_get(*, actor: Actor, school_id: int, today: dt.date,
                       class_id: int | None = None, month: dt.date | None = None
                       ) -> SchoolProfile:
    """A school's profile: aggregates only, every figure suppressed. A class of fewer than
    five pupils is refused (ValidationError) after the read is allowed."""
    school = _school_or_404(actor, school_id)
    classes = list(SchoolClass.objects.filter(school=school).order_by("name"))
    school_class = next((c for c in classes if c.pk == class_id), None)
    if school_class is not None:
        aggregates.selection_refuse_small(
            class_population(school_class=school_class, today=today))
    start, end = _window(today)
    signals = {f.key: f for f in _signals(school.pk, start, end)}
    months = []
    cursor = start
    while cursor < end:
        months.append(cursor)
        cursor = (cursor + dt.timedelta(days=32)).replace(day=1)
    codes = sorted({theme.key for f in signals.values() for theme in f.children})
    themes = Theme.objects.in_bulk(codes, field_name="code")
    theme_labels = [themes[c].display_label if c in themes else c for c in codes]
    empty = Figure("", aggregates.Shown.EXACT, 0)
    signal_rows = [Row(_month_label(m.isoformat()), [
        signals.get(m.isoformat(), empty),
        *(signals.get(m.isoformat(), empty).child(c) for c in codes)], m.isoformat())
        for m in months]
    chosen = month if month in months else (months[-1] if months else None)
    names = {str(c.pk): c.name for c in classes} | {NO_CLASS: _("No class")}
    if school_class is not None:
        key = str(school_class.pk)
        detail_title = _("Signals by theme per month: %(name)s") % {"name": school_class.name}
        detail_rows = [Row(r.label, [signals.get(r.key, empty).child(c).child(key)
                                     for c in codes]) for r in signal_rows]
    else:
        of_month = signals.get(chosen.isoformat(), empty) if chosen else empty
        keys = sorted({cls.key for theme in of_month.children for cls in theme.children},
                      key=lambda k: names.get(k, k))
        detail_title = _("Signals by theme per class")
        detail_rows = [Row(names.get(k, k), [of_month.child(c).child(k) for c in codes])
                       for k in keys]
    case_rows, case_totals = _cases(school.pk, months, start, end)
    tier_rows, tier_chart = _tier_weeks(_tiers(school.pk, start, end))
    snapshot = (MonitorSnapshot.objects.filter(school=school).prefetch_related("figures")
                .order_by("-reference_date").first())
    return SchoolProfile(
        school=school, snapshot=snapshot, monitor=_monitor(snapshot), months=months,
        themes=theme_labels, signal_rows=signal_rows,
        signal_chart=charts.bar_chart(
            [(dt.date.fromisoformat(r.key).strftime("%m-%Y"), float(r.figures[0].value or 0))
             for r in signal_rows],
            maximum=float(max([r.figures[0].value or 0 for r in signal_rows], default=0) or 1)),
        detail_title=detail_title, detail_rows=detail_rows, classes=classes,
        school_class=school_class, month=chosen,
        month_choices=[Row(r.label, [], r.key[:7]) for r in signal_rows],
        case_rows=case_rows, case_totals=case_totals,
        tier_rows=tier_rows, tier_chart=tier_chart)


def school_profiles_for(*, actor: Actor) -> list[School]:
    """The schools whose profile the actor sees (names only)."""
    return list(School.objects.filter(policy.school_profiles_visible_q(actor)).order_by("name"))


def monitor_import_schools_for(*, actor: Actor) -> list[School]:
    """The schools the actor imports the monitor for; none: 404 (refusal logged)."""
    enforce(actor, policy.may_import_school_monitor_somewhere(actor),
            event_code=EventCode.SCHOOL_MONITOR_IMPORT, action=Action.CREATE,
            subject=Subject("schoolprofile.monitorsnapshot", "", None))
    return list(School.objects.filter(policy.school_monitor_import_q(actor)).order_by("name"))
