"""Importing the regional monitor's CSV: all or nothing, one snapshot per school and
reference date, replaced by a new import of the same date (an unchanged file changes
nothing)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.organisations.models import School
from schakel.schoolprofile.models import MonitorFigure, MonitorSnapshot
from schakel.schoolprofile.monitor import MonitorRow, RowError, monitor_file_read
from schakel.transactions import service_transaction

MAX_FILE_NAME = 255


@dataclass(frozen=True)
class MonitorImportResult:
    created: int
    replaced: int
    unchanged: int


def _schools(actor: Actor, rows: list[MonitorRow], errors: list[RowError]
             ) -> dict[str, School]:
    by_brin = School.objects.in_bulk({row.brin for row in rows}, field_name="brin")
    allowed = set(School.objects.filter(policy.school_monitor_import_q(actor)).filter(
        brin__in=list(by_brin)).values_list("brin", flat=True))
    for row in rows:
        if row.brin not in by_brin:
            errors.append(RowError(row.line, "brin", _("No school with BRIN code %(brin)s.")
                                   % {"brin": row.brin}))
        elif row.brin not in allowed:
            errors.append(RowError(row.line, "brin", _(
                "You do not import the monitor's figures of %(school)s.") % {
                "school": by_brin[row.brin].name}))
    return by_brin


def school_monitor_import(*, actor: Actor, content: bytes, file_name: str,
                          today: dt.date | None = None) -> MonitorImportResult:
    """Check the whole file, then store it; any problem: ValidationError with every problem
    by line and column, and nothing stored."""
    read = monitor_file_read(content, today=today or timezone.localdate())
    errors = list(read.errors)
    schools = _schools(actor, read.rows, errors)
    if errors:
        raise ValidationError([str(error) for error in sorted(
            errors, key=lambda e: (e.line, e.column))])
    professional = actor.require_professional()
    groups: dict[tuple[str, dt.date], dict[tuple[str, str], int]] = defaultdict(dict)
    for row in read.rows:
        groups[(row.brin, row.reference_date)][(row.section, row.category)] = row.count
    name = file_name.replace("\\", "/").rsplit("/", 1)[-1][:MAX_FILE_NAME] or "monitor.csv"
    created = replaced = unchanged = 0
    with service_transaction():
        for (brin, day), figures in sorted(groups.items()):
            school = schools[brin]
            decision = policy.may_import_school_monitor(actor, school)
            snapshot = MonitorSnapshot.objects.filter(school=school, reference_date=day).first()
            if snapshot is not None:
                stored = {(f.section, f.category): f.count for f in snapshot.figures.all()}
                if stored == figures:
                    unchanged += 1
                    continue
                snapshot.figures.all().delete()
                snapshot.imported_by, snapshot.imported_at = professional, timezone.now()
                snapshot.file_name = name
                snapshot.save(update_fields=["imported_by", "imported_at", "file_name"])
                replaced += 1
                action = Action.UPDATE
            else:
                snapshot = MonitorSnapshot.objects.create(
                    school=school, reference_date=day, imported_by=professional,
                    imported_at=timezone.now(), file_name=name)
                created += 1
                action = Action.CREATE
            MonitorFigure.objects.bulk_create(
                MonitorFigure(snapshot=snapshot, section=section, category=category,
                              count=count) for (section, category), count in figures.items())
            access_event_record(actor=actor, event_code=EventCode.SCHOOL_MONITOR_IMPORT,
                                action=action, subject=Subject.of(snapshot, None),
                                ground=decision.log_ground)
    return MonitorImportResult(created=created, replaced=replaced, unchanged=unchanged)
