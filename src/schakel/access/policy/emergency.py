"""Emergency access ("break the glass", NEN 7513): a professional who may not read a case's
content may open it for a limited time in an emergency, stating the reason. The claim and
every read under it are logged with basis "emergency", and the privacy officers and the
coordinator are told, so that it is checked afterwards (AVG art. 5(2), accountability; the
vital interests of the child, AVG art. 6(1)(d) and 9(2)(c)).

Who may claim it: a professional (never a portal user) of an organisation on the case — the
organisation that holds the file, the coordinator's, or one of a professional actively
involved — or of the board of a school where the child (of a family case: a child of the
family) is enrolled today. The case must not be closed. An emergency access in force opens
the case's content for reading only: it never lets anyone change the case.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from schakel.access.actor import Actor
from schakel.access.policy.core import DENY, Decision, Ground, _today
from schakel.cases.models import Case, CaseStatus, EmergencyAccess, Involvement
from schakel.children.models import Enrolment

EMERGENCY = "emergency"


def _now() -> dt.datetime:
    return timezone.now()


def _organisation_on_case(organisation_id: int, case: Case) -> bool:
    if case.opened_by.organisation_id == organisation_id:
        return True
    if case.coordinator is not None and case.coordinator.organisation_id == organisation_id:
        return True
    return Involvement.objects.filter(
        Involvement.active_q(_today()), case=case,
        professional__organisation_id=organisation_id).exists()


def _school_board_of_child(organisation_id: int, case: Case) -> bool:
    children = Q(child_id=case.child_id) if case.child_id is not None else Q(
        child__family_id=case.family_id)
    return Enrolment.objects.filter(children, school__organisation_id=organisation_id).active_on(
        _today()).exists()


def may_claim_emergency_access(actor: Actor, case: Case) -> Decision:
    """Claim emergency access to `case` (see the module)."""
    professional = actor.professional
    if professional is None or case.status == CaseStatus.CLOSED:
        return DENY
    organisation_id = professional.organisation_id
    if _organisation_on_case(organisation_id, case) or _school_board_of_child(
            organisation_id, case):
        return Decision(True, Ground.EMERGENCY)
    return DENY


def emergency_access_in_force(actor: Actor, case: Case) -> EmergencyAccess | None:
    """The actor's emergency access to `case` in force now, if any (the latest)."""
    if actor.professional is None:
        return None
    return (EmergencyAccess.objects.in_force_at(_now())
            .filter(case=case, professional=actor.professional).order_by("-expires_at").first())


def emergency_read(actor: Actor, case: Case) -> Decision:
    """The decision to read `case` on an emergency access in force, or DENY."""
    access = emergency_access_in_force(actor, case)
    if access is None:
        return DENY
    return Decision(True, Ground.EMERGENCY, f"{EMERGENCY} #{access.pk}")


def emergency_cases_q(actor: Actor) -> Q:
    """Cases the actor holds an emergency access in force to, as a filter on `Case`."""
    if actor.professional is None:
        return Q(pk__in=[])
    return Q(pk__in=EmergencyAccess.objects.in_force_at(_now()).filter(
        professional=actor.professional).values("case_id"))
