from __future__ import annotations

from dataclasses import dataclass

from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read, read_allowed_on
from schakel.audit.writer import Subject
from schakel.children.models import Child, Custody, Enrolment, Guardianship, Measure
from schakel.organisations.models import Professional

SEARCH_LIMIT = 20


def _read_subjects(read: tuple[Child, policy.Decision]) -> list[Subject]:
    return [Subject.of(read[0], read[0].pk)]


@logged_read(event_code=EventCode.CHILD_VIEW, subjects=_read_subjects)
def child_get(*, actor: Actor, child_id: int) -> tuple[Child, policy.Decision]:
    """A child's overview, for the core team of a current school or those involved."""
    child = (
        Child.objects.select_related("family")
        .prefetch_related(
            Prefetch("enrolments",
                     queryset=Enrolment.objects.select_related("school", "school_class")),
            Prefetch("guardianships", queryset=Guardianship.objects.select_related(
                "guardian").annotate(has_custody=ExpressionWrapper(
                    policy.custody_q(timezone.localdate()), output_field=BooleanField()))),
        )
        .filter(pk=child_id).first()
    )
    if child is None:
        enforce(actor, policy.DENY, event_code=EventCode.CHILD_VIEW, action=Action.READ,
                subject=Subject("children.child", str(child_id), None))
        raise AssertionError("unreachable")
    decision = enforce(actor, policy.may_read_child(actor, child), event_code=EventCode.CHILD_VIEW,
                       action=Action.READ, subject=Subject.of(child, child.pk))
    return child, decision


def _enrolment_subjects(enrolments: list[Enrolment]) -> list[Subject]:
    return [Subject.of(e.child, e.child_id) for e in enrolments]


@logged_read(event_code=EventCode.CHILD_SEARCH, subjects=_enrolment_subjects)
def pupils_search(*, actor: Actor, school_id: int, query: str) -> list[Enrolment]:
    """Find current pupils of a school by name or pupil number, for raising a signal. Only for
    those who may raise signals at that school; each result shown is logged as a search."""
    if not policy.may_raise_signal(actor, school_id) or len(query.strip()) < 2:
        return []
    today = timezone.localdate()
    q = query.strip()
    results = list(
        Enrolment.objects.filter(school_id=school_id).active_on(today)
        .filter(Q(child__first_name__icontains=q) | Q(child__last_name__icontains=q)
                | Q(pupil_number=q))
        .select_related("child", "school_class").order_by("child__first_name")[:SEARCH_LIMIT]
    )
    return results


def _siblings(child: Child) -> QuerySet[Child]:
    if child.family_id is None:
        return Child.objects.none()
    return Child.objects.filter(family_id=child.family_id).exclude(pk=child.pk)


def _pupil_subjects(enrolment: Enrolment | None) -> list[Subject]:
    return _enrolment_subjects([enrolment] if enrolment is not None else [])


@logged_read(event_code=EventCode.CHILD_SEARCH, subjects=_pupil_subjects)
def pupil_at_school(*, actor: Actor, school_id: int, child_id: int) -> Enrolment | None:
    """A current pupil of a school chosen in a form (after `pupils_search`), for those who may
    raise signals or open cases there; None when the id is not such a pupil. Logged."""
    if not policy.may_raise_signal(actor, school_id):
        return None
    today = timezone.localdate()
    enrolment = (
        Enrolment.objects.filter(school_id=school_id, child_id=child_id).active_on(today)
        .select_related("child__family", "school_class").first()
    )
    return enrolment


def _children_subjects(children: list[Child]) -> list[Subject]:
    return [Subject.of(child, child.pk) for child in children]


@logged_read(event_code=EventCode.CHILD_SIBLINGS, subjects=_children_subjects)
def siblings_shown(*, actor: Actor, child: Child) -> list[Child]:
    """The siblings listed on a child's page (names only); each is logged as read."""
    return list(_siblings(child))


# --- custody (gezag) ------------------------------------------------------------------------


@dataclass(frozen=True)
class GuardianCustody:
    guardianship: Guardianship
    periods: list[Custody]
    has_custody_today: bool


@dataclass(frozen=True)
class CustodyPage:
    child: Child
    guardians: list[GuardianCustody]
    voogdij: Measure | None
    may_record: bool


def _custody_subjects(page: CustodyPage) -> list[Subject]:
    return [Subject.of(page.child, page.child.pk)]


@logged_read(event_code=EventCode.CUSTODY_LIST, subjects=_custody_subjects)
def custody_page(*, actor: Actor, child_id: int) -> CustodyPage:
    """Who has had custody of the child, when and on what source, and the voogdij running
    today: for whoever may read the child or record custody (`policy.may_record_custody`)."""
    child = Child.objects.filter(pk=child_id).first()
    decision = policy.DENY
    if child is not None:
        decision = policy.may_read_child(actor, child) or policy.may_record_custody(actor, child)
    enforce(actor, decision, event_code=EventCode.CUSTODY_LIST, action=Action.READ,
            subject=Subject("children.child", str(child_id), child.pk if child else None))
    assert child is not None  # noqa: S101 - enforce raised otherwise
    today = timezone.localdate()
    custody = policy.custody_on(child, today)
    guardianships = Guardianship.objects.filter(child=child).select_related(
        "guardian").prefetch_related(Prefetch(
            "custody_periods", queryset=Custody.objects.select_related(
                "recorded_by", "ended_by").order_by("-start_date"))).order_by("guardian__full_name")
    return CustodyPage(
        child=child,
        guardians=[GuardianCustody(g, list(g.custody_periods.all()),
                                   g.guardian_id in custody.guardian_ids)
                   for g in guardianships],
        voogdij=policy.voogdij_on(child, today),
        may_record=bool(policy.may_record_custody(actor, child)))


# --- measures (maatregelen) ---------------------------------------------------------------


@dataclass(frozen=True)
class MeasuresPage:
    child: Child
    measures: list[Measure]
    # What the actor's certified institution may do (None: it is not one).
    may_record: bool
    workers: list[Professional]
    managed_ids: frozenset[int]


def _subjects(page: MeasuresPage) -> list[Subject]:
    return [Subject.of(page.child, page.child.pk)] if page.measures else []


@logged_read(event_code=EventCode.MEASURE_LIST, subjects=_subjects)
def measures_page(*, actor: Actor, child_id: int) -> MeasuresPage:
    """The child's measures for whoever may read them; a professional of a certified
    institution also gets the page to record a measure the court ordered (without the
    measures of others if they may not read them)."""
    child = Child.objects.filter(pk=child_id).first()
    read = policy.may_read_measures(actor, child) if child is not None else policy.DENY
    record = policy.may_record_measures(actor) if child is not None else policy.DENY
    enforce(actor, read or record, event_code=EventCode.MEASURE_LIST, action=Action.READ,
            subject=Subject("children.child", str(child_id), child.pk if child else None))
    if child is None:
        raise Http404
    if read:
        read_allowed_on(read)
    measures = list(Measure.objects.filter(child=child).select_related(
        "organisation", "worker").order_by("-start_date", "-pk")) if read else []
    professional = actor.professional
    workers = (list(Professional.objects.filter(organisation_id=professional.organisation_id)
                    .order_by("full_name")) if record and professional is not None else [])
    managed = frozenset(m.pk for m in measures if policy.may_manage_measures(
        actor, m.organisation))
    return MeasuresPage(child, measures, bool(record), workers, managed)
