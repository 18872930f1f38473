"""What parents and young people read in the portal. Every read goes through the access
policy (`access.policy.portal`) and leaves an access-log row; a refusal is the same logged 404 as
a missing page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TypeVar

from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.urls import reverse
from django.utils import timezone

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.access.policy import consenters
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read
from schakel.audit.writer import Subject
from schakel.cases.models import Agreement, Case, Involvement, PlanStepEntry
from schakel.cases.selectors import PlanStepView, case_subject, case_subjects, plan_steps
from schakel.children.models import Child, Guardianship
from schakel.notifications.models import Notification, NotificationKind
from schakel.portal.entries import Entry, entry_get, entry_key
from schakel.portal.models import (
    CorrectionRequest,
    EntryType,
    OwnView,
    PendingConsent,
    PendingConsentSignature,
    PendingConsentStatus,
    PlanSignature,
    PortalContribution,
    SharedWithParents,
)

R = TypeVar("R", OwnView, CorrectionRequest)
HOME_NOTIFICATIONS = 10

def portal_case_url(case: Case) -> str:
    return reverse("portal:case", kwargs={"case_id": case.pk})


# --- home and the child's page -----------------------------------------------------------


@dataclass(frozen=True)
class ChildRow:
    child: Child
    age: int
    sees_file: bool
    decides_alone: bool  # 16 or over: the young person decides, parents see what is shared
    has_custody: bool | None  # None for the young person themself
    cases: list[Case]
    # Consents waiting for this reader's signature (`_awaiting_signature`): the home page and
    # the child's page show the same list.
    awaiting: list[PendingConsent]


@dataclass(frozen=True)
class PortalHome:
    name: str
    is_young_person: bool
    children: list[ChildRow]
    notifications: list[Notification]


def _age(child: Child) -> int:
    return consenters.age_on(child.birth_date, timezone.localdate())


def _cases(actor: Actor, child: Child) -> list[Case]:
    return list(Case.objects.filter(policy.portal_cases_q(actor, child))
                .select_related("coordinator", "school").order_by("-opened_at", "-pk"))


def _awaiting_signature(actor: Actor, child: Child) -> list[PendingConsent]:
    """The one rule of "a consent awaits your signature": an open pending consent of the
    child that the reader may sign today and has not signed. A read helper for a child
    already read through the policy (`portal_home`, `portal_child_get`)."""
    person = policy.portal_person(actor)
    if person is None or not policy.may_give_consent_in_portal(actor, child):
        return []
    signed = PendingConsentSignature.objects.filter(pending=OuterRef("pk")).filter(
        Q(by_guardian=person.guardian) if person.guardian is not None
        else Q(by_young_person=person.child))
    return list(PendingConsent.objects.filter(
        child=child, status=PendingConsentStatus.OPEN).exclude(Exists(signed)).select_related(
        "organisation").order_by("created_at", "pk"))


def _row(actor: Actor, child: Child, custody: bool | None) -> ChildRow:
    age = _age(child)
    sees_file = bool(policy.may_read_file_in_portal(actor, child))
    return ChildRow(child=child, age=age, sees_file=sees_file,
                    decides_alone=age >= consenters.YOUNG_PERSON_ALONE_FROM,
                    has_custody=custody, cases=_cases(actor, child),
                    awaiting=_awaiting_signature(actor, child))


def _home_subjects(home: PortalHome) -> list[Subject]:
    return [Subject.of(row.child, row.child.pk) for row in home.children]


@logged_read(event_code=EventCode.PORTAL_HOME, subjects=_home_subjects)
def portal_home(*, actor: Actor) -> PortalHome:
    """The children of a parent (with what each may be seen), or the young person's own
    file. Each child shown is logged as read."""
    person = policy.portal_person(actor)
    if person is None:
        return PortalHome(name=actor.name, is_young_person=False, children=[],
                          notifications=[])
    if person.child is not None:
        rows = [_row(actor, person.child, None)] if policy.may_read_file_in_portal(
            actor, person.child) else []
    else:
        today = timezone.localdate()
        rows = [_row(actor, g.child, g.has_custody) for g in Guardianship.objects.filter(
            guardian=person.guardian).annotate(has_custody=ExpressionWrapper(
                policy.custody_q(today), output_field=BooleanField())).select_related(
            "child").order_by("-child__birth_date")]
    return PortalHome(name=person.name, is_young_person=person.child is not None,
                      children=rows, notifications=list(Notification.objects.filter(
                          recipient=actor.user, read_at__isnull=True).exclude(
                          # shown per child from the pending consents themselves
                          kind=NotificationKind.CONSENT_REQUESTED)[:HOME_NOTIFICATIONS]))


def _row_subjects(row: ChildRow) -> list[Subject]:
    return [Subject.of(row.child, row.child.pk)]


@logged_read(event_code=EventCode.PORTAL_CHILD, subjects=_row_subjects)
def portal_child_get(*, actor: Actor, child_id: int) -> ChildRow:
    """One child's page: the file's cases, or the shared cases and the minimal page."""
    child = Child.objects.filter(pk=child_id).first()
    subject = Subject("children.child", str(child_id), child.pk if child else None)
    allowed = policy.may_read_child_in_portal(actor, child) if child else policy.DENY
    enforce(actor, allowed, event_code=EventCode.PORTAL_CHILD, action=Action.READ,
            subject=subject)
    assert child is not None  # noqa: S101 - enforce raised otherwise
    person = policy.portal_person(actor)
    custody = None
    if person is not None and person.guardian is not None:
        custody = policy.has_custody(person.guardian, child, timezone.localdate())
    return _row(actor, child, custody)


# --- a case ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PortalEntry:
    """An entry as the portal shows it, with the own views added to it and the reader's
    own correction requests about it."""

    entry: Entry
    entry_type: str
    own_views: list[OwnView]
    corrections: list[CorrectionRequest]


@dataclass(frozen=True)
class PortalStep:
    view: PlanStepView
    current: PortalEntry | None
    contributions: list[PortalContribution]


@dataclass(frozen=True)
class PortalCasePage:
    case: Case
    steps: list[PortalStep]
    agreements: list[PortalEntry]
    interventions: list[PortalEntry]
    involvements: list[Involvement]
    signatures: list[PlanSignature]
    notifications: list[Notification]
    signed_current: bool
    has_plan: bool
    can_contribute: bool
    can_share: bool
    is_shared: bool


def _case_queryset() -> QuerySet[Case]:
    today = timezone.localdate()
    return Case.objects.select_related(
        "child", "family", "school", "coordinator__organisation", "plan_template",
    ).prefetch_related(
        Prefetch("involvements", queryset=Involvement.objects.active_on(today).select_related(
            "professional__organisation")),
        Prefetch("agreements", queryset=Agreement.objects.select_related("owner")),
        "interventions",
        Prefetch("plan_entries", queryset=PlanStepEntry.objects.select_related("filled_in_by")),
    )


def case_for_portal(
    *, actor: Actor, case_id: int, event_code: EventCode = EventCode.PORTAL_CASE,
) -> Case:
    """A case the portal user may read, or the logged 404. Not logged as a read: the page
    or the service that uses it does that."""
    case = _case_queryset().filter(pk=case_id).first()
    if case is None:
        enforce(actor, policy.DENY, event_code=event_code, action=Action.READ,
                subject=Subject("cases.case", str(case_id), None))
        raise AssertionError("unreachable")
    enforce(actor, policy.may_read_case_in_portal(actor, case), event_code=event_code,
            action=Action.READ, subject=case_subject(case))
    return case


def _entry_subjects(read: tuple[Case, Entry]) -> list[Subject]:
    return case_subjects(read[0])


@logged_read(event_code=EventCode.PORTAL_ENTRY, subjects=_entry_subjects)
def portal_entry_get(
    *, actor: Actor, case_id: int, entry_type: str, entry_id: int,
) -> tuple[Case, Entry]:
    """One entry of a case the reader sees (to add a view or ask for a correction); a
    missing or withheld entry is the logged 404. The read is logged, on the ground
    `case_for_portal` found."""
    case = case_for_portal(actor=actor, case_id=case_id, event_code=EventCode.PORTAL_ENTRY)
    entry = entry_get(case, entry_type, entry_id)
    if entry is None or (entry_type, entry_id) in policy.portal_hidden_entries(actor, case):
        enforce(actor, policy.DENY, event_code=EventCode.PORTAL_ENTRY, action=Action.READ,
                subject=case_subject(case))
        raise AssertionError("unreachable")
    return case, entry


def visible_steps(case: Case, hidden: frozenset[tuple[str, int]]) -> list[PlanStepView]:
    """`plan_steps` without the versions withheld from this reader."""
    views = []
    for step in plan_steps(case):
        entries = [e for e in ([step.current] if step.current else []) + step.history
                   if (EntryType.PLAN_STEP, e.pk) not in hidden]
        views.append(PlanStepView(
            number=step.number, title=step.title, questions=step.questions,
            records_consensus=step.records_consensus,
            current=entries[0] if entries else None, history=entries[1:]))
    return views


def _by_entry(rows: QuerySet[R]) -> dict[tuple[str, int], list[R]]:
    grouped: dict[tuple[str, int], list[R]] = defaultdict(list)
    for row in rows:
        grouped[(row.object_type, row.object_id)].append(row)
    return dict(grouped)


def _case_page_subjects(page: PortalCasePage) -> list[Subject]:
    return case_subjects(page.case)


@logged_read(event_code=EventCode.PORTAL_CASE, subjects=_case_page_subjects)
def portal_case_page(*, actor: Actor, case_id: int) -> PortalCasePage:
    """Everything of one case the reader may see: the plan (without withheld versions),
    agreements, help given, the involved professionals with their visitekaartje, what parents
    and young person added, and the reader's notifications about the case. Logged."""
    case = case_for_portal(actor=actor, case_id=case_id)
    hidden = policy.portal_hidden_entries(actor, case)
    person = policy.portal_person(actor)
    guardian = person.guardian if person is not None else None
    young_person = person.child if person is not None else None
    views = _by_entry(OwnView.objects.filter(case=case).select_related(
        "by_guardian", "by_young_person"))
    corrections = _by_entry(CorrectionRequest.objects.filter(
        case=case, by_guardian=guardian, by_young_person=young_person).select_related(
        "answered_by"))

    def wrap(entry: Entry) -> PortalEntry:
        key = entry_key(entry)
        return PortalEntry(entry, key[0], views.get(key, []), corrections.get(key, []))

    contributions: dict[int, list[PortalContribution]] = defaultdict(list)
    for contribution in PortalContribution.objects.filter(case=case).select_related(
            "by_guardian", "by_young_person"):
        contributions[contribution.step].append(contribution)
    steps = [PortalStep(view, wrap(view.current) if view.current else None,
                        contributions.get(view.number, []))
             for view in visible_steps(case, hidden)]
    current = {str(s.view.number): s.view.current.version for s in steps
               if s.view.current is not None}
    signatures = list(PlanSignature.objects.filter(case=case).select_related(
        "by_guardian", "by_young_person"))
    return PortalCasePage(
        case=case, steps=steps,
        agreements=[wrap(a) for a in case.agreements.all() if entry_key(a) not in hidden],
        interventions=[wrap(i) for i in case.interventions.all() if entry_key(i) not in hidden],
        involvements=list(case.involvements.all()),
        signatures=signatures,
        notifications=list(Notification.objects.filter(
            recipient=actor.user, link__startswith=portal_case_url(case))[:10]),
        signed_current=bool(current) and any(
            s.step_versions == current and s.by_guardian == guardian
            and s.by_young_person == young_person for s in signatures),
        has_plan=bool(current),
        can_contribute=bool(policy.may_contribute_in_portal(actor, case)),
        can_share=bool(policy.may_share_case_in_portal(actor, case)),
        is_shared=SharedWithParents.objects.filter(case=case, ended_at__isnull=True).exists(),
    )
