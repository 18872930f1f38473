"""Running one import: read the file twice, streaming (never whole in memory).

1. Check every row (committed progress after each chunk, which the progress page polls):
   the errors are stored with their line and column. A file with errors stops here, nothing
   imported, unless the user chose to import the valid rows.
2. Write, all or nothing, in one transaction: by natural key (`record_key`) a record is
   created, changed, or left as it is, so the same file, or an overlapping period, imported
   again changes nothing. Then the Parquet partitions of the touched school weeks are
   rewritten for the engine (`attendance.store`).

Memory: the pupils of one school, one chunk of rows, and 8 bytes per record key seen (to
find duplicate rows)."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor, SystemClient, actor_for_user
from schakel.api.models import ClientAttendanceImport
from schakel.attendance.files import FileProblem, Table, open_table
from schakel.attendance.layouts import BoundHeader, bind_header, parse_row
from schakel.attendance.models import (
    AbsenceRecord,
    AttendanceImport,
    ImportProfile,
    ImportRowError,
    ImportStatus,
    school_week_of,
)
from schakel.attendance.rows import (
    Parsed,
    Problem,
    Rules,
    rules_from_mapping,
)
from schakel.attendance.services.figures import attendance_figures_recompute
from schakel.attendance.store import records_partitions_write
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_events_record
from schakel.children.models import Enrolment
from schakel.transactions import service_transaction

logger = logging.getLogger(__name__)

CHUNK_ROWS = 2000
# Errors kept per import (the counts go on): enough to see what is wrong with any file.
MAX_STORED_ERRORS = 50_000

Progress = Callable[[AttendanceImport], None]


@dataclass(frozen=True)
class _Enrolled:
    child_id: int
    start: dt.date
    end: dt.date | None


class _Pupils:
    """The school's pupils by pupil number (every enrolment, past ones too, one query)."""

    def __init__(self, school_id: int) -> None:
        self.by_number: dict[str, list[_Enrolled]] = {}
        for number, child_id, start, end in Enrolment.objects.filter(
                school_id=school_id).values_list("pupil_number", "child_id", "start_date",
                                                 "end_date"):
            self.by_number.setdefault(number.strip().lower(), []).append(
                _Enrolled(child_id, start, end))

    def child_on(self, number: str, day: dt.date) -> tuple[int | None, str]:
        periods = self.by_number.get(number.strip().lower())
        if not periods:
            return None, _("No pupil with number %(number)s at this school.") % {
                "number": number}
        for period in periods:
            if period.start <= day and (period.end is None or day <= period.end):
                return period.child_id, ""
        return None, _(
            "Pupil %(number)s was not enrolled at this school on %(day)s (a pupil of "
            "another school then).") % {"number": number, "day": day.strftime("%d-%m-%Y")}


@dataclass
class _Outcome:
    rows: int = 0
    refused_rows: int = 0
    skipped_rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    header_blocks: bool = False
    touched: set[tuple[int, dt.date]] = field(default_factory=set)
    children: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class _Ready:
    line: int
    record: Parsed
    child_id: int


def _digest(key: str) -> bytes:
    return hashlib.blake2b(key.encode(), digest_size=8).digest()


class _Pass:
    """One reading of the file: checks every row; with `write`, also writes."""

    def __init__(self, attendance_import: AttendanceImport, *, write: bool,
                 progress: Progress | None) -> None:
        self.imp = attendance_import
        profile: ImportProfile = attendance_import.profile
        self.layout = profile.layout
        self.rules: Rules = rules_from_mapping(
            profile.code_mapping, lesson_minutes=profile.lesson_minutes,
            lessons_per_day=profile.lessons_per_day, morning_minutes=profile.morning_minutes,
            afternoon_minutes=profile.afternoon_minutes)
        self.write = write
        self.progress = progress
        self.pupils = _Pupils(attendance_import.school_id)
        self.today = timezone.localdate()
        self.seen: dict[bytes, int] = {}
        self.outcome = _Outcome()
        self.errors: list[ImportRowError] = []
        self.stored_errors = 0

    # -- errors ------------------------------------------------------------------------------
    def error(self, line: int, column: str, message: str) -> None:
        if self.write:
            return  # stored by the checking pass
        if self.stored_errors < MAX_STORED_ERRORS:
            self.errors.append(ImportRowError(
                attendance_import=self.imp, line=line, column=column[:100],
                message=message[:500]))
            self.stored_errors += 1
        if len(self.errors) >= CHUNK_ROWS:
            self.flush_errors()

    def flush_errors(self) -> None:
        if self.errors:
            ImportRowError.objects.bulk_create(self.errors)
            self.errors = []

    # -- the rows ----------------------------------------------------------------------------
    def run(self, table: Table) -> _Outcome:
        bound = bind_header(self.layout, table.header)
        self.header(bound)
        if self.outcome.header_blocks:
            return self.outcome
        chunk: list[_Ready] = []
        for raw in table.rows:
            self.outcome.rows += 1
            result = parse_row(self.layout, bound, raw.values, self.rules, raw.formulas,
                               self.today)
            if result.skipped:
                self.outcome.skipped_rows += 1
            ready = self.check(raw.line, result.records, result.problems)
            chunk.extend(ready)
            if self.outcome.rows % CHUNK_ROWS == 0:
                self.chunk_done(chunk)
                chunk = []
        self.chunk_done(chunk)
        return self.outcome

    def header(self, bound: BoundHeader) -> None:
        for problem in bound.problems:
            self.error(1, problem.column, problem.message)
        self.outcome.header_blocks = bound.blocks

    def check(self, line: int, records: list[Parsed], problems: list[Problem]) -> list[_Ready]:
        ready: list[_Ready] = []
        for record in records:
            child_id, why = self.pupils.child_on(record.pupil_number, record.day)
            if child_id is None:
                problems.append(Problem(_column_of_pupil(self.layout), why))
                continue
            key = f"{self.imp.school_id}:{record.key}"
            digest = _digest(key)
            first = self.seen.get(digest)
            if first is not None:
                problems.append(Problem("", _(
                    "The same absence as on line %(line)d (a duplicate row).") % {"line": first}))
                continue
            self.seen[digest] = line
            ready.append(_Ready(line=line, record=record, child_id=child_id))
        if problems:
            self.outcome.refused_rows += 1
            for problem in problems:
                self.error(line, problem.column, problem.message)
            return []
        return ready

    def chunk_done(self, chunk: list[_Ready]) -> None:
        if self.write:
            self.store(chunk)
        else:
            self.flush_errors()
            AttendanceImport.objects.filter(pk=self.imp.pk).update(
                processed_rows=self.outcome.rows)
            self.imp.processed_rows = self.outcome.rows
        if self.progress is not None:
            self.imp.processed_rows = self.outcome.rows
            self.progress(self.imp)

    def store(self, chunk: list[_Ready]) -> None:
        if not chunk:
            return
        keys = {f"{self.imp.school_id}:{ready.record.key}": ready for ready in chunk}
        existing = {row.record_key: row for row in
                    AbsenceRecord.objects.filter(record_key__in=list(keys))}
        new: list[AbsenceRecord] = []
        changed: list[AbsenceRecord] = []
        for key, ready in keys.items():
            record = self.record(key, ready)
            current = existing.get(key)
            if current is None:
                new.append(record)
            elif current.comparable() != record.comparable():
                record.pk = current.pk
                changed.append(record)
            else:
                self.outcome.unchanged += 1
                continue
            self.outcome.touched.add((record.school_id, record.school_week))
            if current is not None:
                self.outcome.touched.add((current.school_id, current.school_week))
                # A corrected record may move to another pupil: the previous one changed too.
                self.outcome.children.add(current.child_id)
            self.outcome.children.add(ready.child_id)
        AbsenceRecord.objects.bulk_create(new)
        AbsenceRecord.objects.bulk_update(changed, fields=[
            "child", "school", "day", "school_week", "lesson", "start_time", "end_time", "kind",
            "authorised", "minutes", "source_code", "attendance_import"])
        self.outcome.created += len(new)
        self.outcome.updated += len(changed)

    def record(self, key: str, ready: _Ready) -> AbsenceRecord:
        parsed = ready.record
        return AbsenceRecord(
            record_key=key, child_id=ready.child_id, school_id=self.imp.school_id,
            day=parsed.day, school_week=school_week_of(parsed.day), lesson=parsed.lesson,
            start_time=parsed.start_time, end_time=parsed.end_time, kind=parsed.kind,
            authorised=parsed.authorised, minutes=parsed.minutes,
            source_code=parsed.source_code[:30], attendance_import=self.imp)


def _column_of_pupil(layout: str) -> str:
    return {"magister": "Stamnummer", "schakel": "leerlingnummer"}.get(layout, "Leerlingnummer")


def _file_error(attendance_import: AttendanceImport, problem: FileProblem) -> None:
    ImportRowError.objects.create(attendance_import=attendance_import, line=problem.line,
                                  column=problem.column, message=problem.message[:500])


def _set(attendance_import: AttendanceImport, **fields: object) -> None:
    for name, value in fields.items():
        setattr(attendance_import, name, value)
    attendance_import.save(update_fields=list(fields))


def _figures_recompute(school_id: int, child_ids: set[int]) -> None:
    """The figures of the pupils whose records changed. The import is done whatever happens
    here: a failure is logged and the daily recompute catches up."""
    try:
        attendance_figures_recompute(school_ids=[school_id], child_ids=child_ids,
                                     as_of=timezone.localdate())
    except Exception:
        logger.exception("attendance figures of school %s not recomputed", school_id)


def _actor_of(imp: AttendanceImport) -> Actor:
    """The professional who uploaded the file; through the API, with the system client that
    sent it, so that the access log names that client as the source system."""
    actor = actor_for_user(imp.imported_by.user)
    through = (ClientAttendanceImport.objects.select_related("client__organisation")
               .filter(attendance_import=imp).first())
    if through is None:
        return actor
    client = through.client
    return replace(actor, system=SystemClient(
        client_id=client.pk, name=client.name, organisation_id=client.organisation_id,
        organisation_name=client.organisation.name))


def attendance_import_run(*, import_id: int, progress: Progress | None = None) -> str:
    """Run the import (the job, and `manage.py attendance_import`); its final status. Done
    already: nothing happens. The work is done as the professional who uploaded the file,
    who must still be allowed to import for the school."""
    with translation.override(settings.LANGUAGE_CODE):
        return _run(import_id, progress)


def _run(import_id: int, progress: Progress | None) -> str:
    imp = AttendanceImport.objects.select_related(
        "profile", "school", "imported_by__user", "imported_by__organisation").get(pk=import_id)
    if imp.status in {ImportStatus.DONE, ImportStatus.FAILED}:
        return imp.status
    actor = _actor_of(imp)
    decision = policy.may_import_attendance(actor, imp.school_id)
    if not decision:
        _set(imp, status=ImportStatus.FAILED, finished_at=timezone.now(),
             failure=_("The professional who uploaded the file may no longer import for "
                       "this school."))
        return imp.status
    ImportRowError.objects.filter(attendance_import=imp).delete()
    _set(imp, status=ImportStatus.CHECKING, started_at=timezone.now(), processed_rows=0,
         refused_count=0, skipped_count=0, failure="")
    path = Path(imp.file.path)
    try:
        with open_table(path) as table:
            _set(imp, encoding=table.encoding, delimiter=table.delimiter,
                 total_rows=table.estimated_rows)
            checking = _Pass(imp, write=False, progress=progress)
            checked = checking.run(table)
            checking.flush_errors()
    except FileProblem as problem:
        _file_error(imp, problem)
        _set(imp, status=ImportStatus.HAS_ERRORS, finished_at=timezone.now())
        return imp.status
    has_errors = checking.stored_errors > 0
    _set(imp, total_rows=checked.rows, processed_rows=checked.rows,
         refused_count=checked.refused_rows, skipped_count=checked.skipped_rows)
    if checked.header_blocks or (has_errors and not imp.import_valid_rows) or (
            checked.rows == 0):
        if checked.rows == 0 and not has_errors:
            _file_error(imp, FileProblem(_("The file has a header but no rows.")))
        _set(imp, status=ImportStatus.HAS_ERRORS, finished_at=timezone.now())
        return imp.status
    _set(imp, status=ImportStatus.WRITING)
    if progress is not None:
        progress(imp)
    try:
        with service_transaction(), open_table(path) as table:
            written = _Pass(imp, write=True, progress=None).run(table)
            access_events_record(
                actor=actor, event_code=EventCode.ATTENDANCE_IMPORT, action=Action.CREATE,
                subjects=[Subject.of(imp, child_id) for child_id in sorted(written.children)],
                ground=decision.log_ground)
            _set(imp, status=ImportStatus.DONE, finished_at=timezone.now(),
                 created_count=written.created, updated_count=written.updated,
                 unchanged_count=written.unchanged,
                 touched_partitions=[[school_id, week.isoformat()]
                                     for school_id, week in sorted(written.touched)])
    except Exception as exc:
        _set(imp, status=ImportStatus.FAILED, finished_at=timezone.now(),
             failure=f"{type(exc).__name__}: {exc}"[:2000])
        logger.exception("attendance import %s failed", imp.pk)
        raise
    if written.touched:
        records_partitions_write(partitions=sorted(written.touched))
        _figures_recompute(imp.school_id, written.children)
    if progress is not None:
        progress(imp)
    return imp.status
