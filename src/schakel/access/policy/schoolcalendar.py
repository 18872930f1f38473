"""A school's calendar (region, study days, days off, lesson minutes): its core team keeps it,
as it keeps the school's attendance (seed 004 §3.3 d)."""

from __future__ import annotations

from schakel.access.actor import Actor
from schakel.access.policy.core import DENY, Decision, Ground, core_team_school_ids


def may_edit_school_calendar(actor: Actor, school_id: int) -> Decision:
    if school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    return DENY
