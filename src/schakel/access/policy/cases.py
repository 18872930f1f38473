"""Cases, children and signals: need to know (DESIGN §4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import models
from django.db.models import Exists, OuterRef, Q

from schakel.access.actor import Actor
from schakel.access.policy.categories import (
    category_decisions,
    may_receive_category_of_children,
)
from schakel.access.policy.core import (
    DENY,
    Decision,
    Ground,
    _active_involvement_q,
    _is_involved,
    _today,
    core_team_school_ids,
)
from schakel.access.policy.emergency import emergency_read
from schakel.access.policy.systems import may_read_signal_status
from schakel.cases.models import Case, CaseStatus, Involvement
from schakel.children.models import Child, Enrolment
from schakel.consent.models import Consent, InformationCategory, LegalGround
from schakel.organisations.models import Organisation
from schakel.signals.models import Signal

# --- cases -------------------------------------------------------------------------------


def case_content_visible_q(actor: Actor) -> Q:
    """Cases the actor works on (coordinates or is actively involved in), as a filter on
    `Case`: lists and dashboards show these. Opening the content also needs `may_read_case`,
    which adds the consent check across organisations.

    A union of two indexed lookups rather than `coordinator OR EXISTS(...)`: the OR over two
    tables makes both SQLite and PostgreSQL scan every case of the region."""
    if actor.professional is None:
        return Q(pk__in=[])
    involved = (
        Involvement.objects.filter(_active_involvement_q(actor)).order_by().values("case_id"))
    coordinated = (
        Case.objects.filter(coordinator=actor.professional).order_by().values("pk"))
    return Q(pk__in=involved.union(coordinated))


def case_listable_q(actor: Actor) -> Q:
    """`listable_case_ids` as a filter on `Case`."""
    return Q(pk__in=sorted(listable_case_ids(actor)))


def listable_case_ids(actor: Actor) -> frozenset[int]:
    """The ids of `_case_listable_q`, read once per actor and day (like
    `core_team_school_ids`): lists and dashboards filter by them several times a request,
    and the filter's subqueries cost more to plan than the few ids cost to send."""
    if actor.professional is None:
        return frozenset()
    cache: dict[tuple[int, dt.date], frozenset[int]] = actor.__dict__.setdefault(
        "_listable_cases", {})
    key = (actor.professional.pk, _today())
    if key not in cache:
        cache[key] = frozenset(
            Case.objects.filter(_case_listable_q(actor)).values_list("pk", flat=True))
    return cache[key]


def _case_listable_q(actor: Actor) -> Q:
    """Cases that lists and dashboards show the actor: those they work on whose care content
    their organisation may receive — as the file holder, or on a consent or legal ground in
    force for the child (for a family case: for every child of the family). Here a consent in
    force stands for the age rule's signatures, which `may_read_case` checks on the page itself;
    the list therefore never shows more than the pages allow, and at worst a page refuses."""
    if actor.professional is None:
        return Q(pk__in=[])
    organisation = actor.professional.organisation
    today = _today()
    consents = Consent.objects.filter(
        organisation=organisation, category=InformationCategory.CARE).active_on(today)
    grounds = LegalGround.objects.filter(
        organisation=organisation, category=InformationCategory.CARE).active_on(today)
    child_covered = Q(Exists(consents.filter(child=OuterRef("child_id")))) | Q(
        Exists(grounds.filter(child=OuterRef("child_id"))))
    uncovered_sibling = (
        Child.objects.filter(family=OuterRef("family_id"))
        .exclude(Exists(consents.filter(child=OuterRef("pk"))))
        .exclude(Exists(grounds.filter(child=OuterRef("pk")))))
    family_covered = Q(child__isnull=True, family__isnull=False) & ~Q(Exists(uncovered_sibling))
    return case_content_visible_q(actor) & (
        Q(opened_by__organisation=organisation)
        | (Q(child__isnull=False) & child_covered)
        | family_covered)


FILE_HOLDER = "file_holder"
AWAITING_CONSENT = "awaiting_consent"


def may_read_case(actor: Actor, case: Case) -> Decision:
    """Read a case's content (information category care): the coordinator and those actively
    involved — and, across organisations, only on a consent or legal ground in force today
    for every child of the case (Jeugdwet 7.3.11; `categories.category_allowed`). The
    organisation that opened the case holds the file and needs no further ground. The check
    reads the database on every request, so a withdrawal refuses the very next one.
    Whoever is refused may still read on an emergency access in force (`policy.emergency`)."""
    if actor.professional is None:
        return DENY
    if case.coordinator_id == actor.professional.pk:
        relationship = Ground.COORDINATOR
    elif _is_involved(actor, case):
        relationship = Ground.INVOLVED
    else:
        return emergency_read(actor, case)
    basis = _care_basis(actor.professional.organisation, case)
    if basis is None:
        return emergency_read(actor, case)
    return Decision(True, relationship, basis)


def may_see_case_awaits_consent(actor: Actor, case: Case) -> Decision:
    """An involved professional, or the coordinator, whose organisation has no consent or
    legal ground for the case yet: they may know that the case exists, who involved them and
    that its content opens when consent is recorded — nothing of its content."""
    if actor.professional is None:
        return DENY
    if case.coordinator_id == actor.professional.pk:
        relationship = Ground.COORDINATOR
    elif _is_involved(actor, case):
        relationship = Ground.INVOLVED
    else:
        return DENY
    if _care_basis(actor.professional.organisation, case) is not None:
        return DENY  # they read the case itself
    return Decision(True, relationship, AWAITING_CONSENT)


def lacks_care_basis(organisation: Organisation, case: Case) -> bool:
    """Whether `organisation` still needs a consent or legal ground to read `case`."""
    return _care_basis(organisation, case) is None


def organisations_lacking_care_basis(organisations: list[Organisation], case: Case) -> set[int]:
    """The ids of those of `organisations` that still need a consent or legal ground to read
    `case` (`lacks_care_basis` for each, in a constant number of queries)."""
    others = [o for o in organisations if o.pk != case.opened_by.organisation_id]
    children = _case_children(case)
    if not children:
        return {o.pk for o in others}
    decisions = category_decisions(children, others, InformationCategory.CARE)
    return {o.pk for o in others
            if not all(decisions[o.pk, child.pk] for child in children)}


def _care_basis(organisation: Organisation, case: Case) -> str | None:
    return case_category_basis(organisation, case, InformationCategory.CARE)


def _case_children(case: Case) -> list[Child]:
    if case.child is not None:
        return [case.child]
    if case.family_id is not None:
        return list(Child.objects.filter(family_id=case.family_id))
    return []


def case_category_basis(organisation: Organisation, case: Case,
                        category: InformationCategory | str) -> str | None:
    """What lets `organisation` receive `category` of the case's children (the file holder,
    or a consent, legal ground or measure for every child), for the log; None: nothing."""
    if case.opened_by.organisation_id == organisation.pk:
        return FILE_HOLDER
    children = _case_children(case)
    if not children:
        return None
    decisions = may_receive_category_of_children(children, organisation, category)
    if not all(decisions.values()):
        return None
    return ", ".join(decisions[child.pk].log_ground for child in children)


def may_contribute_to_case(actor: Actor, case: Case, *, read: Decision | None = None) -> Decision:
    """Add to the plan, agreements, interventions, advice; involve others; escalate.
    `read` is the `may_read_case` decision when the caller made it in this request already."""
    if case.status == CaseStatus.CLOSED:
        return DENY
    decision = read if read is not None else may_read_case(actor, case)
    return DENY if decision.ground == Ground.EMERGENCY else decision  # emergency: read only


def may_steer_case(actor: Actor, case: Case, *, read: Decision | None = None) -> Decision:
    """Close the case. The coordinator steers; while nobody coordinates, any involved
    professional may."""
    decision = may_contribute_to_case(actor, case, read=read)
    if not decision:
        return DENY
    if case.coordinator_id is None or decision.ground == Ground.COORDINATOR:
        return decision
    return DENY


def may_appoint_coordinator(
        actor: Actor, case: Case, *, read: Decision | None = None) -> Decision:
    """Appoint the coordinator (regiehouder): the school's core team, whose consultation
    decides who takes the role (DESIGN §2.4, seed 004 Bijlage D), or the coordinator handing
    the role on. An involved professional cannot make themselves coordinator."""
    decision = may_contribute_to_case(actor, case, read=read)
    if not decision:
        return DENY
    if decision.ground == Ground.COORDINATOR or case.school_id in core_team_school_ids(actor):
        return decision
    return DENY


def case_existence_visible_q(actor: Actor) -> Q:
    """Cases whose existence and coordinator (not content) the actor may see: their own, and
    those of pupils currently enrolled at a school whose core team the actor is in."""
    schools = core_team_school_ids(actor)
    q = case_content_visible_q(actor)
    if schools:
        q |= Q(Exists(_current_enrolments_at(schools).filter(child_id=OuterRef("child_id"))))
        q |= Q(school_id__in=schools, child__isnull=True)
    return q


# --- children ----------------------------------------------------------------------------


def _current_enrolments_at(school_ids: frozenset[int]) -> models.QuerySet[Enrolment]:
    return Enrolment.objects.filter(school_id__in=school_ids).active_on(_today())


def may_read_child(actor: Actor, child: Child) -> Decision:
    """The child's overview page (enrolments, guardians and how to reach them): the core team
    of a current school, or whoever may read the content of one of the child's cases — so an
    involved professional of another organisation needs the consent or ground `may_read_case`
    asks for."""
    if actor.professional is None:
        return DENY
    schools = core_team_school_ids(actor)
    if schools and _current_enrolments_at(schools).filter(child=child).exists():
        return Decision(True, Ground.CORE_TEAM)
    own_cases = Case.objects.filter(case_content_visible_q(actor)).filter(
        child_cases_q(child)).select_related("opened_by", "child").order_by("-opened_at")
    for case in own_cases[:CHILD_READ_CASES_CHECKED]:
        decision = may_read_case(actor, case)
        if decision:
            return decision
    return DENY


def child_cases_q(child: Child) -> Q:
    """The cases of a child, as a filter on `Case`: its own and those of its family."""
    return Q(child=child) | Q(family_id=child.family_id, family__isnull=False)


def child_case_reads(actor: Actor, child: Child) -> list[tuple[Case, Decision]]:
    """Every case of the child (`child_cases_q`), newest first, with the actor's
    `may_read_case` decision on it: a child has few cases, so each is decided on its own —
    the same decision as the case page, emergency access and the consent's signatures
    included. Pages that show parts of several cases of one child (the chronology) filter
    those parts by the cases allowed here."""
    cases = Case.objects.filter(child_cases_q(child)).select_related(
        "opened_by", "child").order_by("-opened_at", "-pk")
    return [(case, may_read_case(actor, case)) for case in cases]


# A child seldom has more than a few cases; the check stops after this many.
CHILD_READ_CASES_CHECKED = 5


def children_visible_q(actor: Actor) -> Q:
    """The children `may_read_child` allows, as a filter on `Child` (family cases included).

    The ids of an indexed union (the core team's current pupils, the children of the cases
    listed, the children of the families of those cases) rather than `EXISTS(...) OR ...`:
    the OR over several tables makes PostgreSQL scan every child of the region, and its cost
    estimate of that scan is high enough to compile the query (JIT) for seconds."""
    schools = core_team_school_ids(actor)
    own_cases = Case.objects.filter(case_listable_q(actor)).order_by()
    ids = own_cases.filter(child__isnull=False).values("child_id").union(
        Child.objects.filter(family_id__in=own_cases.filter(family__isnull=False)
                             .values("family_id")).order_by().values("pk"))
    if schools:
        ids = ids.union(_current_enrolments_at(schools).order_by().values("child_id"))
    return Q(pk__in=ids)


# --- signals -----------------------------------------------------------------------------


def signals_visible_q(actor: Actor) -> Q:
    if actor.professional is None:
        return Q(pk__in=[])
    schools = core_team_school_ids(actor)
    q = Q(raised_by=actor.professional)
    if schools:
        q |= Q(school_id__in=schools)
    q |= Q(case_id__in=sorted(listable_case_ids(actor)))
    return q


def may_read_signal(actor: Actor, signal: Signal) -> Decision:
    if actor.professional is None:
        # A system client reads the signals it raised itself (the API's status read).
        return may_read_signal_status(actor, signal)
    if signal.school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    if signal.raised_by_id == actor.professional.pk:
        return Decision(True, Ground.RAISED_BY)
    if signal.case is not None:
        return may_read_case(actor, signal.case)
    return DENY


def signals_readable_q(actor: Actor, case_reads: Iterable[tuple[Case, Decision]]) -> Q:
    """The signals `may_read_signal` allows, as a filter on `Signal`, given the
    `may_read_case` decisions on the cases they belong to (`child_case_reads`): the core team
    of the signal's school, the one who raised it, and whoever may read its case. A signal of
    a case that is not among `case_reads` is shown only on the first two grounds."""
    if actor.professional is None:
        return Q(pk__in=[])
    schools = core_team_school_ids(actor)
    q = Q(raised_by=actor.professional) | Q(
        case_id__in=[case.pk for case, decision in case_reads if decision])
    if schools:
        q |= Q(school_id__in=schools)
    return q


def may_triage_signal(actor: Actor, signal: Signal) -> Decision:
    """Change a signal's status or open a case from it: the school's core team."""
    if signal.school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    return DENY


def may_raise_signal(actor: Actor, school_id: int) -> Decision:
    """Anyone on the team, in or outside school, may raise a signal about a pupil of a school
    they work with: its staff, its core team, or those involved with its pupils."""
    if actor.professional is None:
        return DENY
    if school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    if actor.professional.organisation.schools.filter(pk=school_id).exists():
        return Decision(True, Ground.INVOLVED)
    return DENY


def schools_for_raising_q(actor: Actor) -> Q:
    """Schools the actor may raise a signal for, as a filter on `School`."""
    if actor.professional is None:
        return Q(pk__in=[])
    return Q(pk__in=core_team_school_ids(actor)) | Q(organisation=actor.professional.organisation)


def may_open_case_at_school(actor: Actor, school_id: int) -> Decision:
    return may_triage_signals_at_school(actor, school_id)


def may_triage_signals_at_school(actor: Actor, school_id: int) -> Decision:
    if school_id in core_team_school_ids(actor):
        return Decision(True, Ground.CORE_TEAM)
    return DENY


def readable_case_ids(actor: Actor, case_ids: list[int]) -> set[int]:
    """Which of these cases the actor may open (read the content of); for pages of other
    apps that link to cases (a signal, a child's page)."""
    return set(case_ids) & listable_case_ids(actor)
