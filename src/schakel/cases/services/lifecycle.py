"""Changes to cases: opening, involving, coordinating, escalating and closing.

Every function checks the access policy, runs in one transaction, writes its own access-log
row and notifies after commit. Plan, agreements and the rest live in `plan`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.accounts.models import User
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject
from schakel.cases.models import (
    Case,
    CaseStatus,
    Escalation,
    EscalationLevel,
    Involvement,
    PlanTemplate,
)
from schakel.cases.selectors import case_log_event, case_subject, case_url
from schakel.cases.workflow import TransitionNotAllowed, check_transition
from schakel.children.models import Child, Enrolment, Family
from schakel.matching.services import involvement_match
from schakel.notifications.models import NotificationKind
from schakel.notifications.services import notification_send
from schakel.organisations.models import Professional, School
from schakel.signals.models import Signal, SignalStatus
from schakel.transactions import service_transaction


def _plan_template_for(school: School) -> PlanTemplate:
    template = school.organisation.region.plan_template
    if template is not None:
        return template
    default = PlanTemplate.objects.filter(is_default=True).first()
    if default is None:
        raise ValidationError(_("No plan template has been configured."))
    return default


def _closed_error() -> ValidationError:
    return ValidationError(_("This case is closed and can no longer be changed."))


def case_lock_open(case: Case) -> Case:
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.status == CaseStatus.CLOSED:
        raise _closed_error()
    return locked


def case_enforce_change(
    actor: Actor, case: Case, decision: policy.Decision, *, event_code: EventCode, action: Action,
) -> policy.Decision:
    """`enforce` for a change to a case: whoever may read a closed case is told that it is
    closed (ValidationError) rather than given a 404; everyone else gets the 404."""
    if not decision and case.is_closed and policy.may_read_case(actor, case):
        raise _closed_error()
    return enforce(actor, decision, event_code=event_code, action=action,
                   subject=case_subject(case))


def _current_pupils(school: School) -> set[int]:
    return set(
        Enrolment.objects.filter(school=school).active_on(timezone.localdate())
        .values_list("child_id", flat=True)
    )


def case_open(
    *, actor: Actor, school: School, title: str, child: Child | None = None,
    family: Family | None = None, signals: Sequence[Signal] = (), part: str = "",
) -> Case:
    """Open a case for a child or a family from the school's core team. The opener is the
    first involved professional; the team then agrees who coordinates."""
    subject = Subject("cases.case", "", child.pk if child else None)
    decision = enforce(
        actor, policy.may_open_case_at_school(actor, school.pk),
        event_code=EventCode.CASE_OPEN, action=Action.CREATE, subject=subject,
    )
    if (child is None) == (family is None):
        raise ValidationError(_("A case is about one child or one family."))
    if not title.strip():
        raise ValidationError({"title": _("Give the case a short title.")})
    pupils = _current_pupils(school)
    if child is not None and child.pk not in pupils:
        raise ValidationError({"child": _("This child is not a current pupil of this school.")})
    subject_ids = {child.pk} if child is not None else set(
        Child.objects.filter(family=family).values_list("pk", flat=True))
    if family is not None and not subject_ids & pupils:
        raise ValidationError(
            {"family": _("No child of this family is a current pupil of this school.")})
    for signal in signals:
        if signal.school_id != school.pk or signal.child_id not in subject_ids:
            raise ValidationError(_("A linked signal belongs to another child or school."))
        if signal.status not in (SignalStatus.NEW, SignalStatus.DISCUSSED):
            raise ValidationError(_("A linked signal has already been dealt with."))
    me = actor.require_professional()
    with service_transaction():
        now = timezone.now()
        case = Case.objects.create(
            reference=f"tmp-{uuid.uuid4().hex[:16]}", title=title.strip(), child=child,
            family=family, school=school, plan_template=_plan_template_for(school),
            opened_by=me, opened_at=now,
        )
        case.reference = f"C{now:%Y}-{case.pk:06d}"
        case.save(update_fields=["reference"])
        Involvement.objects.create(
            case=case, professional=me,
            part=part.strip() or _("Raised the concern"),
            start_date=timezone.localdate(), added_by=me,
        )
        if signals:
            Signal.objects.filter(pk__in=[s.pk for s in signals]).update(
                case=case, status=SignalStatus.LINKED_CASE)
        case_log_event(actor, case, event_code=EventCode.CASE_OPEN, action=Action.CREATE,
                        ground=decision.log_ground)
        involvement_match(involvement=case.involvements.get(professional=me))
    return case


def case_involve(
    *, actor: Actor, case: Case, professional: Professional, part: str,
    start_date: dt.date | None = None,
) -> Involvement:
    decision = case_enforce_change(
        actor, case, policy.may_contribute_to_case(actor, case), event_code=EventCode.CASE_INVOLVE,
        action=Action.UPDATE,
    )
    if not part.strip():
        raise ValidationError({"part": _("Describe this professional's part in the case.")})
    start = start_date or timezone.localdate()
    with service_transaction():
        case = case_lock_open(case)
        already = case.involvements.filter(professional=professional).active_on(
            timezone.localdate()).exists()
        if already:
            raise ValidationError(
                {"professional": _("%(name)s is already involved in this case.")
                 % {"name": professional.full_name}})
        me = actor.require_professional()
        involvement = Involvement.objects.create(
            case=case, professional=professional, part=part.strip(), start_date=start,
            added_by=me,
        )
        case_log_event(actor, case, event_code=EventCode.CASE_INVOLVE, action=Action.UPDATE,
                        ground=decision.log_ground)
        notification_send(
            recipients=[professional.user], kind=NotificationKind.INVOLVED,
            message=lambda: _("You have been involved in case %(ref)s.") % {"ref": case.reference},
            link=case_url(case),
        )
        involvement_match(involvement=involvement)
    return involvement


def involvement_end(*, actor: Actor, involvement: Involvement, end_date: dt.date) -> Involvement:
    case = involvement.case
    decision = case_enforce_change(
        actor, case, policy.may_contribute_to_case(actor, case),
        event_code=EventCode.CASE_INVOLVEMENT_END, action=Action.UPDATE,
    )
    if end_date < involvement.start_date:
        raise ValidationError({"end_date": _("The end date lies before the start date.")})
    if case.coordinator_id == involvement.professional_id:
        raise ValidationError(
            _("Choose another coordinator before ending the coordinator's involvement."))
    with service_transaction():
        case_lock_open(case)
        involvement.end_date = end_date
        involvement.save(update_fields=["end_date"])
        case_log_event(actor, case, event_code=EventCode.CASE_INVOLVEMENT_END, action=Action.UPDATE,
                        ground=decision.log_ground)
    return involvement


def case_set_coordinator(*, actor: Actor, case: Case, professional: Professional) -> Case:
    """Make an involved professional the regiehouder (`policy.may_appoint_coordinator`: the
    core team or the coordinator handing on); the new and the previous coordinator and the
    family in the portal are told."""
    decision = case_enforce_change(
        actor, case, policy.may_appoint_coordinator(actor, case),
        event_code=EventCode.CASE_SET_COORDINATOR, action=Action.UPDATE,
    )
    today = timezone.localdate()
    with service_transaction():
        case = case_lock_open(case)
        involved = case.involvements.filter(professional=professional).active_on(
            today).exists()
        if not involved:
            raise ValidationError(
                {"professional": _("Only a professional involved in the case can coordinate.")})
        previous = case.coordinator
        case.coordinator = professional
        case.save(update_fields=["coordinator"])
        case_log_event(actor, case, event_code=EventCode.CASE_SET_COORDINATOR, action=Action.UPDATE,
                        ground=decision.log_ground)
        notification_send(
            recipients=[professional.user], kind=NotificationKind.BECAME_COORDINATOR,
            message=lambda: _("You are now the coordinator of case %(ref)s.") % {
                "ref": case.reference},
            link=case_url(case),
        )
        if previous is not None and previous.pk != professional.pk:
            notification_send(
                recipients=[previous.user], kind=NotificationKind.COORDINATOR_CHANGED,
                message=lambda: _(
                    "%(name)s is now the coordinator of case %(ref)s instead of you.") % {
                    "name": professional.full_name, "ref": case.reference},
                link=case_url(case))
        notification_send(
            recipients=policy.portal_readers_of_case(case),
            kind=NotificationKind.COORDINATOR_CHANGED,
            message=lambda: _("%(name)s (%(org)s) is now the coordinator: the one who stands "
                              "beside you and keeps the plan together.") % {
                "name": professional.full_name, "org": professional.organisation.name},
            link=reverse("portal:case", kwargs={"case_id": case.pk}))
    return case


def _involved_users(case: Case) -> list[User]:
    today = timezone.localdate()
    return [
        inv.professional.user
        for inv in case.involvements.active_on(today).select_related(
            "professional__user")
    ]


def case_escalate(
    *, actor: Actor, case: Case, level: EscalationLevel, reason: str,
) -> Escalation:
    decision = case_enforce_change(
        actor, case, policy.may_contribute_to_case(actor, case), event_code=EventCode.CASE_ESCALATE,
        action=Action.UPDATE,
    )
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for escalating.")})
    with service_transaction():
        case = case_lock_open(case)
        try:
            check_transition(case.status, CaseStatus.ESCALATED)
        except TransitionNotAllowed as exc:
            raise ValidationError(str(exc)) from exc
        me = actor.require_professional()
        escalation = Escalation.objects.create(
            case=case, level=level, reason=reason.strip(), escalated_by=me)
        case.status = CaseStatus.ESCALATED
        case.save(update_fields=["status"])
        case_log_event(actor, case, event_code=EventCode.CASE_ESCALATE, action=Action.UPDATE,
                        ground=decision.log_ground)
        notification_send(
            recipients=_involved_users(case), kind=NotificationKind.CASE_ESCALATED,
            message=lambda: _("Case %(ref)s was escalated to %(level)s.")
            % {"ref": case.reference, "level": EscalationLevel(level).label},
            link=case_url(case),
        )
    return escalation


def case_close(*, actor: Actor, case: Case, reason: str) -> Case:
    """Close with a reason; the school's contact point and everyone involved hear of it.
    A closed case is read-only."""
    decision = case_enforce_change(
        actor, case, policy.may_steer_case(actor, case), event_code=EventCode.CASE_CLOSE,
        action=Action.UPDATE,
    )
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for closing the case.")})
    with service_transaction():
        case = case_lock_open(case)
        try:
            check_transition(case.status, CaseStatus.CLOSED)
        except TransitionNotAllowed as exc:
            raise ValidationError(str(exc)) from exc
        case.status = CaseStatus.CLOSED
        case.closed_at = timezone.now()
        case.closure_reason = reason.strip()
        case.save(update_fields=["status", "closed_at", "closure_reason"])
        case_log_event(actor, case, event_code=EventCode.CASE_CLOSE, action=Action.UPDATE,
                        ground=decision.log_ground)
        recipients = _involved_users(case)
        contact = case.school.contact_point
        if contact is not None:
            recipients.append(contact.user)
        notification_send(
            recipients=recipients,
            kind=NotificationKind.CASE_CLOSED,
            message=lambda: _("Case %(ref)s has been closed.") % {"ref": case.reference},
            link=case_url(case),
        )
    return case
