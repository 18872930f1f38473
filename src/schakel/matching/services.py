"""Knowing who else is involved (seed 001; like the matches of the Verwijsindex
risicojongeren, which matches on child, address and parent).

When a professional becomes involved in a case, the professionals already involved in other
open cases of the same child, or of a sibling, are told of each other: who, which
organisation, and a link to the other's business card (visitekaartje) — never the content of
either case. A pair is told only when both organisations may know this about the child it
concerns (`policy.may_disclose_involvement`: consent or a legal ground for `contact`, or else
for `care`), and each fact is told once (`InvolvementMatch`). Every disclosure leaves an
access-log row in the name of the professional who was told, on the consent or ground used.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.cases.models import CaseStatus, Involvement
from schakel.children.models import Child
from schakel.matching.models import InvolvementMatch
from schakel.notifications.models import Notification, NotificationKind
from schakel.notifications.services import notification_send
from schakel.organisations.models import Organisation, Professional

MESSAGE_LENGTH = 300


@dataclass(frozen=True)
class _Told:
    """`professional` is told that `other` is involved with `child` (via `involvement`)."""

    professional: Professional
    other: Professional
    child: Child
    involvement: Involvement
    same_child: bool
    ground: str


def _children_of(case_child: Child | None, family_id: int | None,
                 family_children: dict[int, list[Child]]) -> list[Child]:
    if case_child is not None:
        return [case_child]
    return family_children.get(family_id, []) if family_id is not None else []


def _message(told: _Told) -> str:
    values = {"name": told.other.full_name, "org": told.other.organisation.name}
    if told.same_child:
        text = _("%(name)s (%(org)s) is also involved with %(child)s.") % {
            **values, "child": told.child.full_name}
    else:
        family = told.child.family.name if told.child.family is not None else ""
        text = _("%(name)s (%(org)s) is also involved with a child of the same family "
                 "(%(family)s).") % {**values, "family": family}
    return Truncator(text).chars(MESSAGE_LENGTH)


def involvement_match(*, involvement: Involvement) -> list[Notification]:
    """Tell the professional of `involvement` and the professionals involved in other open
    cases of the same child or of a sibling about each other. Called by the services that
    create an involvement, inside their transaction. Returns the notifications sent."""
    today = timezone.localdate()
    me = involvement.professional
    case = involvement.case
    family_ids: set[int] = set()
    if case.family_id is not None:
        family_ids.add(case.family_id)
    elif case.child is not None and case.child.family_id is not None:
        family_ids.add(case.child.family_id)
    family_children: dict[int, list[Child]] = {}
    for child in Child.objects.filter(family_id__in=family_ids).select_related("family"):
        family_children.setdefault(child.family_id or 0, []).append(child)
    mine = _children_of(case.child, case.family_id, family_children)
    if not mine:
        return []
    related_ids = {c.pk for c in mine} | {
        c.pk for children in family_children.values() for c in children}
    in_this_case = set(case.involvements.active_on(today).values_list(
        "professional_id", flat=True)) | {me.pk}
    others = (
        Involvement.objects.active_on(today)
        .exclude(case_id=case.pk).exclude(professional_id__in=in_this_case)
        .exclude(case__status=CaseStatus.CLOSED)
        .filter(Q(case__child_id__in=related_ids) | Q(case__family_id__in=family_ids))
        .select_related("professional__organisation", "professional__user",
                        "case__child__family")
        .order_by("pk")
    )
    allowed: dict[tuple[int, int], policy.CategoryDecision] = {}

    def disclosure(child: Child, organisation: Organisation) -> policy.CategoryDecision:
        key = (child.pk, organisation.pk)
        if key not in allowed:
            allowed[key] = policy.may_disclose_involvement(child, organisation)
        return allowed[key]

    told: list[_Told] = []
    for other in others:
        theirs = _children_of(other.case.child, other.case.family_id, family_children)
        pairs = [(x, s) for x in mine for s in theirs
                 if x.pk == s.pk or (x.family_id is not None and x.family_id == s.family_id)]
        same = [(x, s) for x, s in pairs if x.pk == s.pk]
        for x, s in same or pairs:
            to_me = disclosure(s, me.organisation)
            to_them = disclosure(x, other.professional.organisation)
            if not (to_me and to_them):
                continue
            told.append(_Told(me, other.professional, s, other, x.pk == s.pk,
                              to_me.log_ground))
            told.append(_Told(other.professional, me, x, involvement, x.pk == s.pk,
                              to_them.log_ground))
    return _tell(told)


def _tell(told: list[_Told]) -> list[Notification]:
    """Send each new fact once, log it, and remember that it was told."""
    sent: list[Notification] = []
    seen: set[tuple[int, int, int]] = set()
    messages: set[tuple[int, str]] = set()
    for item in told:
        key = (item.professional.pk, item.other.pk, item.child.pk)
        if key in seen or InvolvementMatch.objects.filter(
                professional=item.professional, other=item.other, child=item.child).exists():
            continue
        seen.add(key)
        InvolvementMatch.objects.create(
            professional=item.professional, other=item.other, child=item.child)
        access_event_record(
            actor=Actor(user=item.professional.user, professional=item.professional),
            event_code=EventCode.CASE_MATCH, action=Action.READ,
            subject=Subject.of(item.involvement, item.child.pk), ground=item.ground,
        )
        message = _message(item)
        if (item.professional.pk, message) in messages:
            continue  # two siblings: one message suffices
        messages.add((item.professional.pk, message))
        sent += notification_send(
            recipients=[item.professional.user], kind=NotificationKind.MATCH,
            message=partial(_message, item),
            link=reverse("organisations:professional",
                         kwargs={"professional_id": item.other.pk}),
        )
    return sent
