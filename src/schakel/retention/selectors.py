"""Reads for retention: rules and runs (the privacy officer), destruction requests (the
privacy officer and the coordinators of the children's cases) and the Verwijsindex answer of a
case. Every read of a child's data leaves an access-log row; a refusal is a 404."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, Max, Min, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read
from schakel.audit.writer import Subject
from schakel.cases.models import Case, CaseStatus
from schakel.cases.selectors import case_child_ids, case_subject, case_subjects
from schakel.children.models import Child, Measure, MeasureKind
from schakel.retention import categories
from schakel.retention.models import (
    ActionOutcome,
    DestructionRequest,
    DestructionStatus,
    RetentionCategory,
    RetentionRule,
    RetentionRun,
    RuleAction,
    VerwijsindexReport,
)
from schakel.retention.periods import retention_cutoff, verwijsindex_expires_on

# How many ids a RetentionAction lists; beyond it only the count and the id range are kept.
MAX_LISTED_IDS: int = getattr(settings, "SCHAKEL_RETENTION_MAX_LISTED_IDS", 1000)


# --- what a run would do -------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryResult:
    """What a run did, or in a dry run would do, with one category. Ids, never content."""

    category: str
    action: str
    outcome: str
    cutoff: dt.date
    count: int = 0
    first_id: int | None = None
    last_id: int | None = None
    ids: list[int] = field(default_factory=list)
    ids_truncated: bool = False
    children_count: int = 0
    error: str = ""

    def get_category_display(self) -> str:
        return str(RetentionCategory(self.category).label)

    def get_action_display(self) -> str:
        return str(RuleAction(self.action).label)


@dataclass(frozen=True)
class RetentionReport:
    today: dt.date
    dry_run: bool
    results: list[CategoryResult]
    run: RetentionRun | None = None


def summarise(qs: QuerySet[Any]) -> dict[str, Any]:
    totals = qs.aggregate(count=Count("pk"), first_id=Min("pk"), last_id=Max("pk"))
    ids = list(qs.order_by("pk").values_list("pk", flat=True)[: MAX_LISTED_IDS + 1])
    return {**totals, "ids": ids[:MAX_LISTED_IDS], "ids_truncated": len(ids) > MAX_LISTED_IDS}


def rule_problem(rule: RetentionRule, spec: categories.CategorySpec) -> str:
    if rule.start_event not in spec.start_events:
        return f"start event {rule.start_event} does not apply to {rule.category}"
    if rule.action not in spec.actions and spec.actions != {RuleAction.REPORT}:
        return f"action {rule.action} does not apply to {rule.category}"
    return ""




def category_plan(rule: RetentionRule, *, today: dt.date) -> CategoryResult:
    """What a run on `today` would do with one category: counts and ids, nothing changed."""
    spec = categories.SPECS[rule.category]
    cutoff = retention_cutoff(today, years=rule.period_years, days=rule.period_days)
    action = rule.action if rule.action in spec.actions else RuleAction.REPORT
    base: dict[str, Any] = {"category": rule.category, "action": action, "cutoff": cutoff}
    problem = rule_problem(rule, spec)
    if problem:
        return CategoryResult(outcome=ActionOutcome.FAILED, error=problem, **base)
    qs = spec.expired(cutoff, rule.start_event, action)
    outcome = ActionOutcome.REPORTED if action == RuleAction.REPORT else ActionOutcome.DONE
    summary = summarise(qs)
    children = len(spec.child_ids(qs)) if summary["count"] else 0
    return CategoryResult(outcome=outcome, children_count=children, **base, **summary)


def retention_plan(*, today: dt.date | None = None) -> RetentionReport:
    """What a retention run would do on `today` (a dry run): changes and stores nothing."""
    today = today or timezone.localdate()
    rules = RetentionRule.objects.filter(is_active=True).order_by("category")
    return RetentionReport(today=today, dry_run=True,
                           results=[category_plan(rule, today=today) for rule in rules])


# --- rules and runs ------------------------------------------------------------------------


def _require_manager(actor: Actor, event_code: EventCode, obj_type: str) -> None:
    enforce(actor, policy.may_manage_retention(actor), event_code=event_code, action=Action.READ,
            subject=Subject(obj_type, "", None))


def retention_rules(*, actor: Actor) -> QuerySet[RetentionRule]:
    _require_manager(actor, EventCode.RETENTION_RULES, "retention.retentionrule")
    return RetentionRule.objects.select_related("updated_by").order_by("category")


def retention_rule_get(*, actor: Actor, rule_id: int) -> RetentionRule:
    _require_manager(actor, EventCode.RETENTION_RULES, "retention.retentionrule")
    rule = RetentionRule.objects.filter(pk=rule_id).first()
    if rule is None:
        raise Http404
    return rule


def retention_runs(*, actor: Actor, limit: int = 100) -> list[RetentionRun]:
    _require_manager(actor, EventCode.RETENTION_RUNS, "retention.retentionrun")
    return list(RetentionRun.objects.prefetch_related("actions")[:limit])


def retention_run_get(*, actor: Actor, run_id: int) -> RetentionRun:
    _require_manager(actor, EventCode.RETENTION_RUNS, "retention.retentionrun")
    run = RetentionRun.objects.prefetch_related("actions").filter(pk=run_id).first()
    if run is None:
        raise Http404
    return run


def retention_preview(*, actor: Actor, today: dt.date | None = None) -> RetentionReport:
    """What a run would do today: a dry run, which changes and stores nothing."""
    _require_manager(actor, EventCode.RETENTION_PREVIEW, "retention.retentionrun")
    return retention_plan(today=today)


# --- destruction requests ------------------------------------------------------------------


def _request_subjects(requests: list[DestructionRequest]) -> list[Subject]:
    return [Subject.of(r, r.child_id) for r in requests]


@logged_read(event_code=EventCode.DESTRUCTION_REQUEST_LIST, subjects=_request_subjects)
def destruction_requests(*, actor: Actor) -> list[DestructionRequest]:
    """The requests the actor may handle: every open one by due date, then the latest 100
    decided ones."""
    enforce(
        actor, policy.may_list_destruction_requests(actor),
        event_code=EventCode.DESTRUCTION_REQUEST_LIST,
        action=Action.READ, subject=Subject("retention.destructionrequest", "", None),
    )
    visible = DestructionRequest.objects.filter(
        policy.destruction_requests_visible_q(actor)).select_related("child", "handled_by")
    open_statuses = [DestructionStatus.RECEIVED, DestructionStatus.ASSESSED]
    return [
        *visible.filter(status__in=open_statuses).order_by("due_on", "pk"),
        *visible.exclude(status__in=open_statuses).order_by("-received_on", "-pk")[:100],
    ]


@logged_read(event_code=EventCode.DESTRUCTION_REQUEST_LIST, subjects=_request_subjects)
def destruction_requests_overdue(
    *, actor: Actor, today: dt.date | None = None,
) -> list[DestructionRequest]:
    """Requests past their due date and not carried out or refused: for the privacy officer."""
    enforce(
        actor, policy.may_manage_retention(actor), event_code=EventCode.DESTRUCTION_REQUEST_OVERDUE,
        action=Action.READ, subject=Subject("retention.destructionrequest", "", None),
    )
    today = today or timezone.localdate()
    return list(
        DestructionRequest.objects.filter(
            status__in=[DestructionStatus.RECEIVED, DestructionStatus.ASSESSED],
            due_on__lt=today,
        ).select_related("child").order_by("due_on", "pk")
    )


def _one_request_subjects(request: DestructionRequest) -> list[Subject]:
    return _request_subjects([request])


@logged_read(event_code=EventCode.DESTRUCTION_REQUEST_READ, subjects=_one_request_subjects)
def destruction_request_get(*, actor: Actor, request_id: int) -> DestructionRequest:
    request = (
        DestructionRequest.objects.select_related("child", "handled_by", "registered_by")
        .filter(pk=request_id).first()
    )
    if request is None:
        raise Http404
    enforce(
        actor, policy.may_handle_destruction_request(actor, request.child),
        event_code=EventCode.DESTRUCTION_REQUEST_READ, action=Action.READ,
        subject=Subject.of(request, request.child_id),
    )
    return request


def destruction_obstacles(child: Child, today: dt.date | None = None) -> list[str]:
    """What stands in the way of destroying the child's file today, in words: an open case of
    the child (the help is in progress) or a measure in force (Jeugdwet 7.3.9 lid 2)."""
    today = today or timezone.localdate()
    open_cases = Case.objects.filter(child=child).exclude(status=CaseStatus.CLOSED)
    obstacles = [_("Case %(ref)s is still open.") % {"ref": case.reference}
                 for case in open_cases.order_by("pk")]
    obstacles += [_("A measure is in force: %(kind)s.") % {"kind": measure.get_kind_display()}
                  for measure in Measure.objects.filter(child=child).active_on(today)]
    return obstacles


def _children_subjects(children: list[Child]) -> list[Subject]:
    return [Subject("children.child", str(child.pk), child.pk) for child in children]


def _child_subjects(child: Child) -> list[Subject]:
    return _children_subjects([child])


@logged_read(event_code=EventCode.DESTRUCTION_REQUEST_FORM, subjects=_child_subjects)
def child_for_destruction_request(*, actor: Actor, child_id: int) -> Child:
    """The child a new request is registered for (its name is shown on the form)."""
    child = Child.objects.filter(pk=child_id).first()
    if child is None:
        raise Http404
    enforce(
        actor, policy.may_handle_destruction_request(actor, child),
        event_code=EventCode.DESTRUCTION_REQUEST_FORM, action=Action.READ,
        subject=Subject("children.child", str(child.pk), child.pk),
    )
    return child


@logged_read(event_code=EventCode.DESTRUCTION_REQUEST_SEARCH, subjects=_children_subjects)
def children_for_destruction_request(
    *, actor: Actor, last_name: str, birth_date: dt.date,
) -> list[Child]:
    """Find the child a request is about by last name and date of birth (as a letter gives
    them), among the children the actor may handle requests for."""
    enforce(
        actor, policy.may_list_destruction_requests(actor),
        event_code=EventCode.DESTRUCTION_REQUEST_SEARCH,
        action=Action.READ, subject=Subject("children.child", "", None),
    )
    candidates = Child.objects.filter(last_name__iexact=last_name.strip(), birth_date=birth_date)
    return [child for child in candidates.order_by("first_name", "pk")[:20]
            if policy.may_handle_destruction_request(actor, child)]


# --- the Verwijsindex question -------------------------------------------------------------

RISK_MEASURES = (MeasureKind.OTS, MeasureKind.PROVISIONAL_OTS, MeasureKind.GUARDIANSHIP,
                 MeasureKind.YOUTH_PROBATION)


def verwijsindex_latest(case: Case) -> VerwijsindexReport | None:
    return case.verwijsindex_reports.order_by("-checked_at", "-pk").first()


def verwijsindex_risk_ground(case: Case, today: dt.date | None = None) -> bool:
    """A risk ground for the Verwijsindex question: the case is or was escalated, or a child
    of the case has an active OTS, voogdij or jeugdreclassering measure."""
    if case.status == CaseStatus.ESCALATED or case.escalations.exists():
        return True
    today = today or timezone.localdate()
    return Measure.objects.filter(
        child_id__in=case_child_ids(case), kind__in=RISK_MEASURES).active_on(today).exists()


def verwijsindex_question_due(case: Case, today: dt.date | None = None) -> bool:
    """Should the team be asked whether the child is also reported in the Verwijsindex? Yes
    for an open case with a risk ground and no answer yet, or whose recorded report has
    expired (a report lapses after 2 years)."""
    if case.status == CaseStatus.CLOSED:
        return False
    today = today or timezone.localdate()
    if not verwijsindex_risk_ground(case, today):
        return False
    latest = verwijsindex_latest(case)
    if latest is None:
        return True
    return (latest.reported and latest.reported_on is not None
            and verwijsindex_expires_on(latest.reported_on) <= today)


@dataclass(frozen=True)
class VerwijsindexStatus:
    case: Case
    latest: VerwijsindexReport | None
    history: list[VerwijsindexReport]
    expires_on: dt.date | None
    question_due: bool
    can_record: bool


def _status_subjects(status: VerwijsindexStatus) -> list[Subject]:
    return case_subjects(status.case)


@logged_read(event_code=EventCode.CASE_VERWIJSINDEX_READ, subjects=_status_subjects)
def verwijsindex_status(*, actor: Actor, case_id: int) -> VerwijsindexStatus:
    case = Case.objects.select_related("child", "family").filter(pk=case_id).first()
    if case is None:
        raise Http404
    enforce(
        actor, policy.may_read_case(actor, case), event_code=EventCode.CASE_VERWIJSINDEX_READ,
        action=Action.READ, subject=case_subject(case),
    )
    history = list(case.verwijsindex_reports.select_related("checked_by")
                   .order_by("-checked_at", "-pk"))
    latest = history[0] if history else None
    expires_on = (verwijsindex_expires_on(latest.reported_on)
                  if latest is not None and latest.reported_on is not None else None)
    return VerwijsindexStatus(
        case=case, latest=latest, history=history, expires_on=expires_on,
        question_due=verwijsindex_question_due(case),
        can_record=bool(policy.may_contribute_to_case(actor, case)),
    )
