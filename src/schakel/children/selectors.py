from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Concat, Lower, Replace
from django.http import Http404
from django.utils import timezone

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read, read_allowed_on
from schakel.audit.writer import Subject, access_event_record
from schakel.children.models import Child, Custody, Enrolment, Guardianship, Measure
from schakel.children.search_query import ChildQuery, QueryKind
from schakel.organisations.models import Professional, School

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


# --- the search box (children by name, date of birth or pupil number) ---------------------

# How many children a search shows at most, best matches first.
CHILD_SEARCH_LIMIT = 20
# PostgreSQL: how similar a word of the search must be to some part of the name
# (`word_similarity` of pg_trgm, 0..1): "Jasen", "Janssen" and "Jansne" find "Jansen".
NAME_SIMILARITY = 0.4
# SQLite (development): the share of the word's trigrams, padded with a space at either end
# as pg_trgm pads them, that must occur in the name.
NAME_TRIGRAMS_SHARE = 0.5


def _search_event(kind: QueryKind) -> EventCode:
    """The access-log event of a search: its kind, never its text."""
    if kind == QueryKind.BIRTH_DATE:
        return EventCode.CHILD_SEARCH_BIRTH_DATE
    if kind == QueryKind.PUPIL_NUMBER:
        return EventCode.CHILD_SEARCH_PUPIL_NUMBER
    return EventCode.CHILD_SEARCH_NAME


@dataclass(frozen=True)
class ChildFound:
    child: Child
    # The child's current enrolments (school, class, pupil number).
    enrolments: list[Enrolment]


@dataclass(frozen=True)
class ChildSearchResult:
    query: ChildQuery
    found: list[ChildFound]
    # Whether there were more matches than shown.
    more: bool


def _found_subjects(result: ChildSearchResult) -> list[Subject]:
    return [Subject.of(f.child, f.child.pk) for f in result.found]


def _name_text() -> Func:
    """The name as one lower-case text; on SQLite with a space at either end and between
    the parts of a name ("van 't Riet-de Wit"), as pg_trgm reads words."""
    name: Func = Lower(Concat("first_name", Value(" "), "last_name", output_field=CharField()))
    if connection.vendor == "postgresql":
        return name
    for mark in ("'", "-", ".", ","):
        name = Replace(name, Value(mark), Value(" "))
    return Concat(Value(" "), name, Value(" "), output_field=CharField())


def _trigrams(word: str) -> set[str]:
    padded = f" {word} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


def _name_matches(children: QuerySet[Child], words: tuple[str, ...]) -> QuerySet[Child]:
    """The children whose name matches every word, best first. On PostgreSQL each word must
    be similar to a part of the name (trigrams, pg_trgm); on SQLite enough of the word's
    trigrams must occur in the name."""
    children = children.annotate(search_name=_name_text())
    scores: list[Any] = []
    for index, word in enumerate(words):
        name = f"search_word_{index}"
        if connection.vendor == "postgresql":
            children = children.annotate(**{name: TrigramWordSimilarity(word, "search_name")})
            children = children.filter(**{f"{name}__gte": NAME_SIMILARITY})
        else:
            grams = _trigrams(word)
            children = children.annotate(**{name: sum(
                (Case(When(search_name__contains=gram, then=Value(1.0 / len(grams))),
                      default=Value(0.0)) for gram in grams), start=Value(0.0))})
            children = children.filter(**{f"{name}__gte": NAME_TRIGRAMS_SHARE - 1e-9})
        scores.append(F(name))
    return children.annotate(search_score=sum(scores[1:], start=scores[0])).order_by(
        "-search_score", "last_name", "first_name", "pk")


def _matches(query: ChildQuery, children: QuerySet[Child]) -> QuerySet[Child]:
    if query.birth_date is not None:
        return children.filter(birth_date=query.birth_date).order_by(
            "last_name", "first_name", "pk")
    if query.kind == QueryKind.PUPIL_NUMBER:
        numbers = {query.pupil_number, query.pupil_number.upper(), query.pupil_number.lower()}
        return children.filter(Exists(Enrolment.objects.filter(
            child=OuterRef("pk"), pupil_number__in=numbers))).order_by(
            "last_name", "first_name", "pk")
    return _name_matches(children, query.words)


@logged_read(event_code=EventCode.CHILD_SEARCH, subjects=_found_subjects)
def children_search(*, actor: Actor, query: ChildQuery) -> ChildSearchResult:
    """The children the actor may see (`policy.children_visible_q`, the rule of the child's
    page) that match the search, best first, with their current enrolments: a constant number
    of queries whatever the size of the region. The search itself is logged with its kind
    but not its text (which may name a child the actor may not see: the log keeps only what
    was accessed, AVG art. 5(1)(c)); each child shown is logged as found (NEN 7513)."""
    today = timezone.localdate()
    children = _matches(query, Child.objects.filter(policy.children_visible_q(actor)))
    rows = list(children.prefetch_related(Prefetch(
        "enrolments", to_attr="current_enrolments",
        queryset=Enrolment.objects.active_on(today).select_related("school", "school_class")
        .order_by("school__name")))[:CHILD_SEARCH_LIMIT + 1])
    event: EventCode = _search_event(query.kind)
    access_event_record(actor=actor, event_code=event, action=Action.READ,
                        subject=Subject("children.search", query.kind.value, None),
                        ground=policy.Ground.LISTED)
    return ChildSearchResult(
        query=query,
        found=[ChildFound(child, child.current_enrolments) for child in rows[:CHILD_SEARCH_LIMIT]],
        more=len(rows) > CHILD_SEARCH_LIMIT)


def pupil_administration_schools(*, actor: Actor) -> list[School]:
    """The schools whose EDEXML export the actor uploads (`policy.pupils`); someone who runs
    no school's pupil administration gets the 404."""
    enforce(actor, policy.may_sync_pupils_somewhere(actor),
            event_code=EventCode.PUPIL_ADMINISTRATION_VIEW, action=Action.READ,
            subject=Subject("organisations.school", "", None))
    return list(School.objects.filter(policy.pupil_sync_schools_q(actor)).order_by("name"))
