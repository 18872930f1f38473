"""Changes to what a case holds: the consultation, the shared plan, agreements,
interventions and classroom advice. Same rules as `services`: policy, one transaction,
own access-log row, notify after commit."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.cases.models import (
    Agreement,
    AgreementStatus,
    Case,
    ClassroomAdvice,
    Consultation,
    Intervention,
    PlanStepEntry,
)
from schakel.cases.selectors import case_log_event, case_url
from schakel.cases.services.lifecycle import case_enforce_change, case_lock_open
from schakel.notifications.models import NotificationKind
from schakel.notifications.services import notification_send
from schakel.organisations.models import Professional
from schakel.transactions import service_transaction

EVALUATION_STEP = 6


def _require_contribute(actor: Actor, case: Case, event_code: EventCode, action: Action) -> str:
    decision = case_enforce_change(
        actor, case, policy.may_contribute_to_case(actor, case), event_code=event_code,
        action=action,
    )
    return decision.log_ground


def consultation_record(
    *, actor: Actor, case: Case, signals_seen: str, already_started: str = "",
    wisdom: str = "", who_takes_role: str = "",
) -> Consultation:
    ground = _require_contribute(actor, case, EventCode.CASE_CONSULTATION, Action.CREATE)
    if not signals_seen.strip():
        raise ValidationError({"signals_seen": _("Describe which signals there are.")})
    with service_transaction():
        case = case_lock_open(case)
        consultation = Consultation.objects.create(
            case=case, signals_seen=signals_seen.strip(),
            already_started=already_started.strip(), wisdom=wisdom.strip(),
            who_takes_role=who_takes_role.strip(), recorded_by=actor.require_professional(),
        )
        case_log_event(actor, case, event_code=EventCode.CASE_CONSULTATION, action=Action.CREATE,
                        ground=ground)
    return consultation


def plan_step_save(
    *, actor: Actor, case: Case, step: int, content: str, is_provisional: bool = False,
    consensus: bool | None = None, dissent: str = "",
) -> PlanStepEntry:
    """Save a new version of one step of the plan. Saving the evaluation step counts as an
    evaluation for the case's health."""
    ground = _require_contribute(actor, case, EventCode.CASE_PLAN_STEP, Action.UPDATE)
    definition = case.plan_template.step(step)
    if definition is None:
        raise ValidationError({"step": _("This plan has no step %(step)s.") % {"step": step}})
    if not content.strip():
        raise ValidationError({"content": _("Fill in this step before saving it.")})
    if consensus is False and not dissent.strip():
        raise ValidationError(
            {"dissent": _("Without consensus, record the dissenting views concretely.")})
    with service_transaction():
        case = case_lock_open(case)
        latest = case.plan_entries.filter(step=step).aggregate(v=Max("version"))["v"] or 0
        entry = PlanStepEntry.objects.create(
            case=case, step=step, version=latest + 1, content=content.strip(),
            is_provisional=is_provisional, consensus=consensus, dissent=dissent.strip(),
            filled_in_by=actor.require_professional(),
        )
        if step == EVALUATION_STEP:
            case.last_evaluated_at = entry.filled_in_at
            case.save(update_fields=["last_evaluated_at"])
        case_log_event(actor, case, event_code=EventCode.CASE_PLAN_STEP, action=Action.UPDATE,
                        ground=ground)
    return entry


def _check_owner_involved(case: Case, owner: Professional) -> None:
    today = timezone.localdate()
    if not case.involvements.filter(professional=owner).active_on(today).exists():
        raise ValidationError(
            {"owner": _("An agreement belongs to someone involved in the case.")})


def agreement_create(
    *, actor: Actor, case: Case, description: str, owner: Professional, due_date: dt.date,
    is_provisional: bool = False,
) -> Agreement:
    ground = _require_contribute(actor, case, EventCode.CASE_AGREEMENT, Action.CREATE)
    if not description.strip():
        raise ValidationError({"description": _("Describe what will be done.")})
    if due_date < timezone.localdate():
        raise ValidationError({"due_date": _("The due date lies in the past.")})
    with service_transaction():
        case = case_lock_open(case)
        _check_owner_involved(case, owner)
        agreement = Agreement.objects.create(
            case=case, description=description.strip(), owner=owner, due_date=due_date,
            is_provisional=is_provisional, created_by=actor.require_professional(),
        )
        case_log_event(actor, case, event_code=EventCode.CASE_AGREEMENT, action=Action.CREATE,
                        ground=ground)
        if owner.pk != actor.require_professional().pk:
            notification_send(
                recipients=[owner.user], kind=NotificationKind.AGREEMENT_ASSIGNED,
                message=lambda: _("New agreement for you in case %(ref)s, due %(date)s.")
                % {"ref": case.reference, "date": date_format(due_date, "j F Y")},
                link=case_url(case),
            )
    return agreement


def agreement_set_status(
    *, actor: Actor, agreement: Agreement, status: AgreementStatus,
) -> Agreement:
    case = agreement.case
    ground = _require_contribute(actor, case, EventCode.CASE_AGREEMENT_STATUS, Action.UPDATE)
    with service_transaction():
        case_lock_open(case)
        agreement.status = status
        agreement.completed_at = timezone.now() if status == AgreementStatus.DONE else None
        agreement.save(update_fields=["status", "completed_at"])
        case_log_event(actor, case,
                        event_code=EventCode.CASE_AGREEMENT_STATUS, action=Action.UPDATE,
                        ground=ground)
    return agreement


def intervention_record(
    *, actor: Actor, case: Case, description: str, provider: str, start_date: dt.date,
    end_date: dt.date | None = None, effect: str = "",
) -> Intervention:
    ground = _require_contribute(actor, case, EventCode.CASE_INTERVENTION, Action.CREATE)
    if not description.strip() or not provider.strip():
        raise ValidationError(_("Name the intervention and who provides it."))
    if end_date is not None and end_date < start_date:
        raise ValidationError({"end_date": _("The end date lies before the start date.")})
    with service_transaction():
        case = case_lock_open(case)
        intervention = Intervention.objects.create(
            case=case, description=description.strip(), provider=provider.strip(),
            start_date=start_date, end_date=end_date, effect=effect.strip(),
            recorded_by=actor.require_professional(),
        )
        case_log_event(actor, case, event_code=EventCode.CASE_INTERVENTION, action=Action.CREATE,
                        ground=ground)
    return intervention


def classroom_advice_give(*, actor: Actor, case: Case, advice: str) -> ClassroomAdvice:
    ground = _require_contribute(actor, case, EventCode.CASE_CLASSROOM_ADVICE, Action.CREATE)
    if not advice.strip():
        raise ValidationError({"advice": _("Write the advice for the classroom.")})
    with service_transaction():
        case = case_lock_open(case)
        item = ClassroomAdvice.objects.create(
            case=case, advice=advice.strip(), given_by=actor.require_professional())
        case_log_event(actor, case,
                        event_code=EventCode.CASE_CLASSROOM_ADVICE, action=Action.CREATE,
                        ground=ground)
    return item
