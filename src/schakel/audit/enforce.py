"""Turning a policy decision into a response: allowed goes on (and is the ground of the logged
read that asked, see `reads`), refused is logged and becomes the same 404 as "does not
exist"."""

from __future__ import annotations

from django.http import Http404

from schakel.access.actor import Actor
from schakel.access.policy import Decision
from schakel.audit.events import EventCode
from schakel.audit.models import Action, Outcome
from schakel.audit.reads import read_allowed_on
from schakel.audit.writer import Subject, access_event_record


def enforce(
    actor: Actor, decision: Decision, *, event_code: EventCode, action: Action, subject: Subject,
) -> Decision:
    """Call outside any transaction that a refusal would roll back, so the refusal is kept."""
    event_code = EventCode(event_code)  # a mistyped code fails when allowed, too
    if not decision:
        access_event_record(
            actor=actor, event_code=event_code, action=action, subject=subject,
            outcome=Outcome.DENIED,
        )
        raise Http404
    read_allowed_on(decision)
    return decision
