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
- **Voogdij.** While a guardianship order is active the parents have no custody
  (`policy.custody`): they do not read the file or its access log and do not consent in the
  portal; the certified institution (GI) that is the voogd holds those rights, and its
  professionals act for it (BW 1:302 lid 2; Jeugdwet 7.3.4) — on the professionals' side,
  since the portal takes no professional's account.
- **A parent without custody** (also a parent under voogdij) gets the important facts only
  *on request* (BW 1:377c lid 1): they ask in the portal (`portal.InformationRequest`), the
  coordinator of the child's open case — or, without one, the contact point of the child's
  current school — answers, and nothing is shown before the answer. The answerer may refuse in
  the child's interest (lid 2), with a recorded reason the parent does not see; a contact ban
  on the parent or a safety note on the child blocks granting (`information_request_block`).
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
from schakel.access.policy import consenters, custody
from schakel.access.policy.cases import case_content_visible_q, may_read_case
from schakel.access.policy.core import DENY, Decision, Ground, _today
from schakel.accounts.models import User
from schakel.cases.models import Case, CaseStatus, PlanStepEntry
from schakel.children.models import Child, Guardian, Guardianship
from schakel.portal.models import EntryType, SharedWithParents, WithheldEntry

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


def _custody(person: PortalPerson, child: Child, day: dt.date | None = None) -> bool | None:
    """True: parent with custody of `child` on the day; False: parent without (also under
    voogdij); None: not a parent of the child."""
    if person.guardian is None:
        return None
    return custody.has_custody(person.guardian, child, day or _today())


def _is_self(person: PortalPerson, child: Child) -> bool:
    return person.child is not None and person.child.pk == child.pk


def _age(child: Child, day: dt.date | None) -> int:
    return consenters.age_on(child.birth_date, day or _today())


# --- the file ----------------------------------------------------------------------------


def may_read_file_in_portal(actor: Actor, child: Child, day: dt.date | None = None) -> Decision:
    """The child's file (cases, consent, access log): the young person from 12, the parents
    with custody while the child is under 16 — under voogdij the GI's professionals in
    their place."""
    person = portal_person(actor)
    age = _age(child, day)
    if person is None:
        if (age < consenters.YOUNG_PERSON_ALONE_FROM
                and custody.is_voogd(actor, child, day or _today()) is not None):
            return Decision(True, Ground.VOOGD)
        return DENY
    if _is_self(person, child):
        if age >= consenters.YOUNG_PERSON_CONSENTS_FROM:
            return Decision(True, Ground.YOUNG_PERSON)
        return DENY
    if _custody(person, child, day) and age < consenters.YOUNG_PERSON_ALONE_FROM:
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
        if (person.guardian is not None and _custody(person, case.child, day)
                and _shared_with_parents(case)):
            return Decision(True, Ground.SHARED_BY_YOUNG_PERSON)
        return DENY
    if person.guardian is None or case.family_id is None:
        return DENY
    for child in Child.objects.filter(family_id=case.family_id):
        if (_custody(person, child, day)
                and _age(child, day) < consenters.YOUNG_PERSON_ALONE_FROM):
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
    if person.guardian is not None and _custody(person, child, day):
        shared = SharedWithParents.objects.filter(case=OuterRef("pk"), ended_at__isnull=True)
        return own & Q(Exists(shared))
    return Q(pk__in=[])


def portal_hidden_entries(actor: Actor, case: Case) -> frozenset[tuple[str, int]]:
    """The entries of `case` not shown to this portal user: for parents, those the
    coordinator withholds — at every age of the child, as far as showing them would be
    incompatible with good care of the child (BW 7:465 lid 4; Jeugdwet 7.3.10) — and every
    later version of a withheld plan step, which inherits the withholding until it is
    released; the young person sees everything of their own file."""
    person = portal_person(actor)
    if person is None or person.guardian is None:
        return frozenset()
    return entries_withheld_from_parents(case)


def entries_withheld_from_parents(case: Case) -> frozenset[tuple[str, int]]:
    """The entries of `case` the parents do not see (`portal_hidden_entries` for a
    parent)."""
    withheld = set(WithheldEntry.objects.filter(
        case=case, released_at__isnull=True).values_list("object_type", "object_id"))
    step_ids = [object_id for object_type, object_id in withheld
                if object_type == EntryType.PLAN_STEP]
    if step_ids:
        versions = Q()
        for step, version in PlanStepEntry.objects.filter(
                case=case, pk__in=step_ids).values_list("step", "version"):
            versions |= Q(step=step, version__gte=version)
        withheld |= {(str(EntryType.PLAN_STEP), pk) for pk in PlanStepEntry.objects.filter(
            versions, case=case).values_list("pk", flat=True)}
    return frozenset(withheld)


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


# --- a parent without custody: see `policy.information` ----------------------------------


def may_read_child_in_portal(actor: Actor, child: Child) -> Decision:
    """The child's page in the portal: whoever sees the file; a parent with custody of a
    young person of 16 or over (who finds the shared cases there); a parent without custody
    (who finds only their information requests there, BW 1:377c)."""
    decision = may_read_file_in_portal(actor, child)
    if decision:
        return decision
    person = portal_person(actor)
    if person is None:
        return DENY
    has = _custody(person, child)
    if has is None:
        return DENY
    return Decision(True, Ground.PARENT_WITH_CUSTODY if has else Ground.PARENT_WITHOUT_CUSTODY)


# --- consent -----------------------------------------------------------------------------


def may_give_consent_in_portal(actor: Actor, child: Child, day: dt.date | None = None) -> Decision:
    """Give or withdraw consent in the portal: whoever must consent today (`consenters`):
    a parent with custody while the child is under 16 (not under voogdij: then the GI), the
    young person from 12."""
    person = portal_person(actor)
    if person is None:
        return DENY
    age = _age(child, day)
    if _is_self(person, child) and age >= consenters.YOUNG_PERSON_CONSENTS_FROM:
        return Decision(True, Ground.YOUNG_PERSON)
    if _custody(person, child, day) and age < consenters.YOUNG_PERSON_ALONE_FROM:
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


def parents_see_case(case: Case, day: dt.date | None = None) -> bool:
    """Whether a parent with custody reads `case` in the portal on `day` (what the plan
    printed for the meeting with the parents may show): a child under 16, or a young person
    of 16 or over who shares it; a family case while one of its children is under 16."""
    day = day or _today()
    if case.child is not None:
        children = [case.child]
    elif case.family_id is not None:
        children = list(Child.objects.filter(family_id=case.family_id))
    else:
        return False
    for child in children:
        if not Guardianship.objects.filter(child=child).filter(custody.custody_q(day)).exists():
            continue
        if _age(child, day) < consenters.YOUNG_PERSON_ALONE_FROM:
            return True
        if case.child is not None and _shared_with_parents(case):
            return True
    return False


def may_print_plan_for_parents(actor: Actor, case: Case, *,
                               read: Decision | None = None) -> Decision:
    """Print the plan for the meeting with the parents: whoever reads the case, not on an
    emergency access (which is for reading only)."""
    decision = read if read is not None else may_read_case(actor, case)
    return DENY if not decision or decision.ground == Ground.EMERGENCY else decision
