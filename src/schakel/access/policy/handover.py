"""Warm hand-over (warme overdracht) and telling professionals who else is involved.

Hand-over (DESIGN §2.4): the coordinator offers a package to a professional or to a school;
while nobody coordinates, any involved professional may (`may_steer_case`), and a hand-over to
another school may also be offered by the sending school's contact point when involved in
the case (the IB'er hands over to the zorgcoördinator of the VO school). Only the receiver
reads the package — the professional it was offered to, or the current contact point of the
receiving school — and only while the receiving organisation has consent or a legal ground
for care content of every child of the case; the sender sees its status. Consent is read
afresh on every request, so a withdrawal closes the package at once.

Who else is involved (seed 001, like the Verwijsindex): the fact that a professional of an
organisation is involved with a child, with how to reach them, is what the `contact`
category ("contact details": who to contact about this child) covers; a `care` consent,
which allows sharing more, covers it too. See `may_disclose_involvement`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from schakel.access.actor import Actor
from schakel.access.policy.cases import may_contribute_to_case, may_steer_case
from schakel.access.policy.categories import CategoryDecision, may_receive_category
from schakel.access.policy.core import DENY, Decision, Ground
from schakel.cases.models import Case
from schakel.children.models import Child
from schakel.consent.models import InformationCategory
from schakel.handover.models import Handover, HandoverKind, HandoverStatus
from schakel.organisations.models import Organisation

HANDOVER_CATEGORY = InformationCategory.CARE
DISCLOSURE_CATEGORIES = (InformationCategory.CONTACT, InformationCategory.CARE)


def handover_grounds(
    children: Iterable[Child], organisation: Organisation,
) -> list[tuple[Child, CategoryDecision]]:
    """For each child: may `organisation` receive its care content today (consent or a legal
    ground)? A hand-over needs a yes for every child of the case."""
    return [(child, may_receive_category(child, organisation, HANDOVER_CATEGORY))
            for child in children]


def _basis(grounds: list[tuple[Child, CategoryDecision]]) -> str:
    return ", ".join(decision.log_ground for _child, decision in grounds if decision)


def may_offer_handover(actor: Actor, case: Case, kind: HandoverKind | str) -> Decision:
    """Offer a hand-over of `case`: the coordinator (any involved professional while nobody
    coordinates); for a hand-over between schools also the involved contact point of the
    case's school. The consent of the receiving organisation is checked by the service."""
    decision = may_steer_case(actor, case)
    if decision:
        return decision
    if (kind == HandoverKind.SCHOOLS and actor.professional is not None
            and case.school.contact_point_id == actor.professional.pk
            and may_contribute_to_case(actor, case)):
        return Decision(True, Ground.INVOLVED)
    return DENY


def is_handover_receiver(actor: Actor, handover: Handover) -> bool:
    """The professional it was offered to, or the current contact point of the school."""
    if actor.professional is None:
        return False
    if handover.kind == HandoverKind.PROFESSIONALS:
        return handover.to_professional_id == actor.professional.pk
    return (handover.to_school is not None
            and handover.to_school.contact_point_id == actor.professional.pk)


def may_view_handover(actor: Actor, handover: Handover) -> Decision:
    """See a hand-over and its status: its receiver, or its sender (status only)."""
    if is_handover_receiver(actor, handover):
        return Decision(True, Ground.HANDOVER_RECEIVER)
    if actor.professional is not None and handover.from_professional_id == actor.professional.pk:
        return Decision(True, Ground.HANDOVER_SENDER)
    return DENY


def may_read_handover_package(actor: Actor, handover: Handover, children: Iterable[Child],
                          ) -> Decision:
    """Read the package (summary and snapshot): the receiver, while it is offered or
    accepted, and while their organisation may receive care content of every child of the
    case (`children`). The decision names the consents or grounds used."""
    if handover.status not in (HandoverStatus.OFFERED, HandoverStatus.ACCEPTED):
        return DENY
    if not is_handover_receiver(actor, handover) or actor.professional is None:
        return DENY
    grounds = handover_grounds(children, actor.professional.organisation)
    if not grounds or not all(decision for _child, decision in grounds):
        return DENY
    return Decision(True, Ground.HANDOVER_RECEIVER, basis=_basis(grounds))


def may_accept_handover(actor: Actor, handover: Handover, children: Iterable[Child]) -> Decision:
    """Accept: the receiver of an open hand-over who may read its package."""
    if handover.status != HandoverStatus.OFFERED:
        return DENY
    return may_read_handover_package(actor, handover, children)


def may_return_handover(actor: Actor, handover: Handover) -> Decision:
    """Return with a reason: the receiver of an open hand-over (also when consent is gone)."""
    if handover.status == HandoverStatus.OFFERED and is_handover_receiver(actor, handover):
        return Decision(True, Ground.HANDOVER_RECEIVER)
    return DENY


def may_withdraw_handover(actor: Actor, handover: Handover) -> Decision:
    """Withdraw an open hand-over: its sender."""
    if (handover.status == HandoverStatus.OFFERED and actor.professional is not None
            and handover.from_professional_id == actor.professional.pk):
        return Decision(True, Ground.HANDOVER_SENDER)
    return DENY


def handovers_received_q(actor: Actor) -> Q:
    """Hand-overs the actor receives, as a filter on `Handover`."""
    if actor.professional is None:
        return Q(pk__in=[])
    return (Q(kind=HandoverKind.PROFESSIONALS, to_professional=actor.professional)
            | Q(kind=HandoverKind.SCHOOLS, to_school__contact_point=actor.professional))


def handovers_visible_q(actor: Actor) -> Q:
    """Hand-overs the actor sent or receives, as a filter on `Handover`."""
    if actor.professional is None:
        return Q(pk__in=[])
    return handovers_received_q(actor) | Q(from_professional=actor.professional)


def may_disclose_involvement(child: Child, organisation: Organisation) -> CategoryDecision:
    """May `organisation` be told who else is involved with `child` and how to reach them?
    Consent or a legal ground for `contact`, or else for `care`."""
    decision = may_receive_category(child, organisation, InformationCategory.CONTACT)
    if decision:
        return decision
    care = may_receive_category(child, organisation, InformationCategory.CARE)
    return care if care else decision
