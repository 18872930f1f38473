"""Changes made by retention: the scheduled run, the rules, destruction requests (Jeugdwet
7.3.9) and the Verwijsindex answer of a case.

`retention_run` is started by the system (the `retention_run` command, daily); it needs no
policy decision and acts as `system_actor()`. Everything else is done by a person and asks
`access.policy` first. Each category, and each request, is handled in one transaction that
also writes its access-log rows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor, system_actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode, retention_event
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record, access_events_record
from schakel.cases.models import Case
from schakel.cases.selectors import case_log_event, case_subject
from schakel.children.models import Child
from schakel.dates import add_years
from schakel.retention import categories
from schakel.retention.models import (
    ActionOutcome,
    DestructionRequest,
    DestructionStatus,
    RefusalGround,
    RequesterRelation,
    RetentionAction,
    RetentionCategory,
    RetentionRule,
    RetentionRun,
    RuleAction,
    StartEvent,
    VerwijsindexReport,
)
from schakel.retention.periods import destruction_due_on, retention_cutoff
from schakel.retention.selectors import (
    CategoryResult,
    RetentionReport,
    destruction_obstacles,
    retention_plan,
    rule_problem,
    summarise,
)
from schakel.signals.models import Signal
from schakel.transactions import service_transaction

# The access log is kept at least this long (NEN 7513); a rule cannot go below it.
LOG_MIN_YEARS: int = getattr(settings, "SCHAKEL_RETENTION_LOG_MIN_YEARS", 5)

GROUND_RETENTION = "retention"


# --- the retention run ---------------------------------------------------------------------


def _error_text(exc: Exception) -> str:
    """The kind of failure, never record content (a protected object's text could name a
    child)."""
    if isinstance(exc, ProtectedError | RestrictedError):
        blockers = sorted({obj._meta.label for obj in exc.args[1]})
        return f"{type(exc).__name__}: {', '.join(blockers)}"[:300]
    return type(exc).__name__


def _run_category(
    rule: RetentionRule, *, today: dt.date, run: RetentionRun, actor: Actor,
) -> CategoryResult:
    spec = categories.SPECS[rule.category]
    cutoff = retention_cutoff(today, years=rule.period_years, days=rule.period_days)
    # A category that may only be reported (the access log) is reported whatever the rule says.
    action = rule.action if rule.action in spec.actions else RuleAction.REPORT
    problem = rule_problem(rule, spec)
    base: dict[str, Any] = {"category": rule.category, "action": action, "cutoff": cutoff}
    if problem:
        result = CategoryResult(outcome=ActionOutcome.FAILED, error=problem, **base)
        RetentionAction.objects.create(run=run, rule=rule, **_fields(result))
        return result
    qs = spec.expired(cutoff, rule.start_event, action)
    outcome = ActionOutcome.REPORTED if action == RuleAction.REPORT else ActionOutcome.DONE
    try:
        with service_transaction():
            summary = summarise(qs)
            child_ids = spec.child_ids(qs) if summary["count"] else []
            spec.apply(qs, action)
            result = CategoryResult(
                outcome=outcome, children_count=len(child_ids), **base, **summary)
            record = RetentionAction.objects.create(run=run, rule=rule, **_fields(result))
            if child_ids and action != RuleAction.REPORT:
                code: EventCode = retention_event(rule.category, action)
                access_events_record(
                    actor=actor, event_code=code,
                    action=Action.DELETE, ground=GROUND_RETENTION,
                    subjects=[Subject("retention.retentionaction", str(record.pk), child_id)
                              for child_id in child_ids],
                )
    except (ProtectedError, RestrictedError, DatabaseError) as exc:
        result = CategoryResult(outcome=ActionOutcome.FAILED, error=_error_text(exc), **base)
        RetentionAction.objects.create(run=run, rule=rule, **_fields(result))
    return result


def _fields(result: CategoryResult) -> dict[str, Any]:
    return {
        "category": result.category, "action": result.action, "outcome": result.outcome,
        "cutoff": result.cutoff, "count": result.count, "first_id": result.first_id,
        "last_id": result.last_id, "ids": result.ids, "ids_truncated": result.ids_truncated,
        "children_count": result.children_count, "error": result.error,
    }


def retention_run(*, today: dt.date | None = None, dry_run: bool = False) -> RetentionReport:
    """Delete or anonymise what has passed its retention period on `today` (default: the
    local date), category by category, each in its own transaction, and record it as a
    `RetentionRun` with one `RetentionAction` per category and a "D" access-log row per
    affected child. The access log itself is only reported. A dry run changes nothing and
    stores nothing; it returns what would be done."""
    today = today or timezone.localdate()
    rules = list(RetentionRule.objects.filter(is_active=True).order_by("category"))
    if dry_run:
        return retention_plan(today=today)
    actor = system_actor()
    run = RetentionRun.objects.create(run_on=today, started_at=timezone.now(),
                                      started_by=actor.user)
    results = [_run_category(rule, today=today, run=run, actor=actor) for rule in rules]
    run.finished_at = timezone.now()
    run.save(update_fields=["finished_at"])
    return RetentionReport(today=today, dry_run=False, results=results, run=run)


# --- the rules -----------------------------------------------------------------------------


def _shorter_than_years(period_years: int, period_days: int, years: int) -> bool:
    reference = dt.date(2001, 1, 1)  # any day; a leap day would not change the answer
    end = add_years(reference, period_years) + dt.timedelta(days=period_days)
    return end < add_years(reference, years)


def retention_rule_update(
    *, actor: Actor, rule: RetentionRule, period_years: int, period_days: int,
    start_event: StartEvent | str, action: RuleAction | str, notes: str = "",
) -> RetentionRule:
    """Change a rule (the privacy officer). The access log is only ever reported and is kept
    at least `SCHAKEL_RETENTION_LOG_MIN_YEARS` years (NEN 7513)."""
    decision = enforce(
        actor, policy.may_manage_retention(actor), event_code=EventCode.RETENTION_RULE_UPDATE,
        action=Action.UPDATE, subject=Subject.of(rule, None),
    )
    spec = categories.SPECS[rule.category]
    errors: dict[str, str] = {}
    if period_years < 0 or period_days < 0 or period_years + period_days == 0:
        errors["period_years"] = _("Give a period of at least one day.")
    if start_event not in spec.start_events:
        errors["start_event"] = _("This start event does not apply to this category.")
    if action not in spec.actions:
        errors["action"] = _("This action does not apply to this category.")
    if rule.category == RetentionCategory.ACCESS_LOG and _shorter_than_years(
            period_years, period_days, LOG_MIN_YEARS):
        errors["period_years"] = _("The access log is kept at least %(years)s years.") % {
            "years": LOG_MIN_YEARS}
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        rule.period_years, rule.period_days = period_years, period_days
        rule.start_event, rule.action = start_event, action
        rule.notes = notes.strip()
        rule.updated_by = actor.require_professional()
        rule.save()
        access_event_record(
            actor=actor, event_code=EventCode.RETENTION_RULE_UPDATE, action=Action.UPDATE,
            subject=Subject.of(rule, None), ground=decision.log_ground,
        )
    return rule


# --- destruction requests (Jeugdwet 7.3.9) -------------------------------------------------


def requester_may_request(child: Child, relation: str, day: dt.date) -> bool:
    """Who may ask (Jeugdwet 7.3.9 first paragraph): the young person from 12; for a child
    under 12 the parent with custody or the guardian. A young person of 12 or over who cannot
    reasonably weigh their interests is represented too: that is the handler's assessment, so
    a representative's request about a child of 12 or over is not refused here."""
    if relation == RequesterRelation.YOUNG_PERSON:
        return child.age_on(day) >= 12
    return True


def _lock_request(request: DestructionRequest) -> DestructionRequest:
    return DestructionRequest.objects.select_for_update().get(pk=request.pk)


def destruction_request_register(
    *, actor: Actor, child: Child, requested_by: str, requester_relation: RequesterRelation | str,
    received_on: dt.date,
) -> DestructionRequest:
    decision = enforce(
        actor, policy.may_handle_destruction_request(actor, child),
        event_code=EventCode.DESTRUCTION_REQUEST_REGISTER, action=Action.CREATE,
        subject=Subject("retention.destructionrequest", "", child.pk),
    )
    errors: dict[str, str] = {}
    if not requested_by.strip():
        errors["requested_by"] = _("Who made the request?")
    if requester_relation not in RequesterRelation.values:
        errors["requester_relation"] = _("Choose the requester's relation to the child.")
    if received_on > timezone.localdate():
        errors["received_on"] = _("The date of receipt cannot lie in the future.")
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        request = DestructionRequest.objects.create(
            child=child, requested_by=requested_by.strip(),
            requester_relation=requester_relation, received_on=received_on,
            due_on=destruction_due_on(received_on), registered_by=actor.require_professional(),
        )
        access_event_record(
            actor=actor, event_code=EventCode.DESTRUCTION_REQUEST_REGISTER, action=Action.CREATE,
            subject=Subject.of(request, child.pk), ground=decision.log_ground,
        )
    return request


def destruction_request_decide(
    *, actor: Actor, request: DestructionRequest, grant: bool, reason: str = "",
    refusal_ground: RefusalGround | str = "",
) -> DestructionRequest:
    """Grant (to be carried out) or refuse. A refusal names one of the exceptions of Jeugdwet
    7.3.9 and gives the reason, which the requester is told."""
    decision = enforce(
        actor, policy.may_handle_destruction_request(actor, request.child),
        event_code=EventCode.DESTRUCTION_REQUEST_DECIDE, action=Action.UPDATE,
        subject=Subject.of(request, request.child_id),
    )
    if not grant:
        errors: dict[str, str] = {}
        if refusal_ground not in RefusalGround.values:
            errors["refusal_ground"] = _("Choose the ground for refusing.")
        if not reason.strip():
            errors["reason"] = _("Give the reason for refusing; the requester is told.")
        if errors:
            raise ValidationError(errors)
    with service_transaction():
        request = _lock_request(request)
        if request.status != DestructionStatus.RECEIVED:
            raise ValidationError(_("This request has already been decided."))
        if grant and (obstacles := destruction_obstacles(request.child)):
            raise ValidationError({"decision": [*obstacles, _(
                "Refuse the request on that ground, or decide when the case is closed and the "
                "measure has ended.")]})
        request.status = DestructionStatus.ASSESSED if grant else DestructionStatus.REFUSED
        request.refusal_ground = "" if grant else refusal_ground
        request.decision_reason = reason.strip()
        request.handled_by = actor.require_professional()
        request.decided_at = timezone.now()
        request.save(update_fields=["status", "refusal_ground", "decision_reason",
                                    "handled_by", "decided_at"])
        access_event_record(
            actor=actor, event_code=EventCode.DESTRUCTION_REQUEST_DECIDE, action=Action.UPDATE,
            subject=Subject.of(request, request.child_id), ground=decision.log_ground,
        )
    return request


def destruction_request_carry_out(
    *, actor: Actor, request: DestructionRequest, today: dt.date | None = None,
) -> DestructionRequest:
    """Destroy the child's own case files (every case about this child, with the signals that
    led to them) through the same deletion code as `retention_run`. Family cases also hold
    the siblings' data (an interest of others, 7.3.9 second paragraph) and are kept; their
    number is recorded. Refused, with nothing destroyed, while a case of the child is open or
    a measure is in force. Writes a "D" row per destroyed case and one for the request."""
    decision = enforce(
        actor, policy.may_handle_destruction_request(actor, request.child),
        event_code=EventCode.DESTRUCTION_REQUEST_CARRY_OUT, action=Action.DELETE,
        subject=Subject.of(request, request.child_id),
    )
    today = today or timezone.localdate()
    me = actor.require_professional()
    with service_transaction():
        request = _lock_request(request)
        if request.status != DestructionStatus.ASSESSED:
            raise ValidationError(_("Only a granted request can be carried out."))
        if obstacles := destruction_obstacles(request.child, today):
            raise ValidationError([*obstacles, _("Nothing was destroyed.")])
        child_id = request.child_id
        cases = Case.objects.filter(child_id=child_id)
        case_ids = list(cases.order_by("pk").values_list("pk", flat=True))
        signals = Signal.objects.filter(case_id__in=case_ids)
        try:
            n_signals = categories.signals_delete(signals)
            n_cases = categories.cases_delete(cases)
        except (ProtectedError, RestrictedError) as exc:
            raise ValidationError(
                _("Other records still refer to this child's cases (%(error)s); nothing was "
                  "destroyed.") % {"error": _error_text(exc)}) from exc
        family_id = Child.objects.filter(pk=child_id).values_list("family_id", flat=True)[0]
        kept = Case.objects.filter(family_id=family_id).count() if family_id else 0
        request.status = DestructionStatus.CARRIED_OUT
        request.carried_out_on = today
        request.handled_by = me
        request.destroyed = {
            RetentionCategory.CASE_CONTENT.value: n_cases,
            RetentionCategory.SCHOOL_SIGNAL.value: n_signals,
            "family_cases_kept": kept,
        }
        request.save(update_fields=["status", "carried_out_on", "handled_by", "destroyed"])
        access_events_record(
            actor=actor, event_code=EventCode.DESTRUCTION_REQUEST_CARRY_OUT, action=Action.DELETE,
            ground=decision.log_ground,
            subjects=[Subject.of(request, child_id),
                      *(Subject("cases.case", str(pk), child_id) for pk in case_ids)],
        )
    return request


# --- the Verwijsindex question -------------------------------------------------------------


def verwijsindex_record(
    *, actor: Actor, case: Case, reported: bool, reported_on: dt.date | None = None,
    reported_by: str = "",
) -> VerwijsindexReport:
    """Record whether the child is also reported in the Verwijsindex risicojongeren, when and
    by whom (as the index shows it). Schakel does not report to the index and stores no BSN."""
    decision = enforce(
        actor, policy.may_contribute_to_case(actor, case), event_code=EventCode.CASE_VERWIJSINDEX,
        action=Action.UPDATE, subject=case_subject(case),
    )
    errors: dict[str, str] = {}
    if reported and reported_on is None:
        errors["reported_on"] = _("Give the date of the report.")
    if reported_on is not None and reported_on > timezone.localdate():
        errors["reported_on"] = _("The date of the report cannot lie in the future.")
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        report = VerwijsindexReport.objects.create(
            case=case, reported=reported, reported_on=reported_on if reported else None,
            reported_by=reported_by.strip() if reported else "",
            checked_by=actor.require_professional(), checked_at=timezone.now(),
        )
        case_log_event(actor, case, event_code=EventCode.CASE_VERWIJSINDEX, action=Action.UPDATE,
                       ground=decision.log_ground)
    return report
