"""Information for a parent without custody, on request (BW 1:377c).

- **Who asks.** A parent or carer recorded with a minor child who has no custody of the
  child today — also a parent under voogdij (`policy.custody`) — may ask, in the portal,
  for the important facts about the child (lid 1). Nothing is shown before an answer.
- **Who answers.** The coordinator (regiehouder) of the child's open case; without a
  coordinated open case, the contact point of the child's current school (the one the
  school names for its pupils' parents).
- **The answer.** Granted, with what is shared (school and class; for a child under 16
  whether there is a case and who the contact is — not from 16, BW 7:457), which then shows
  to the parent; or refused because it is not in the child's interest (lid 2), with a
  recorded reason that the parent does not see.
- **Blocked by default.** A contact ban on the parent (contactverbod, omgangsverbod) or a
  safety note on the child blocks granting: the answerer sees why and can only refuse.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from schakel.access.actor import Actor
from schakel.access.policy import consenters, custody
from schakel.access.policy.core import DENY, Decision, Ground, _today
from schakel.access.policy.portal import portal_person
from schakel.cases.models import Case, CaseStatus
from schakel.children.models import Child, Enrolment, Guardianship
from schakel.organisations.models import Professional
from schakel.portal.models import InformationRequest, InformationRequestStatus

ADULT_FROM = 18  # BW 1:233: minority ends at 18; so does BW 1:377c


def _open_cases(child: Child) -> Q:
    return Q(child=child) & ~Q(status=CaseStatus.CLOSED)


def may_request_information(
    actor: Actor, child: Child, day: dt.date | None = None,
) -> Decision:
    """Ask for information about `child`: a parent recorded with a minor child, without
    custody on the day."""
    person = portal_person(actor)
    if person is None or person.guardian is None:
        return DENY
    day = day or _today()
    if consenters.age_on(child.birth_date, day) >= ADULT_FROM:
        return DENY
    if custody.has_custody(person.guardian, child, day) is False:
        return Decision(True, Ground.PARENT_WITHOUT_CUSTODY)
    return DENY


def may_read_information_requests(actor: Actor, child: Child) -> Decision:
    """See one's own requests about `child` and their answers: whoever may ask."""
    return may_request_information(actor, child)


def information_shows_case(child: Child, day: dt.date | None = None) -> bool:
    """Whether an answer may say that there is a case: not from 16, when even the parents
    with custody are not told without the young person (BW 7:457)."""
    return consenters.age_on(child.birth_date, day or _today()) < (
        consenters.YOUNG_PERSON_ALONE_FROM)


def information_request_answerers(child: Child, day: dt.date | None = None,
                                  ) -> list[Professional]:
    """Who answers a request about `child`: the coordinators of its open cases, or else
    the contact points of its current schools."""
    coordinators = list(Professional.objects.filter(
        pk__in=Case.objects.filter(_open_cases(child), coordinator__isnull=False).values(
            "coordinator")).select_related("user"))
    if coordinators:
        return coordinators
    return list(Professional.objects.filter(pk__in=Enrolment.objects.filter(
        child=child).active_on(day or _today()).values("school__contact_point")).select_related(
        "user"))


def may_answer_information_request(actor: Actor, request: InformationRequest) -> Decision:
    """Answer (grant or refuse) a request: one of `information_request_answerers`, while
    the request is open."""
    if actor.professional is None or request.status != InformationRequestStatus.OPEN:
        return DENY
    child = request.child
    if Case.objects.filter(_open_cases(child), coordinator=actor.professional).exists():
        return Decision(True, Ground.COORDINATOR)
    if actor.professional.pk in {p.pk for p in information_request_answerers(child)}:
        return Decision(True, Ground.SCHOOL_CONTACT_POINT)
    return DENY


def may_read_information_request(actor: Actor, request: InformationRequest) -> Decision:
    """See a request on the professionals' side: whoever may answer it while it is open, and
    whoever answered it afterwards."""
    if actor.professional is not None and request.answered_by_id == actor.professional.pk:
        return Decision(True, Ground.COORDINATOR)
    return may_answer_information_request(actor, request)


def information_request_block(request: InformationRequest) -> str:
    """Why granting is blocked, in words for the answerer, or "": a contact ban on the
    parent, a safety note on the child."""
    if request.child.safety_note:
        return _("There is a safety note on this child: the information is not given.")
    banned = Guardianship.objects.filter(
        guardian_id=request.guardian_id, child_id=request.child_id, contact_ban=True).exists()
    if banned:
        return _("There is a contact ban for this parent: the information is not given.")
    return ""


def may_grant_information_request(actor: Actor, request: InformationRequest) -> Decision:
    """Grant a request: whoever may answer it, unless it is blocked."""
    decision = may_answer_information_request(actor, request)
    if not decision or information_request_block(request):
        return DENY
    return decision


def information_requests_to_answer_q(actor: Actor, day: dt.date | None = None) -> Q:
    """Open requests the actor answers, as a filter on `InformationRequest` (the same rule
    as `information_request_answerers`)."""
    if actor.professional is None:
        return Q(pk__in=[])
    cases = Case.objects.filter(child=OuterRef("child")).exclude(status=CaseStatus.CLOSED)
    own_case = Exists(cases.filter(coordinator=actor.professional))
    any_coordinator = Exists(cases.filter(coordinator__isnull=False))
    contact = Exists(Enrolment.objects.filter(
        child=OuterRef("child"), school__contact_point=actor.professional).active_on(
        day or _today()))
    return Q(status=InformationRequestStatus.OPEN) & (
        Q(own_case) | (~Q(any_coordinator) & Q(contact)))
