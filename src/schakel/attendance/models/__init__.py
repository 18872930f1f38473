"""School attendance: the absence records imported from the school administration systems,
the import profiles and runs, and the figures the engine computes from the records, stored per
pupil and school week so pages read precomputed numbers (issue 9; ATTENDANCE_CONTRACT.md)."""

from schakel.attendance.models.figures import (
    AttendancePattern as AttendancePattern,
    AttendanceRate as AttendanceRate,
    AttendanceTier as AttendanceTier,
    LongTermAbsence as LongTermAbsence,
    ReportingEvent as ReportingEvent,
    SchoolAttendanceFlag as SchoolAttendanceFlag,
    WeeklyAttendance as WeeklyAttendance,
)
from schakel.attendance.models.imports import (
    AttendanceImport as AttendanceImport,
    ImportRowError as ImportRowError,
    ImportStatus as ImportStatus,
    upload_storage as upload_storage,
)
from schakel.attendance.models.records import (
    AbsenceKind as AbsenceKind,
    AbsenceRecord as AbsenceRecord,
    ImportProfile as ImportProfile,
    Layout as Layout,
    school_week_of as school_week_of,
)
