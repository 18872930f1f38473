"""A parent without custody asks for information, and the coordinator or the school's
contact point answers (BW 1:377c; who may do what is `access.policy.information`).

The notifications say only that there is a request or an answer, never its content: the
parent reads the answer in the portal, and a refusal reads the same as "refused" whatever
its recorded reason.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.children.models import Child
from schakel.notifications.models import NotificationKind
from schakel.notifications.services import notification_send
from schakel.portal.information import information_facts
from schakel.portal.models import InformationRequest, InformationRequestStatus
from schakel.transactions import service_transaction

QUESTION_MAX_CHARS = 2000


def information_request_ask(*, actor: Actor, child: Child, question: str) -> InformationRequest:
    """Ask for information about `child`; those who answer are told."""
    decision = enforce(
        actor, policy.may_request_information(actor, child),
        event_code=EventCode.PORTAL_INFORMATION_REQUEST, action=Action.CREATE,
        subject=Subject("portal.informationrequest", "", child.pk))
    person = policy.portal_person(actor)
    guardian = person.guardian if person is not None else None
    assert guardian is not None  # noqa: S101 - the policy allows parents only
    question = question.strip()
    if not question:
        raise ValidationError({"question": _("Say what you would like to know.")})
    if len(question) > QUESTION_MAX_CHARS:
        raise ValidationError({"question": _("Keep your question shorter (at most %(max)s "
                                             "characters).") % {"max": QUESTION_MAX_CHARS}})
    if InformationRequest.objects.filter(child=child, guardian=guardian,
                                         status=InformationRequestStatus.OPEN).exists():
        raise ValidationError(_("Your earlier request is still waiting for an answer."))
    answerers = policy.information_request_answerers(child)
    if not answerers:
        raise ValidationError(_("No contact at the school is known for %(name)s in Schakel; "
                                "ask the school's administration.") % {
            "name": child.first_name})
    with service_transaction():
        request = InformationRequest.objects.create(
            child=child, guardian=guardian, question=question, asked_at=timezone.now())
        access_event_record(
            actor=actor, event_code=EventCode.PORTAL_INFORMATION_REQUEST, action=Action.CREATE,
            subject=Subject.of(request, child.pk), ground=decision.log_ground)
        notification_send(
            recipients=[p.user for p in answerers],
            kind=NotificationKind.INFORMATION_REQUESTED,
            message=lambda: Truncator(_(
                "A parent without custody asks for information about %(child)s.") % {
                "child": child.full_name}).chars(300),
            link=reverse("portal:information_answer",
                         kwargs={"information_request_id": request.pk}))
    return request


def information_request_answer(
    *, actor: Actor, request: InformationRequest, grant: bool, share_school: bool = False,
    share_case: bool = False, message: str = "", refusal_reason: str = "",
) -> InformationRequest:
    """Grant the request, sharing the facts chosen as they are today (copied onto the
    request), or refuse it in the child's interest with a recorded reason. A contact ban or a
    safety note allows refusal only. The parent is told that there is an answer."""
    child = request.child
    decision = enforce(
        actor, policy.may_answer_information_request(actor, request),
        event_code=EventCode.INFORMATION_REQUEST_ANSWER, action=Action.UPDATE,
        subject=Subject.of(request, child.pk))
    facts = information_facts(child)
    errors: dict[str, str] = {}
    if grant:
        if block := policy.information_request_block(request):
            errors["__all__"] = block + " " + _("You can only refuse the request.")
        elif share_case and not facts.shows_case:
            errors["share_case"] = _("%(name)s is 16 or older: whether there is a case is not "
                                     "shared.") % {"name": child.first_name}
        elif not (share_school or share_case or message.strip()):
            errors["share_school"] = _("Choose what you share, or write a message.")
    elif not refusal_reason.strip():
        errors["refusal_reason"] = _("Record why the information is not in the child's "
                                     "interest.")
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        request = InformationRequest.objects.select_for_update().get(pk=request.pk)
        if request.status != InformationRequestStatus.OPEN:
            raise ValidationError(_("This request has already been answered."))
        request.status = (InformationRequestStatus.GRANTED if grant
                          else InformationRequestStatus.REFUSED)
        request.answered_at = timezone.now()
        request.answered_by = actor.require_professional()
        if grant:
            request.shared_school = facts.school if share_school else ""
            request.shared_case = facts.case if share_case else ""
            request.message = message.strip()
        else:
            request.refusal_reason = refusal_reason.strip()
        request.save()
        access_event_record(
            actor=actor, event_code=EventCode.INFORMATION_REQUEST_ANSWER, action=Action.UPDATE,
            subject=Subject.of(request, child.pk), ground=decision.log_ground)
        parent = request.guardian.user
        notification_send(
            recipients=[parent] if parent is not None else [],
            kind=NotificationKind.INFORMATION_ANSWERED,
            message=lambda: _("Your request for information about %(child)s was answered.") % {
                "child": child.first_name},
            link=reverse("portal:school_info", kwargs={"child_id": child.pk}))
    return request
