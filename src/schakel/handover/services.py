"""Warm hand-over (warme overdracht) between professionals and between schools (PO → VO →
MBO): offer, accept, return, withdraw.

An offer is refused before anything is stored or sent when the receiving organisation has no
consent or legal ground for care content of every child of the case. The receiver reads the
package as it was offered (`Handover.snapshot`), not the live case, until they accept; then
they are involved in the case (the contact point for a school), the coordinator role moves
with the hand-over, and the sender's involvement ends unless they chose to stay involved —
from then on the policy gives the sender what it gives anyone else. Same rules as `services`:
policy, one transaction, own access-log rows, notifications.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action, Outcome
from schakel.audit.writer import Subject
from schakel.cases.models import AgreementStatus, Case, Involvement, PlanStepEntry
from schakel.cases.selectors import case_child_ids, case_url
from schakel.cases.services.lifecycle import case_enforce_change, case_lock_open
from schakel.children.models import Child, Enrolment
from schakel.consent import explain
from schakel.handover.models import Handover, HandoverKind, HandoverStatus
from schakel.handover.selectors import handover_children, handover_log
from schakel.matching.services import involvement_match
from schakel.notifications.models import NotificationKind
from schakel.notifications.services import notification_send
from schakel.organisations.models import Organisation, Professional, School
from schakel.transactions import service_transaction


def handover_url(handover: Handover) -> str:
    return reverse("handover:detail", kwargs={"handover_id": handover.pk})


def handover_receiver(handover: Handover) -> Professional | None:
    """Who receives it: the professional it was offered to, or the school's contact point."""
    if handover.kind == HandoverKind.PROFESSIONALS:
        return handover.to_professional
    return handover.to_school.contact_point if handover.to_school is not None else None


def _receiving_organisation(kind: str, to_professional: Professional | None,
                            to_school: School | None) -> Organisation | None:
    if kind == HandoverKind.PROFESSIONALS:
        return to_professional.organisation if to_professional is not None else None
    return to_school.organisation if to_school is not None else None


# --- the package -------------------------------------------------------------------------


def _when(value: dt.datetime | dt.date) -> str:
    return value.isoformat()


def handover_snapshot(case: Case, *, include_plan: bool, include_agreements: bool,
                      include_advice: bool) -> dict[str, Any]:
    """The package as JSON: the case's reference and children, and the chosen parts — the
    current version of each plan step, the open agreements, the classroom advice."""
    package: dict[str, Any] = {
        "taken_at": _when(timezone.now()),
        "case": {"reference": case.reference, "title": case.title,
                 "school": case.school.name},
        "children": [{"name": c.full_name, "birth_date": _when(c.birth_date)}
                     for c in handover_children(case)],
    }
    if include_plan:
        current: dict[int, PlanStepEntry] = {}
        for entry in case.plan_entries.select_related("filled_in_by").order_by(
                "step", "-version"):
            current.setdefault(entry.step, entry)
        package["plan"] = [{
            "step": entry.step,
            "title": str((case.plan_template.step(entry.step) or {}).get("title", "")),
            "version": entry.version, "content": entry.content,
            "is_provisional": entry.is_provisional, "consensus": entry.consensus,
            "dissent": entry.dissent, "filled_in_by": entry.filled_in_by.full_name,
            "filled_in_at": _when(entry.filled_in_at),
        } for entry in current.values()]
    if include_agreements:
        package["agreements"] = [{
            "description": a.description, "owner": a.owner.full_name,
            "due_date": _when(a.due_date), "is_provisional": a.is_provisional,
        } for a in case.agreements.filter(status=AgreementStatus.OPEN).select_related(
            "owner").order_by("due_date", "pk")]
    if include_advice:
        package["advice"] = [{
            "advice": item.advice, "given_by": item.given_by.full_name,
            "given_at": _when(item.given_at),
        } for item in case.classroom_advice.select_related("given_by").order_by(
            "-given_at", "-pk")]
    return package


# --- offer -------------------------------------------------------------------------------


def _consent_refusal(organisation: Organisation,
                     refused: list[tuple[Child, policy.CategoryDecision]]) -> str:
    lines = [_("The hand-over cannot be offered: %(organisation)s has no consent or legal "
               "ground to receive care content of %(names)s.") % {
        "organisation": organisation.name,
        "names": ", ".join(child.first_name for child, _decision in refused)}]
    lines += [explain.requirement_text(decision.requirement, name=child.first_name)
              for child, decision in refused]
    lines.append(_("Record the consent (or the legal ground) first; nothing has been sent."))
    return " ".join(lines)


def _receiver_errors(
    case: Case, me: Professional, kind: str, to_professional: Professional | None,
    to_school: School | None,
) -> dict[str, str]:
    if kind == HandoverKind.PROFESSIONALS:
        if to_professional is None:
            return {"to_professional": _("Choose the professional who takes over.")}
        if to_professional.pk == me.pk:
            return {"to_professional": _("You cannot hand over to yourself.")}
        return {}
    if kind != HandoverKind.SCHOOLS:
        return {"kind": _("Choose between a hand-over to a professional or to a school.")}
    if to_school is None:
        return {"to_school": _("Choose the school that takes over.")}
    if to_school.pk == case.school_id:
        return {"to_school": _("The case is already at this school.")}
    if to_school.contact_point is None:
        return {"to_school": _("%(school)s has no contact point to receive the hand-over; ask "
                               "the school to name one.") % {"school": to_school.name}}
    if to_school.contact_point_id == me.pk:
        return {"to_school": _("You cannot hand over to yourself.")}
    today = timezone.localdate()
    moving = Enrolment.objects.filter(
        child_id__in=case_child_ids(case), school=to_school,
    ).not_ended_before(today)
    if not moving.exists():
        return {"to_school": _("No child of this case is (or will be) enrolled at %(school)s; "
                               "record the enrolment first.") % {"school": to_school.name}}
    return {}


def handover_offer(
    *, actor: Actor, case: Case, kind: HandoverKind | str, summary: str,
    to_professional: Professional | None = None, to_school: School | None = None,
    include_plan: bool = True, include_agreements: bool = True, include_advice: bool = True,
    sender_stays_involved: bool = False,
) -> Handover:
    """Offer the case to a professional or to a school. Refused, with nothing stored or
    sent, when the receiving organisation may not receive care content of every child."""
    decision = case_enforce_change(
        actor, case, policy.may_offer_handover(actor, case, kind),
        event_code=EventCode.CASE_HANDOVER_OFFER, action=Action.CREATE)
    me = actor.require_professional()
    if kind == HandoverKind.PROFESSIONALS:
        to_school = None
    else:
        to_professional = None
    errors: dict[str, str] = _receiver_errors(case, me, kind, to_professional, to_school)
    if not summary.strip():
        errors["summary"] = _("Write a summary for the one who takes over.")
    if errors:
        raise ValidationError(errors)
    organisation = _receiving_organisation(kind, to_professional, to_school)
    if organisation is None:  # pragma: no cover - _receiver_errors checked the receiver
        raise ValidationError(_("Choose who takes over."))
    children = handover_children(case)
    grounds = policy.handover_grounds(children, organisation)
    refused = [(child, d) for child, d in grounds if not d]
    if refused:
        # The refusal is an access decision about the children's data: log it, store nothing.
        handover_log(actor, None, children, event_code=EventCode.CASE_HANDOVER_OFFER,
                     action=Action.CREATE, ground=decision.log_ground, outcome=Outcome.DENIED)
        raise ValidationError(_consent_refusal(organisation, refused))
    basis = ", ".join(d.log_ground for _child, d in grounds)
    with service_transaction():
        case = case_lock_open(case)
        if case.handovers.filter(kind=kind, status=HandoverStatus.OFFERED).exists():
            raise ValidationError(
                _("A hand-over of this kind is already awaiting acceptance; withdraw it "
                  "first."))
        handover = Handover.objects.create(
            case=case, kind=kind, from_professional=me, to_professional=to_professional,
            to_school=to_school, summary=summary.strip(), include_plan=include_plan,
            include_agreements=include_agreements, include_advice=include_advice,
            sender_stays_involved=sender_stays_involved, offered_at=timezone.now(),
            snapshot=handover_snapshot(
                case, include_plan=include_plan, include_agreements=include_agreements,
                include_advice=include_advice),
        )
        handover_log(actor, handover, children, event_code=EventCode.CASE_HANDOVER_OFFER,
                     action=Action.CREATE, ground=f"{decision.log_ground}; {basis}")
        receiver = handover_receiver(handover)
        notification_send(
            recipients=[receiver.user] if receiver is not None else [],
            kind=NotificationKind.HANDOVER_OFFERED,
            message=lambda: _("%(name)s (%(org)s) offers you a hand-over of case %(ref)s. It "
                              "awaits your acceptance.") % {
                "name": me.full_name, "org": me.organisation.name, "ref": case.reference},
            link=handover_url(handover),
        )
    return handover


# --- decisions ---------------------------------------------------------------------------


def _lock(handover: Handover) -> Handover:
    return Handover.objects.select_for_update(of=("self",)).select_related(
        "case", "to_school__contact_point", "to_professional", "from_professional__user",
    ).get(pk=handover.pk)


def _enforce_decision(actor: Actor, handover: Handover, decision: policy.Decision,
                      children: list[Child], *, event_code: EventCode,
                      needs_package: bool = False) -> policy.Decision:
    """Whoever may see the hand-over hears why they cannot do this; others get the 404.
    `needs_package`: the receiver is told when consent is missing (accepting)."""
    if not decision and policy.may_view_handover(actor, handover):
        if not handover.is_open:
            raise ValidationError(_("This hand-over has already been %(status)s.") % {
                "status": handover.get_status_display().lower()})
        if needs_package and policy.is_handover_receiver(actor, handover):
            raise ValidationError(_(
                "Your organisation has no consent or legal ground (any more) to receive care "
                "content of this case. You can return the hand-over."))
    return enforce(actor, decision, event_code=event_code, action=Action.UPDATE,
                   subject=Subject("handover.handover", str(handover.pk),
                                   children[0].pk if children else None))


def _end_involvement_of(case: Case, professional: Professional, day: dt.date) -> None:
    """End the sender's active involvement so that it no longer counts from `day` (`until`
    is inclusive): it ends the day before — but never before it started, so an involvement
    that began on `day` (or is dated to begin later) ends on its first day."""
    case.involvements.filter(professional=professional).active_on(day).update(
        end_date=Greatest(F("start_date"), Value(day - dt.timedelta(days=1))))


def handover_accept(*, actor: Actor, handover: Handover) -> Handover:
    """Accept: the receiver becomes involved (and coordinator where the sender was), a
    school hand-over moves the case to the receiving school, and the sender's involvement
    ends unless they chose to stay involved."""
    children = handover_children(handover.case)
    decision = _enforce_decision(
        actor, handover, policy.may_accept_handover(actor, handover, children), children,
        event_code=EventCode.CASE_HANDOVER_ACCEPT, needs_package=True)
    me = actor.require_professional()
    today = timezone.localdate()
    with service_transaction():
        handover = _lock(handover)
        if not handover.is_open:
            raise ValidationError(_("This hand-over has already been decided."))
        case = case_lock_open(handover.case)
        sender = handover.from_professional
        new_involvement: Involvement | None = None
        if not case.involvements.filter(professional=me).active_on(today).exists():
            part = (_("Took over the case through a warm hand-over")
                    if handover.kind == HandoverKind.PROFESSIONALS else
                    _("Contact point of %(school)s, after a warm hand-over") % {
                        "school": handover.to_school.name if handover.to_school else ""})
            new_involvement = Involvement.objects.create(
                case=case, professional=me, part=part, start_date=today, added_by=sender)
        fields: list[str] = []
        sender_coordinated = case.coordinator_id == sender.pk
        moves_coordination = sender_coordinated and (
            handover.kind == HandoverKind.PROFESSIONALS or not handover.sender_stays_involved)
        if moves_coordination:
            case.coordinator = me
            fields.append("coordinator")
        if handover.kind == HandoverKind.SCHOOLS and handover.to_school is not None:
            case.school = handover.to_school
            fields.append("school")
        if fields:
            case.save(update_fields=fields)
        if not handover.sender_stays_involved:
            _end_involvement_of(case, sender, today)
        handover.status = HandoverStatus.ACCEPTED
        handover.decided_at = timezone.now()
        handover.decided_by = me
        handover.save(update_fields=["status", "decided_at", "decided_by"])
        handover_log(actor, handover, children, event_code=EventCode.CASE_HANDOVER_ACCEPT,
                     action=Action.UPDATE, ground=decision.log_ground)
        notification_send(
            recipients=[sender.user], kind=NotificationKind.HANDOVER_DECIDED,
            message=lambda: _("%(name)s accepted the hand-over of case %(ref)s.") % {
                "name": me.full_name, "ref": case.reference},
            link=handover_url(handover))
        if moves_coordination:
            notification_send(
                recipients=[me.user], kind=NotificationKind.BECAME_COORDINATOR,
                message=lambda: _("You are now the coordinator of case %(ref)s.") % {
                    "ref": case.reference},
                link=case_url(case))
        if new_involvement is not None:
            involvement_match(involvement=new_involvement)
    return handover


def _close(handover: Handover, status: HandoverStatus, me: Professional,
           reason: str = "") -> None:
    """Decide without accepting: the package is emptied, only the status stays."""
    handover.status = status
    handover.decided_at = timezone.now()
    handover.decided_by = me
    handover.return_reason = reason
    handover.summary = ""
    handover.snapshot = {}
    handover.save(update_fields=["status", "decided_at", "decided_by", "return_reason",
                                 "summary", "snapshot"])


def handover_return(*, actor: Actor, handover: Handover, reason: str) -> Handover:
    """Return the hand-over to its sender, with the reason."""
    children = handover_children(handover.case)
    decision = _enforce_decision(actor, handover, policy.may_return_handover(actor, handover),
                                 children, event_code=EventCode.CASE_HANDOVER_RETURN)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why you return the hand-over.")})
    me = actor.require_professional()
    with service_transaction():
        handover = _lock(handover)
        if not handover.is_open:
            raise ValidationError(_("This hand-over has already been decided."))
        _close(handover, HandoverStatus.RETURNED, me, reason.strip())
        handover_log(actor, handover, children, event_code=EventCode.CASE_HANDOVER_RETURN,
                     action=Action.UPDATE, ground=decision.log_ground)
        notification_send(
            recipients=[handover.from_professional.user],
            kind=NotificationKind.HANDOVER_DECIDED,
            message=lambda: _("%(name)s returned the hand-over of case %(ref)s; the reason "
                              "is in Schakel.") % {
                "name": me.full_name, "ref": handover.case.reference},
            link=handover_url(handover))
    return handover


def handover_withdraw(*, actor: Actor, handover: Handover) -> Handover:
    """Withdraw an offer that has not been decided yet."""
    children = handover_children(handover.case)
    decision = _enforce_decision(actor, handover, policy.may_withdraw_handover(actor, handover),
                                 children, event_code=EventCode.CASE_HANDOVER_WITHDRAW)
    me = actor.require_professional()
    with service_transaction():
        handover = _lock(handover)
        if not handover.is_open:
            raise ValidationError(_("This hand-over has already been decided."))
        receiver = handover_receiver(handover)
        _close(handover, HandoverStatus.WITHDRAWN, me)
        handover_log(actor, handover, children, event_code=EventCode.CASE_HANDOVER_WITHDRAW,
                     action=Action.UPDATE, ground=decision.log_ground)
        if receiver is not None:
            notification_send(
                recipients=[receiver.user], kind=NotificationKind.HANDOVER_DECIDED,
                message=lambda: _("%(name)s withdrew the hand-over of case %(ref)s.") % {
                    "name": me.full_name, "ref": handover.case.reference},
                link=handover_url(handover))
    return handover
