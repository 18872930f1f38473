"""Reads of hand-overs. The receiver reads the package (logged as `case.handover_read`, on
the consent or ground used); the sender sees the status (`case.handover_status`); lists are
logged per child. Anyone else gets the same 404 as for a missing hand-over."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action, Outcome
from schakel.audit.reads import logged_read, read_allowed_on
from schakel.audit.writer import Subject, access_event_record
from schakel.cases.models import Case
from schakel.cases.selectors import case_child_ids
from schakel.children.models import Child
from schakel.handover.models import Handover, HandoverKind, HandoverStatus

SENT_LIST_LIMIT = 50


def handover_children(case: Case) -> list[Child]:
    """The children whose data the package holds (the case's child, or its family)."""
    return list(Child.objects.filter(pk__in=case_child_ids(case)).order_by("pk"))


def handover_log(actor: Actor, handover: Handover | None, children: list[Child], *,
                 event_code: EventCode, action: Action, ground: str,
                 outcome: Outcome = Outcome.SUCCESS) -> None:
    """One access-log row per child of the case (`handover` None: refused before storing)."""
    object_id = str(handover.pk) if handover is not None else ""
    child_ids: list[int | None] = [child.pk for child in children] or [None]
    for child_id in child_ids:
        access_event_record(
            actor=actor, event_code=event_code, action=action, outcome=outcome,
            subject=Subject("handover.handover", object_id, child_id), ground=ground,
        )


@dataclass(frozen=True)
class HandoverPage:
    """A hand-over as one actor may see it: the package only when `package_readable`."""

    handover: Handover
    children: list[Child]  # whose data the package holds
    is_receiver: bool
    is_sender: bool
    package_readable: bool
    can_accept: bool
    can_return: bool
    can_withdraw: bool

    @property
    def package(self) -> dict[str, Any]:
        """The snapshot with its dates as dates, for display; empty when not readable."""
        return _with_dates(self.handover.snapshot) if self.package_readable else {}


_DATE_KEYS = ("due_date", "birth_date")
_DATETIME_KEYS = ("taken_at", "filled_in_at", "given_at")


def _with_dates(value: Any) -> Any:
    if isinstance(value, list):
        return [_with_dates(item) for item in value]
    if not isinstance(value, dict):
        return value
    converted: dict[str, Any] = {}
    for key, item in value.items():
        if key in _DATE_KEYS and isinstance(item, str):
            converted[key] = dt.date.fromisoformat(item)
        elif key in _DATETIME_KEYS and isinstance(item, str):
            converted[key] = dt.datetime.fromisoformat(item)
        else:
            converted[key] = _with_dates(item)
    return converted


def _handovers() -> QuerySet[Handover]:
    return Handover.objects.select_related(
        "case__school", "from_professional__organisation", "to_professional__organisation",
        "to_school__contact_point__organisation", "decided_by")


def _page_code(page: HandoverPage) -> EventCode:
    """The receiver who may read the package reads it; anyone else sees the status."""
    if page.package_readable:
        return EventCode.CASE_HANDOVER_READ
    return EventCode.CASE_HANDOVER_STATUS


def _page_subjects(page: HandoverPage) -> list[Subject]:
    child_ids: list[int | None] = [child.pk for child in page.children] or [None]
    return [Subject("handover.handover", str(page.handover.pk), child_id)
            for child_id in child_ids]


@logged_read(event_code=_page_code, subjects=_page_subjects)
def handover_get(*, actor: Actor, handover_id: int) -> HandoverPage:
    """One hand-over for its receiver or sender, or 404 (missing or forbidden alike)."""
    handover = _handovers().filter(pk=handover_id).first()
    if handover is None:
        enforce(actor, policy.DENY, event_code=EventCode.CASE_HANDOVER_STATUS, action=Action.READ,
                subject=Subject("handover.handover", str(handover_id), None))
        raise AssertionError("unreachable")
    children = handover_children(handover.case)
    view = enforce(actor, policy.may_view_handover(actor, handover),
                   event_code=EventCode.CASE_HANDOVER_STATUS, action=Action.READ,
                   subject=Subject("handover.handover", str(handover.pk),
                                   children[0].pk if children else None))
    package = policy.may_read_handover_package(actor, handover, children)
    read_allowed_on(package)  # the package is read on its own ground
    return HandoverPage(
        handover=handover, children=children,
        is_receiver=view.ground == policy.Ground.HANDOVER_RECEIVER,
        is_sender=(actor.professional is not None
                   and handover.from_professional_id == actor.professional.pk),
        package_readable=bool(package),
        can_accept=bool(policy.may_accept_handover(actor, handover, children))
        and not handover.case.is_closed,
        can_return=bool(policy.may_return_handover(actor, handover)),
        can_withdraw=bool(policy.may_withdraw_handover(actor, handover)),
    )


@dataclass(frozen=True)
class HandoverLists:
    awaiting: list[Handover]
    sent: list[Handover]


def _list_subjects(lists: HandoverLists) -> list[Subject]:
    handovers = lists.awaiting + lists.sent
    family_ids = {h.case.family_id for h in handovers if h.case.child_id is None}
    by_family: dict[int | None, list[int | None]] = {}
    for family_id, child_id in Child.objects.filter(family_id__in=family_ids).values_list(
            "family_id", "pk"):
        by_family.setdefault(family_id, []).append(child_id)
    return [Subject("handover.handover", str(h.pk), child_id) for h in handovers
            for child_id in ([h.case.child_id] if h.case.child_id is not None
                             else by_family.get(h.case.family_id, [None]))]


@logged_read(event_code=EventCode.CASE_HANDOVER_LIST, subjects=_list_subjects)
def handovers_for(*, actor: Actor) -> HandoverLists:
    """The hand-overs awaiting the actor's acceptance, and those the actor sent (newest
    first). Shows who and when, never the package; the rows are logged."""
    awaiting = list(_handovers().filter(
        policy.handovers_received_q(actor), status=HandoverStatus.OFFERED))
    sent: list[Handover] = []
    if actor.professional is not None:
        sent = list(_handovers().filter(from_professional=actor.professional)[
            :SENT_LIST_LIMIT])
    return HandoverLists(awaiting=awaiting, sent=sent)


def handover_kinds_offerable(*, actor: Actor, case: Case) -> list[HandoverKind]:
    """The kinds of hand-over the actor may offer for a case they have read."""
    return [kind for kind in HandoverKind if policy.may_offer_handover(actor, case, kind)]


def handover_for_action(*, actor: Actor, handover_id: int, event_code: EventCode) -> Handover:
    """The hand-over an action (accept, return, withdraw) is about, for the service to
    decide on; a missing one is the logged 404."""
    handover = _handovers().filter(pk=handover_id).first()
    if handover is None:
        enforce(actor, policy.DENY, event_code=event_code, action=Action.UPDATE,
                subject=Subject("handover.handover", str(handover_id), None))
        raise AssertionError("unreachable")
    return handover
