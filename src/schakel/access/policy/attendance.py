"""School attendance: who imports a school's absence records and follows the import.

The school's core team (kernteam) monitors the attendance of all its pupils (seed 004 §3.3 d,
Bijlage H), so its members import the exports of the school's administration system and see
the imports of their school (progress, counts, the file's errors). Nobody else does."""

from __future__ import annotations

from schakel.access.actor import Actor
from schakel.access.policy.core import DENY, Decision, Ground, core_team_school_ids
from schakel.attendance.models import AttendanceImport


def may_import_attendance(actor: Actor, school_id: int) -> Decision:
    if school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    return DENY


def may_import_attendance_somewhere(actor: Actor) -> Decision:
    """The import page and its menu item: a member of some school's core team (each import
    asks again for its own school)."""
    if core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    return DENY


def attendance_import_school_ids(actor: Actor) -> frozenset[int]:
    """The schools the actor imports for (lists of profiles and imports filter on it)."""
    return core_team_school_ids(actor)


def may_view_attendance_import(actor: Actor, attendance_import: AttendanceImport) -> Decision:
    return may_import_attendance(actor, attendance_import.school_id)


def may_view_attendance_figures(actor: Actor, school_id: int) -> Decision:
    """A school's figures (its pupils, classes, the school): its core team, which monitors
    the attendance of all its pupils."""
    return may_import_attendance(actor, school_id)


def attendance_figures_school_ids(actor: Actor) -> frozenset[int]:
    return core_team_school_ids(actor)
