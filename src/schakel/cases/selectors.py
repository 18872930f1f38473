"""Reads of cases. Each read of a child's data goes through the access policy and leaves a
row in the access log (`audit.reads.logged_read`); querysets come with their related objects
loaded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _, ngettext

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read, read_allowed_on
from schakel.audit.writer import Subject, access_event_record
from schakel.cases.models import (
    Agreement,
    AgreementStatus,
    Case,
    ClassroomAdvice,
    Consultation,
    Escalation,
    Involvement,
    PlanStepEntry,
)
from schakel.children.models import Child
from schakel.organisations.models import Organisation, School
from schakel.signals.models import Signal


def case_child_ids(case: Case) -> list[int]:
    """The children whose data a case holds: its child, or every child of its family."""
    if case.child_id is not None:
        return [case.child_id]
    if case.family_id is not None:
        return list(Child.objects.filter(family_id=case.family_id).values_list("pk", flat=True))
    return []


def case_subject(case: Case) -> Subject:
    ids = case_child_ids(case)
    return Subject.of(case, ids[0] if ids else None)


def case_subjects(case: Case) -> list[Subject]:
    """One subject per child whose data the case holds (one without a child if none)."""
    child_ids: list[int | None] = list(case_child_ids(case)) or [None]
    return [Subject.of(case, child_id) for child_id in child_ids]


def case_log_event(actor: Actor, case: Case, *, event_code: EventCode, action: Action,
                    ground: str) -> None:
    child_ids: list[int | None] = list(case_child_ids(case)) or [None]
    for child_id in child_ids:
        access_event_record(
            actor=actor, event_code=event_code, action=action,
            subject=Subject.of(case, child_id), ground=ground,
        )


def case_url(case: Case) -> str:
    return reverse("cases:detail", kwargs={"case_id": case.pk})


def with_health(qs: QuerySet[Case]) -> QuerySet[Case]:
    """Annotate the inputs of the case health indicators (DESIGN §2.4)."""
    today = timezone.localdate()
    active_involvements = (
        Involvement.objects.filter(case=OuterRef("pk")).active_on(today)
        .order_by().values("case").annotate(n=Count("pk")).values("n")
    )
    return qs.annotate(
        overdue_agreements=Coalesce(Subquery(
            Agreement.objects.filter(
                case=OuterRef("pk"), status=AgreementStatus.OPEN, due_date__lt=today)
            .order_by().values("case").annotate(n=Count("pk")).values("n"),
            output_field=IntegerField()), Value(0)),
        involved_count=Coalesce(
            Subquery(active_involvements, output_field=IntegerField()), Value(0)),
        has_plan=Exists(PlanStepEntry.objects.filter(case=OuterRef("pk"))),
    )


@dataclass(frozen=True)
class HealthIndicator:
    code: str
    label: str


def health_indicators(case: Case, today: dt.date | None = None) -> list[HealthIndicator]:
    """The warnings for a case annotated by `with_health`."""
    now = timezone.now()
    indicators: list[HealthIndicator] = []
    if case.coordinator_id is None and not case.is_closed:
        indicators.append(HealthIndicator("no_coordinator", str(_("No coordinator"))))
    if case.is_closed:
        return indicators
    weeks = settings.SCHAKEL_EVALUATION_WEEKS
    last = case.last_evaluated_at or case.opened_at
    if now - last > dt.timedelta(weeks=weeks):
        indicators.append(HealthIndicator(
            "no_evaluation",
            ngettext("No evaluation for %(weeks)s week", "No evaluation for %(weeks)s weeks",
                     weeks) % {"weeks": weeks}))
    overdue: int = getattr(case, "overdue_agreements", 0)
    if overdue:
        indicators.append(HealthIndicator(
            "overdue_agreements",
            ngettext("%(n)s overdue agreement", "%(n)s overdue agreements", overdue)
            % {"n": overdue}))
    involved: int = getattr(case, "involved_count", 0)
    if involved >= settings.SCHAKEL_MANY_PROFESSIONALS and not getattr(case, "has_plan", True):
        indicators.append(HealthIndicator(
            "many_without_plan",
            str(_("%(n)s professionals and no plan") % {"n": involved})))
    return indicators


def _cases_for_actor(*, actor: Actor, include_closed: bool = False) -> QuerySet[Case]:
    qs = Case.objects.filter(policy.case_listable_q(actor))
    if not include_closed:
        qs = qs.exclude(status="closed")
    return with_health(
        qs.select_related("child", "family", "school", "coordinator__organisation")
    ).order_by("-opened_at", "-pk")


def _page_subjects(page: Page[Case]) -> list[Subject]:
    return _list_subjects(list(page.object_list))


@logged_read(event_code=EventCode.CASE_LIST, subjects=_page_subjects)
def case_list_page(*, actor: Actor, page_number: int | str | None,
                   include_closed: bool = False) -> Page[Case]:
    """One page of the actor's cases; every child shown is logged as read."""
    paginator = Paginator(
        _cases_for_actor(actor=actor, include_closed=include_closed),
        settings.SCHAKEL_PAGE_SIZE)
    return paginator.get_page(page_number)


def _list_subjects(cases: list[Case]) -> list[Subject]:
    """One subject per child a list shows: the case's child, or each child of its family."""
    family_ids = {c.family_id for c in cases if c.child_id is None and c.family_id is not None}
    by_family: dict[int | None, list[int | None]] = {}
    for family_id, child_id in Child.objects.filter(family_id__in=family_ids).values_list(
            "family_id", "pk"):
        by_family.setdefault(family_id, []).append(child_id)
    return [
        Subject.of(case, child_id) for case in cases
        for child_id in ([case.child_id] if case.child_id is not None
                         else by_family.get(case.family_id, [None]))
    ]


def _case_detail_queryset() -> QuerySet[Case]:
    today = timezone.localdate()
    return with_health(Case.objects.select_related(
        "child__family", "family", "school__contact_point", "coordinator__organisation",
        "plan_template", "opened_by",
    )).prefetch_related(
        Prefetch(
            "involvements",
            queryset=Involvement.objects.select_related("professional__organisation")
            .annotate(is_active=Involvement.active_q(today)),
        ),
        Prefetch("agreements", queryset=Agreement.objects.select_related("owner")),
        # select_related rather than nested prefetches: a constant number of queries,
        # whether or not a section is empty.
        "interventions",
        Prefetch("classroom_advice",
                 queryset=ClassroomAdvice.objects.select_related("given_by")),
        Prefetch("escalations", queryset=Escalation.objects.select_related("escalated_by")),
        Prefetch("consultations",
                 queryset=Consultation.objects.select_related("recorded_by")),
        Prefetch("signals", queryset=Signal.objects.select_related("theme")),
        Prefetch("plan_entries",
                 queryset=PlanStepEntry.objects.select_related("filled_in_by")),
    )


def _read_subjects(read: tuple[Case, policy.Decision]) -> list[Subject]:
    return case_subjects(read[0])


def _case_queryset() -> QuerySet[Case]:
    return Case.objects.select_related(
        "child", "family", "school", "coordinator__organisation", "plan_template", "opened_by")


@logged_read(event_code=EventCode.CASE_VIEW, subjects=_read_subjects)
def case_get(*, actor: Actor, case_id: int, content: bool = True) -> tuple[Case,
                                                                           policy.Decision]:
    """Fetch a case whose content the actor may read, or 404 — the same 404 whether the case
    is missing or forbidden. The read is logged. With `content` everything the case page
    shows is loaded with it (its sections, the health indicators); without, only the case
    and its people, for the pages that act on a case (a form, a download)."""
    # The policy's filter is part of the query, so "forbidden" takes the path of "missing"
    # and costs the same; only the denial row looks the child up, for the access log.
    case = (
        (_case_detail_queryset() if content else _case_queryset()).filter(
            policy.case_content_visible_q(actor) | policy.emergency_cases_q(actor), pk=case_id)
        .first())
    if case is None:
        child_id = Case.objects.filter(pk=case_id).values_list("child_id", flat=True).first()
        enforce(actor, policy.DENY, event_code=EventCode.CASE_VIEW, action=Action.READ,
                subject=Subject("cases.case", str(case_id), child_id))
        raise AssertionError("unreachable")
    decision = enforce(actor, policy.may_read_case(actor, case), event_code=EventCode.CASE_VIEW,
                       action=Action.READ, subject=case_subject(case))
    return case, decision


@dataclass
class PlanStepView:
    number: int
    title: str
    questions: list[str]
    records_consensus: bool
    current: PlanStepEntry | None
    history: list[PlanStepEntry] = field(default_factory=list)


def plan_steps(case: Case) -> list[PlanStepView]:
    """The plan as the template's steps, each with its current entry and earlier versions.
    Uses the prefetched entries."""
    by_step: dict[int, list[PlanStepEntry]] = {}
    for entry in case.plan_entries.all():
        by_step.setdefault(entry.step, []).append(entry)
    views = []
    for step in case.plan_template.steps:
        entries = sorted(by_step.get(step["number"], []), key=lambda e: -e.version)
        views.append(PlanStepView(
            number=step["number"], title=step["title"], questions=step.get("questions", []),
            records_consensus=bool(step.get("records_consensus")),
            current=entries[0] if entries else None, history=entries[1:],
        ))
    return views


def _agreement_subjects(agreements: list[Agreement]) -> list[Subject]:
    """The children of the agreements' cases, once per case."""
    return _list_subjects(list({a.case_id: a.case for a in agreements}.values()))


@logged_read(event_code=EventCode.CASE_AGREEMENT_LIST, subjects=_agreement_subjects)
def agreements_for_owner(*, actor: Actor, limit: int | None = None) -> list[Agreement]:
    """The actor's own open agreements in cases they may read, the first `limit` by due
    date; each child shown is logged as read."""
    if actor.professional is None:
        return []
    agreements = (
        Agreement.objects.filter(owner=actor.professional, status=AgreementStatus.OPEN)
        .filter(case__in=Case.objects.filter(policy.case_listable_q(actor)))
        .select_related("case__child", "case__family").order_by("due_date")
    )
    return list(agreements[:limit])


def _existence_subjects(cases: list[Case]) -> list[Subject]:
    return [Subject.of(case, case.child_id) for case in cases]


@logged_read(event_code=EventCode.CASE_EXISTENCE, subjects=_existence_subjects)
def case_existence_for_child(*, actor: Actor, child_id: int) -> list[Case]:
    """The cases of a child whose existence and coordinator the actor may see (reference,
    status and coordinator on the child's page); each is logged as read."""
    return list(
        Case.objects.filter(policy.case_existence_visible_q(actor))
        .filter(child_id=child_id)
        .select_related("coordinator__organisation").order_by("-opened_at")
    )



def schools_for_opening(*, actor: Actor) -> QuerySet[School]:
    """Schools at which the actor may open a case: those whose core team they are in."""
    return School.objects.filter(pk__in=policy.core_team_school_ids(actor)).order_by("name")


@dataclass(frozen=True)
class CaseAwaitingConsent:
    """What an involved professional whose organisation cannot read the case yet may know."""

    case: Case
    involvement: Involvement | None
    organisation: Organisation


def _awaiting_subjects(page: CaseAwaitingConsent) -> list[Subject]:
    return [case_subject(page.case)]


@logged_read(event_code=EventCode.CASE_AWAITING_CONSENT, subjects=_awaiting_subjects)
def case_awaiting_consent_get(*, actor: Actor, case_id: int) -> CaseAwaitingConsent:
    """For the professional involved in a case their organisation has no consent or ground
    for yet: that the case exists, who involved them — no content; otherwise 404 (the
    refusal of the case itself was logged by `case_get`)."""
    case = Case.objects.select_related("school", "coordinator__organisation").filter(
        pk=case_id).first()
    decision = policy.may_see_case_awaits_consent(actor, case) if case else policy.DENY
    if case is None or not decision:
        raise Http404
    read_allowed_on(decision)
    professional = actor.require_professional()
    involvement = (case.involvements.filter(professional=professional)
                   .active_on(timezone.localdate())
                   .select_related("added_by__organisation").first())
    return CaseAwaitingConsent(case, involvement, professional.organisation)


def involvements_awaiting_consent(*, reader: Actor, case: Case) -> list[Involvement]:
    """The active involvements (prefetched by `case_get`) whose organisation cannot read the
    case yet: whom the case page asks to record a consent for. The reader's own organisation
    reads it (`case_get` just said so)."""
    today = timezone.localdate()
    active = [inv for inv in case.involvements.all() if inv.is_active_on(today)]
    own = reader.professional.organisation_id if reader.professional else None
    organisations = {inv.professional.organisation_id: inv.professional.organisation
                     for inv in active if inv.professional.organisation_id != own}
    lacking = policy.organisations_lacking_care_basis(list(organisations.values()), case)
    return [inv for inv in active if inv.professional.organisation_id in lacking]


# --- emergency access (break the glass) --------------------------------------------------


def _emergency_subjects(case: Case) -> list[Subject]:
    return [case_subject(case)]


@logged_read(event_code=EventCode.CASE_EXISTENCE, subjects=_emergency_subjects)
def case_for_emergency_get(*, actor: Actor, case_id: int) -> Case:
    """The case whose emergency access the actor may claim (`policy.may_claim_emergency_access`:
    its reference and school, no content), or the same logged 404 as a missing case."""
    case = Case.objects.select_related(
        "school", "opened_by", "coordinator__organisation").filter(pk=case_id).first()
    child_id = case.child_id if case else None
    enforce(actor, policy.may_claim_emergency_access(actor, case) if case else policy.DENY,
            event_code=EventCode.CASE_EXISTENCE, action=Action.READ,
            subject=case_subject(case) if case else Subject("cases.case", str(case_id), child_id))
    assert case is not None  # noqa: S101 - enforce raised otherwise
    return case
