"""The plan printed for the meeting with the parents: the plan, the agreements and the
visitekaartjes exactly as the parents see them in the portal (withheld entries left out),
with the date and version on every page. Printing is logged as an export of the case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import access_events_record
from schakel.cases.models import Agreement, Case, Involvement
from schakel.cases.selectors import PlanStepView, case_get, case_subject, case_subjects
from schakel.portal.models import EntryType
from schakel.portal.selectors.family import visible_steps


@dataclass(frozen=True)
class PlanForParents:
    case: Case
    steps: list[PlanStepView]
    agreements: list[Agreement]
    involvements: list[Involvement]
    # Each saved plan step is a version of the plan: the count names this print's version.
    version: int
    printed_at: dt.datetime
    parents_see: bool


def plan_for_parents(*, actor: Actor, case_id: int) -> PlanForParents:
    """For whoever reads the case (not on an emergency access): what the parents with
    custody see of it. `parents_see` is False when they do not read the case in the portal
    (a young person of 16 or over who does not share it, voogdij): then nothing is printed
    and nothing logged beyond the read of the case."""
    case, read = case_get(actor=actor, case_id=case_id)
    decision = enforce(actor, policy.may_print_plan_for_parents(actor, case, read=read),
                       event_code=EventCode.CASE_PLAN_PRINT, action=Action.EXECUTE,
                       subject=case_subject(case))
    hidden = policy.entries_withheld_from_parents(case)
    parents_see = policy.parents_see_case(case)
    plan = PlanForParents(
        case=case,
        steps=[step for step in visible_steps(case, hidden) if step.current is not None],
        agreements=[a for a in case.agreements.all()
                    if (EntryType.AGREEMENT, a.pk) not in hidden],
        involvements=[i for i in case.involvements.all() if getattr(i, "is_active", True)],
        version=sum(1 for entry in case.plan_entries.all()
                    if (EntryType.PLAN_STEP, entry.pk) not in hidden),
        printed_at=timezone.localtime(), parents_see=parents_see)
    if parents_see:
        access_events_record(actor=actor, event_code=EventCode.CASE_PLAN_PRINT,
                             action=Action.EXECUTE, subjects=case_subjects(case),
                             ground=decision.log_ground)
    return plan
