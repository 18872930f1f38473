"""The triage inbox: the school's core team (kernteam) triages the new signals of its school."""

from __future__ import annotations

from django.db.models import Q

from schakel.access.actor import Actor
from schakel.access.policy.core import DENY, Decision, Ground, core_team_school_ids
from schakel.signals.models import Signal


def may_triage_inbox(actor: Actor, signal: Signal) -> Decision:
    if signal.school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    return DENY


def triage_inbox_q(actor: Actor) -> Q:
    """Signals in the actor's inbox: those of the schools whose core team they are in."""
    return Q(school_id__in=sorted(core_team_school_ids(actor)))
