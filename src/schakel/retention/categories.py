"""What each retention category means in the database: which records have expired on a day,
which children they concern, and how they are deleted or anonymised.

Everything here is set-based: the expired records are a queryset, and deleting or anonymising
them is one statement per table (deletes go through Django's collector, so that rows of other
apps that cascade from a case go with it, and a protecting foreign key stops the deletion
instead of leaving half a file). Callers own the transaction and the access log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case as SqlCase,
    DateTimeField,
    Exists,
    F,
    Max,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest
from django.db.models.lookups import LessThan

from schakel.attachments.models import Attachment, attachment_files_delete_on_commit
from schakel.audit.models import AccessEvent
from schakel.cases.models import (
    Agreement,
    Case,
    CaseStatus,
    ClassroomAdvice,
    Consultation,
    Escalation,
    Intervention,
    Involvement,
    PlanStepEntry,
)
from schakel.children.models import Child, Enrolment
from schakel.notifications.models import Notification
from schakel.retention.models import (
    ANONYMISED,
    RetentionCategory,
    RuleAction,
    StartEvent,
    VerwijsindexReport,
)
from schakel.retention.periods import start_of_day_after
from schakel.signals.models import Signal, SignalLevel

# --- care content of a case --------------------------------------------------------------

# Timestamps of changes to a case's content, per related model. Dates of the help itself
# (an intervention's period, an agreement's due date) are not changes and may lie ahead.
_CASE_CHANGE_TIMESTAMPS: tuple[tuple[type[Model], str], ...] = (
    (PlanStepEntry, "filled_in_at"),
    (Consultation, "recorded_at"),
    (ClassroomAdvice, "given_at"),
    (Escalation, "escalated_at"),
    (Agreement, "created_at"),
    (Agreement, "completed_at"),
    (VerwijsindexReport, "checked_at"),
)


def _latest(model: type[Model], field: str) -> Coalesce:
    latest = (
        model._default_manager.filter(case=OuterRef("pk")).order_by().values("case")
        .annotate(latest=Max(field)).values("latest")[:1]
    )
    return Coalesce(Subquery(latest, output_field=DateTimeField()), F("opened_at"))


def last_change() -> Greatest:
    """The latest moment anything of a case was written, as an expression on `Case`."""
    return Greatest(
        F("opened_at"),
        Coalesce(F("closed_at"), F("opened_at")),
        Coalesce(F("last_evaluated_at"), F("opened_at")),
        *(_latest(model, field) for model, field in _CASE_CHANGE_TIMESTAMPS),
        output_field=DateTimeField(),
    )


def expired_cases(cutoff: dt.date, start_event: str, action: str) -> QuerySet[Case]:
    """Closed cases whose start event (closure, or last change) fell on or before `cutoff`.
    Open cases never expire: the help is still going on."""
    boundary = start_of_day_after(cutoff)
    qs = Case.objects.filter(status=CaseStatus.CLOSED, closed_at__isnull=False)
    if action == RuleAction.ANONYMISE:
        qs = qs.exclude(title=ANONYMISED)
    if start_event == StartEvent.CASE_CLOSED:
        return qs.filter(closed_at__lt=boundary)
    return qs.filter(LessThan(last_change(), boundary))


def case_child_ids(cases: QuerySet[Case]) -> list[int]:
    """The children whose data the cases hold: each case's child, or its family's children."""
    ids = cases.order_by().values("pk")
    in_case = Case.objects.filter(pk__in=ids)
    return list(
        Child.objects.filter(
            Q(Exists(in_case.filter(child_id=OuterRef("pk"))))
            | Q(Exists(in_case.filter(family_id=OuterRef("family_id"))))
        ).order_by("pk").values_list("pk", flat=True)
    )


def cases_delete(cases: QuerySet[Case]) -> int:
    """Delete the cases with everything that cascades from them (involvements, consultations,
    plan, agreements, interventions, advice, escalations, Verwijsindex answers); linked
    signals are detached (`Signal.case` is SET_NULL). Returns the number of cases."""
    doomed = Case.objects.filter(pk__in=cases.order_by().values("pk"))
    # The attachments' rows cascade; their files go once the deletion is committed.
    attachment_files_delete_on_commit(
        Attachment.objects.filter(case__in=doomed).values_list("stored_name", flat=True))
    _total, per_model = doomed.delete()
    return per_model.get(Case._meta.label, 0)


_CASE_FREE_TEXT: tuple[tuple[type[Model], tuple[str, ...]], ...] = (
    (Involvement, ("part",)),
    (Consultation, ("signals_seen", "already_started", "wisdom", "who_takes_role")),
    (PlanStepEntry, ("content", "dissent")),
    (Agreement, ("description",)),
    (Intervention, ("description", "effect")),
    (ClassroomAdvice, ("advice",)),
    (Escalation, ("reason",)),
)


def cases_anonymise(cases: QuerySet[Case]) -> int:
    """Replace every free text of the cases by the anonymised marker. The case keeps its link
    to the child or family (a case must have a subject), so this pseudonymises the content
    rather than anonymising the record; choose "delete" where that is not enough."""
    # The related tables first: the selection excludes cases already anonymised, so the
    # cases themselves are updated last.
    ids = cases.order_by().values("pk")
    # An attached document cannot be anonymised: it is deleted, file and row.
    attachments = Attachment.objects.filter(case_id__in=ids)
    attachment_files_delete_on_commit(attachments.values_list("stored_name", flat=True))
    attachments.delete()
    for model, fields in _CASE_FREE_TEXT:
        model._default_manager.filter(case_id__in=ids).update(
            **dict.fromkeys(fields, ANONYMISED))
    return Case.objects.filter(pk__in=ids).update(title=ANONYMISED, closure_reason=ANONYMISED)


# --- signals about a child (the school's support file) -------------------------------------


def expired_signals(cutoff: dt.date, start_event: str, action: str) -> QuerySet[Signal]:
    """Signals about a child that are not part of a case file any more, raised on or before
    `cutoff`, whose pupil has no enrolment at the signal's school that is current or ended
    after `cutoff`: the pupil left the school at least the period ago (or was never
    recorded there)."""
    boundary = start_of_day_after(cutoff)
    still_there = Enrolment.objects.filter(
        child_id=OuterRef("child_id"), school_id=OuterRef("school_id"),
    ).not_ended_before(cutoff + dt.timedelta(days=1))
    qs = Signal.objects.filter(
        level=SignalLevel.CHILD, child__isnull=False, case__isnull=True, raised_at__lt=boundary,
    )
    if start_event == StartEvent.LEFT_SCHOOL:
        qs = qs.filter(~Exists(still_there))
    return qs


def signal_child_ids(signals: QuerySet[Signal]) -> list[int]:
    return list(
        signals.order_by("child_id").values_list("child_id", flat=True).distinct())


def signals_delete(signals: QuerySet[Signal]) -> int:
    doomed = Signal.objects.filter(pk__in=signals.order_by().values("pk"))
    _total, per_model = doomed.delete()
    return per_model.get(Signal._meta.label, 0)


def signals_anonymise(signals: QuerySet[Signal]) -> int:
    """Keep the signal for the school's picture (theme, class, date) without the child: the
    description becomes the marker, the child is detached, and the level becomes class (or
    school, when no class was recorded) as the model's subject rule requires."""
    return Signal.objects.filter(pk__in=signals.order_by().values("pk")).update(
        description=ANONYMISED,
        child=None,
        level=SqlCase(
            When(school_class__isnull=True, then=Value(SignalLevel.SCHOOL.value)),
            default=Value(SignalLevel.CLASS.value),
        ),
    )


# --- notifications -------------------------------------------------------------------------


def expired_notifications(cutoff: dt.date, start_event: str, action: str
                          ) -> QuerySet[Notification]:
    qs = Notification.objects.filter(created_at__lt=start_of_day_after(cutoff))
    if action == RuleAction.ANONYMISE:
        qs = qs.exclude(message=ANONYMISED)
    return qs


def notifications_delete(notifications: QuerySet[Notification]) -> int:
    _total, per_model = notifications.order_by().delete()
    return per_model.get(Notification._meta.label, 0)


def notifications_anonymise(notifications: QuerySet[Notification]) -> int:
    return notifications.order_by().update(message=ANONYMISED, texts={}, link="")


# --- the access log (reported, never changed here) -----------------------------------------


def expired_log_events(cutoff: dt.date, start_event: str, action: str
                       ) -> QuerySet[AccessEvent]:
    return AccessEvent.objects.filter(occurred_at__lt=start_of_day_after(cutoff))


# --- the registry --------------------------------------------------------------------------


def _no_children(qs: QuerySet[Any]) -> list[int]:
    return []


@dataclass(frozen=True)
class CategorySpec:
    """How one category is selected and handled; `actions` are those a rule may choose."""

    category: RetentionCategory
    start_events: frozenset[StartEvent]
    actions: frozenset[RuleAction]
    expired: Callable[[dt.date, str, str], QuerySet[Any]]
    child_ids: Callable[[QuerySet[Any]], list[int]]
    delete: Callable[[QuerySet[Any]], int] | None
    anonymise: Callable[[QuerySet[Any]], int] | None

    def apply(self, qs: QuerySet[Any], action: str) -> int:
        """Delete or anonymise the selection; report-only does nothing. Returns a count."""
        if action == RuleAction.DELETE and self.delete is not None:
            return self.delete(qs)
        if action == RuleAction.ANONYMISE and self.anonymise is not None:
            return self.anonymise(qs)
        return 0


_CHANGING = frozenset({RuleAction.DELETE, RuleAction.ANONYMISE})

SPECS: dict[str, CategorySpec] = {
    spec.category: spec
    for spec in (
        CategorySpec(
            RetentionCategory.CASE_CONTENT,
            frozenset({StartEvent.LAST_CHANGE, StartEvent.CASE_CLOSED}), _CHANGING,
            expired_cases, case_child_ids, cases_delete, cases_anonymise),
        CategorySpec(
            RetentionCategory.SCHOOL_SIGNAL,
            frozenset({StartEvent.LEFT_SCHOOL, StartEvent.CREATED}), _CHANGING,
            expired_signals, signal_child_ids, signals_delete, signals_anonymise),
        CategorySpec(
            RetentionCategory.NOTIFICATION, frozenset({StartEvent.CREATED}), _CHANGING,
            expired_notifications, _no_children, notifications_delete,
            notifications_anonymise),
        # The access log is append-only and hash-chained: this task only reports what has
        # passed its period; removing old log segments is a separate, audited procedure.
        CategorySpec(
            RetentionCategory.ACCESS_LOG, frozenset({StartEvent.CREATED}),
            frozenset({RuleAction.REPORT}), expired_log_events, _no_children, None, None),
    )
}
