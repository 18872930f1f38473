"""Consent as parents and young people read it in the portal. Every read goes through the
access policy (`access.policy.portal`) and leaves an access-log row; a refusal is the same
logged 404 as a missing page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from django.db.models import Prefetch, Q
from django.utils import timezone

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read
from schakel.audit.writer import Subject
from schakel.cases.models import Case, Involvement
from schakel.children.models import Child, Enrolment
from schakel.consent import explain
from schakel.consent.models import Consent, ConsentSignature
from schakel.consent.selectors import consenters_text
from schakel.organisations.models import Organisation, Professional
from schakel.portal.models import (
    CorrectionRequest,
    OwnView,
    PendingConsent,
    PendingConsentStatus,
)
from schakel.teams.models import TeamMembership

R = TypeVar("R", OwnView, CorrectionRequest)
HOME_NOTIFICATIONS = 10

# --- consent -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PortalConsentRow:
    consent: Consent
    in_force: bool
    consenters: str


@dataclass(frozen=True)
class PortalConsentOverview:
    child: Child
    requirement_text: str
    consents: list[PortalConsentRow]
    pending: list[PendingConsent]
    signed_pending: set[int]
    organisations: list[Organisation]
    may_give: bool


def consent_organisations(child: Child) -> list[Organisation]:
    """Who consent can be given to: the organisations of the professionals involved in the
    child's (or family's) open cases, and of the core teams of the child's current schools.
    Not child data of anyone else."""
    today = timezone.localdate()
    cases = Case.objects.exclude(status="closed").filter(
        Q(child=child) | Q(family_id=child.family_id, family__isnull=False))
    involved = Involvement.objects.filter(case__in=cases).active_on(today).values(
        "professional__organisation")
    schools = Enrolment.objects.filter(child=child).active_on(today).values("school")
    core = Professional.objects.filter(
        TeamMembership.active_q(today, "team_memberships__"),
        team_memberships__team__school__in=schools).values("organisation")
    return list(Organisation.objects.filter(Q(pk__in=involved) | Q(pk__in=core)).order_by("name"))


def _overview_subjects(overview: PortalConsentOverview) -> list[Subject]:
    return [Subject.of(overview.child, overview.child.pk)]


@logged_read(event_code=EventCode.PORTAL_CONSENT, subjects=_overview_subjects)
def portal_consent_overview(*, actor: Actor, child_id: int) -> PortalConsentOverview:
    """The child's consents (in force today or not), those waiting for a signature, and
    whether the reader may give and withdraw consent today."""
    child = Child.objects.filter(pk=child_id).first()
    subject = Subject("children.child", str(child_id), child.pk if child else None)
    allowed = policy.may_read_file_in_portal(actor, child) if child else policy.DENY
    enforce(actor, allowed, event_code=EventCode.PORTAL_CONSENT, action=Action.READ,
            subject=subject)
    assert child is not None  # noqa: S101 - enforce raised otherwise
    today = timezone.localdate()
    requirement = policy.consent_requirement(child, today)
    history = policy.custody_history(child.pk)
    consents = Consent.objects.filter(child=child).select_related("organisation").prefetch_related(
        Prefetch("signatures", queryset=ConsentSignature.objects.select_related(
            "guardian", "voogd")))
    rows = [PortalConsentRow(c, policy.consent_in_force(c, requirement, today, history),
                             consenters_text(c, child)) for c in consents]
    pending = list(PendingConsent.objects.filter(
        child=child, status=PendingConsentStatus.OPEN).select_related(
        "organisation").prefetch_related("signatures__by_guardian", "signatures__by_young_person"))
    person = policy.portal_person(actor)
    signed = {p.pk for p in pending for s in p.signatures.all()
              if person is not None and (
                  (person.guardian is not None and s.by_guardian_id == person.guardian.pk)
                  or (person.child is not None and s.by_young_person_id == person.child.pk))}
    return PortalConsentOverview(
        child=child, requirement_text=explain.requirement_text(requirement, name=child.first_name),
        consents=rows, pending=pending, signed_pending=signed,
        organisations=consent_organisations(child),
        may_give=bool(policy.may_give_consent_in_portal(actor, child)))


def pending_consent_of(*, child: Child, pending_id: int) -> PendingConsent | None:
    """A pending consent of a child already read through the policy (the service checks the
    policy again and logs)."""
    return PendingConsent.objects.select_related("child", "organisation").filter(
        pk=pending_id, child=child).first()


def child_for_portal(*, actor: Actor, child_id: int, event_code: EventCode) -> Child:
    """A child whose consent the reader may give (for the change pages), or the logged 404."""
    child = Child.objects.filter(pk=child_id).first()
    enforce(actor, policy.may_give_consent_in_portal(actor, child) if child else policy.DENY,
            event_code=event_code, action=Action.UPDATE,
            subject=Subject("children.child", str(child_id), child.pk if child else None))
    assert child is not None  # noqa: S101 - enforce raised otherwise
    return child


