"""The portal: what parents and young people see of their own file (inzage), computed from
the child's age on the day (REFERENCE.md, "Consent, access (inzage) and retention").

- **Under 12** the parents with custody (gezag) see the child's file (Jeugdwet 7.3.10;
  WGBO, BW 7:456 with 7:465 lid 1).
- **12 to 15** the young person and the parents with custody see it (Jeugdwet 7.3.10). The
  coordinator (regiehouder) may keep an entry from the parents in the child's interest, with
  a recorded reason (`portal.WithheldEntry`; Jeugdwet 7.3.10, BW 7:465 lid 4: "goed
  hulpverlenerschap"). A withheld entry stays hidden from the parents at every age.
- **16 and over** the young person alone (Jeugdwet 7.3.10; BW 7:465 lid 1 read with 7:447);
  the parents see only the cases the young person shares with them
  (`portal.SharedWithParents`).
- **A parent without custody** gets, on request, the important facts the school or the
  care provider gives (BW 1:377c): which school and class, whether there is a case and who
  the contact is — for a child under 16 — and nothing of the plan.
- A **family case** (about the whole household) is shown to the parents with custody while
  at least one child of the family is under 16; young people see the cases about themselves.

Everything else is refused, which the caller turns into the same 404 as "does not exist".
The young person and the parents with custody who must consent today may also give and
withdraw consent themselves (`may_give_consent_in_portal`, see `access.policy.consenters`).

Paragraph numbers follow REFERENCE.md; *verify* them with the region's privacy officer
before quoting one in a letter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from schakel.access.actor import Actor
from schakel.access.policy import consenters
from schakel.access.policy.cases import case_content_visible_q, may_read_case
from schakel.access.policy.core import DENY, Decision, Ground, _today
from schakel.accounts.models import User
from schakel.cases.models import Case, CaseStatus
from schakel.children.models import Child, Guardian, Guardianship
from schakel.portal.models import SharedWithParents, WithheldEntry

ROLE_PARENT = "ouder"
ROLE_YOUNG_PERSON = "jongere"


@dataclass(frozen=True)
class PortalPerson:
    """Who a portal user is: a parent or carer (`guardian`), or a young person (`child`)."""

    guardian: Guardian | None = None
    child: Child | None = None

    @property
    def role(self) -> str:
        """As the access log names it."""
        return ROLE_PARENT if self.guardian is not None else ROLE_YOUNG_PERSON

    @property
    def name(self) -> str:
        if self.guardian is not None:
            return self.guardian.full_name
        return self.child.full_name if self.child is not None else ""


def portal_person(actor: Actor) -> PortalPerson | None:
    """The parent or young person signed in, or None (professionals are never portal users:
    they get a separate portal account). Cached per actor."""
    cache: dict[str, PortalPerson | None] = actor.__dict__.setdefault("_portal_person", {})
    if "person" not in cache:
        person = None
        if actor.professional is None:
            guardian = Guardian.objects.filter(user_id=actor.user.pk).first()
            child = None if guardian else Child.objects.filter(user_id=actor.user.pk).first()
            if guardian is not None or child is not None:
                person = PortalPerson(guardian=guardian, child=child)
        cache["person"] = person
    return cache["person"]


def _custody(person: PortalPerson, child: Child) -> bool | None:
    """True: parent with custody of `child`; False: parent without; None: not a parent."""
    if person.guardian is None:
        return None
    value: bool | None = Guardianship.objects.filter(
        guardian=person.guardian, child=child).values_list("has_custody", flat=True).first()
    return value


def _is_self(person: PortalPerson, child: Child) -> bool:
    return person.child is not None and person.child.pk == child.pk


def _age(child: Child, day: dt.date | None) -> int:
    return consenters.age_on(child.birth_date, day or _today())


# --- the file ----------------------------------------------------------------------------


def may_read_file_in_portal(actor: Actor, child: Child, day: dt.date | None = None) -> Decision:
    """The child's file (cases, consent, access log): the young person from 12, the parents
    with custody while the child is under 16."""
    person = portal_person(actor)
    if person is None:
        return DENY
    age = _age(child, day)
    if _is_self(person, child):
        if age >= consenters.YOUNG_PERSON_CONSENTS_FROM:
            return Decision(True, Ground.YOUNG_PERSON)
        return DENY
    if _custody(person, child) and age < consenters.YOUNG_PERSON_ALONE_FROM:
        return Decision(True, Ground.PARENT_WITH_CUSTODY)
    return DENY


def may_read_access_log_in_portal(
        actor: Actor, child: Child, day: dt.date | None = None) -> Decision:
    """Who looked at the child's file (NEN 7513; AVG art. 15): whoever sees the file."""
    return may_read_file_in_portal(actor, child, day)


def _shared_with_parents(case: Case) -> bool:
    return SharedWithParents.objects.filter(case=case, ended_at__isnull=True).exists()


def may_read_case_in_portal(actor: Actor, case: Case, day: dt.date | None = None) -> Decision:
    """One case: as `may_read_file_in_portal` for the case's child; from 16 the parents with custody
    only when the young person shares the case; a family case for the parents with custody
    while one of the children is under 16."""
    person = portal_person(actor)
    if person is None:
        return DENY
    if case.child is not None:
        decision = may_read_file_in_portal(actor, case.child, day)
        if decision:
            return decision
        if (person.guardian is not None and _custody(person, case.child)
                and _shared_with_parents(case)):
            return Decision(True, Ground.SHARED_BY_YOUNG_PERSON)
        return DENY
    if person.guardian is None or case.family_id is None:
        return DENY
    for child in Child.objects.filter(family_id=case.family_id):
        if _custody(person, child) and _age(child, day) < consenters.YOUNG_PERSON_ALONE_FROM:
            return Decision(True, Ground.PARENT_WITH_CUSTODY)
    return DENY


def portal_readers_of_case(case: Case) -> list[User]:
    """The parents and young people with a portal account who may read `case` there today:
    whom to tell of a change that concerns them (a new coordinator)."""
    if case.child_id is not None:
        child_ids = [case.child_id]
    elif case.family_id is not None:
        child_ids = list(
            Child.objects.filter(family_id=case.family_id).values_list("pk", flat=True))
    else:
        return []
    users = [g.guardian.user for g in Guardianship.objects.filter(
        child_id__in=child_ids, guardian__user__isnull=False).select_related("guardian__user")]
    users += [c.user for c in Child.objects.filter(pk__in=child_ids, user__isnull=False)
              .select_related("user")]
    unique = {user.pk: user for user in users if user is not None}
    return [user for user in unique.values()
            if may_read_case_in_portal(Actor(user=user, professional=None), case)]


def portal_cases_q(actor: Actor, child: Child, day: dt.date | None = None) -> Q:
    """The cases of `child` (its own and its family's) that `may_read_case_in_portal` allows, as a
    filter on `Case`."""
    person = portal_person(actor)
    if person is None:
        return Q(pk__in=[])
    own = Q(child=child)
    family = Q(family_id=child.family_id, family__isnull=False, child__isnull=True)
    if may_read_file_in_portal(actor, child, day):
        if person.guardian is not None and child.family_id is not None:
            return own | family
        return own
    if person.guardian is not None and _custody(person, child):
        shared = SharedWithParents.objects.filter(case=OuterRef("pk"), ended_at__isnull=True)
        return own & Q(Exists(shared))
    return Q(pk__in=[])


def portal_hidden_entries(actor: Actor, case: Case) -> frozenset[tuple[str, int]]:
    """The entries of `case` not shown to this portal user: for parents, those the
    coordinator withholds; the young person sees everything of their own file."""
    person = portal_person(actor)
    if person is None or person.guardian is None:
        return frozenset()
    return frozenset(
        (object_type, object_id) for object_type, object_id in WithheldEntry.objects.filter(
            case=case, released_at__isnull=True).values_list("object_type", "object_id"))


def may_contribute_in_portal(actor: Actor, case: Case, day: dt.date | None = None) -> Decision:
    """Add one's perspective to the plan and co-sign it: whoever reads the case in the
    portal, while the case is open."""
    if case.status == CaseStatus.CLOSED:
        return DENY
    return may_read_case_in_portal(actor, case, day)


def may_respond_in_portal(actor: Actor, case: Case, day: dt.date | None = None) -> Decision:
    """Add an own view (zienswijze, BW 7:454 lid 2) to an entry, or ask for a correction (AVG
    art. 16): whoever reads the case in the portal, also after the case was closed."""
    return may_read_case_in_portal(actor, case, day)


def may_share_case_in_portal(actor: Actor, case: Case, day: dt.date | None = None) -> Decision:
    """Share a case with the parents, or stop sharing it: the young person of the case, from
    16 (before 16 the parents with custody see it anyway)."""
    person = portal_person(actor)
    if (person is None or case.child is None or not _is_self(person, case.child)
            or _age(case.child, day) < consenters.YOUNG_PERSON_ALONE_FROM):
        return DENY
    return Decision(True, Ground.YOUNG_PERSON)


# --- a parent without custody ------------------------------------------------------------


def may_read_school_info_in_portal(actor: Actor, child: Child) -> Decision:
    """The minimal page (BW 1:377c): which school and class, and for a child under 16 whether
    there is a case and who the contact is. For every parent or carer recorded with the child;
    those with custody see it too (it says nothing their file does not)."""
    person = portal_person(actor)
    if person is None:
        return DENY
    custody = _custody(person, child)
    if custody is None:
        return DENY
    return Decision(True, Ground.PARENT_WITH_CUSTODY if custody else Ground.PARENT_WITHOUT_CUSTODY)


def may_read_child_in_portal(actor: Actor, child: Child) -> Decision:
    """The child's page in the portal: whoever sees the file, or else the minimal page (a
    parent with custody of a young person of 16 or over finds the shared cases there)."""
    decision = may_read_file_in_portal(actor, child)
    return decision if decision else may_read_school_info_in_portal(actor, child)


def portal_school_info_shows_cases(child: Child, day: dt.date | None = None) -> bool:
    """Whether the minimal page says that there is a case: not from 16, when even the
    parents with custody are not told without the young person (BW 7:457)."""
    return _age(child, day) < consenters.YOUNG_PERSON_ALONE_FROM


# --- consent -----------------------------------------------------------------------------


def may_give_consent_in_portal(actor: Actor, child: Child, day: dt.date | None = None) -> Decision:
    """Give or withdraw consent in the portal: whoever must consent today (`consenters`):
    a parent with custody while the child is under 16, the young person from 12."""
    person = portal_person(actor)
    if person is None:
        return DENY
    age = _age(child, day)
    if _is_self(person, child) and age >= consenters.YOUNG_PERSON_CONSENTS_FROM:
        return Decision(True, Ground.YOUNG_PERSON)
    if _custody(person, child) and age < consenters.YOUNG_PERSON_ALONE_FROM:
        return Decision(True, Ground.PARENT_WITH_CUSTODY)
    return DENY


# --- the coordinator's side --------------------------------------------------------------


def may_withhold_entry(actor: Actor, case: Case, *, read: Decision | None = None,
                          ) -> Decision:
    """Keep an entry from the parents, or release it: the coordinator (regiehouder) who may
    read the case; while nobody coordinates, whoever of the involved may read it. `read` is
    the `may_read_case` decision when the caller made it in this request already."""
    decision = read if read is not None else may_read_case(actor, case)
    if not decision:
        return DENY
    if case.coordinator_id is None or decision.ground == Ground.COORDINATOR:
        return decision
    return DENY


def may_answer_correction(actor: Actor, case: Case) -> Decision:
    """Answer a correction request about an entry of `case`: as `may_withhold_entry`."""
    return may_withhold_entry(actor, case)


def portal_corrections_visible_q(actor: Actor) -> Q:
    """Correction requests the actor may answer, as a filter on `portal.CorrectionRequest`
    (before the per-case check of `may_answer_correction`)."""
    if actor.professional is None:
        return Q(pk__in=[])
    readable = Case.objects.filter(case_content_visible_q(actor))
    return Q(case__coordinator=actor.professional) | Q(
        case__coordinator__isnull=True, case__in=readable)
