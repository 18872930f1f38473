"""The professionals' side of the portal: withholding an entry from the parents and
answering a correction request.

Every function asks the access policy (`access.policy.portal`), validates before it writes
(a refusal stores nothing), runs in one transaction, writes its own access-log row and notifies
(in-app at once, e-mail after commit, see `notification_send`). Consent given in the portal
lives in `services.consent`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.accounts.models import User
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.cases.models import Case
from schakel.cases.selectors import case_log_event, case_subject
from schakel.notifications.models import NotificationKind
from schakel.notifications.services import notification_send
from schakel.portal.entries import entry_get
from schakel.portal.models import (
    CorrectionRequest,
    CorrectionStatus,
    WithheldEntry,
)
from schakel.portal.selectors.family import portal_case_url
from schakel.portal.services.family import required_text
from schakel.transactions import service_transaction

MAX_TEXT = 5000


# --- the coordinator's side --------------------------------------------------------------


def entry_withhold(
    *, actor: Actor, case: Case, entry_type: str, entry_id: int, reason: str,
) -> WithheldEntry:
    """Keep an entry from the parents in the child's interest, with the reason. The young
    person still sees it."""
    decision = enforce(actor, policy.may_withhold_entry(actor, case),
                       event_code=EventCode.PORTAL_WITHHOLD, action=Action.UPDATE,
                       subject=case_subject(case))
    if entry_get(case, entry_type, entry_id) is None:
        raise ValidationError(_("This entry does not belong to the case."))
    text = required_text(reason, "reason", _("Give the reason for withholding this entry."))
    with service_transaction():
        if WithheldEntry.objects.select_for_update().filter(
                case=case, object_type=entry_type, object_id=entry_id,
                released_at__isnull=True).exists():
            raise ValidationError(_("This entry is already withheld from the parents."))
        withheld = WithheldEntry.objects.create(
            case=case, object_type=entry_type, object_id=entry_id, reason=text,
            withheld_by=actor.require_professional(), withheld_at=timezone.now())
        case_log_event(actor, case, event_code=EventCode.PORTAL_WITHHOLD, action=Action.UPDATE,
                       ground=decision.log_ground)
    return withheld


def entry_release(*, actor: Actor, withheld: WithheldEntry) -> WithheldEntry:
    """Show a withheld entry to the parents again."""
    case = withheld.case
    decision = enforce(actor, policy.may_withhold_entry(actor, case),
                       event_code=EventCode.PORTAL_RELEASE, action=Action.UPDATE,
                       subject=case_subject(case))
    with service_transaction():
        withheld = WithheldEntry.objects.select_for_update().get(pk=withheld.pk)
        if withheld.released_at is not None:
            raise ValidationError(_("This entry is no longer withheld."))
        withheld.released_at = timezone.now()
        withheld.released_by = actor.require_professional()
        withheld.save(update_fields=["released_at", "released_by"])
        case_log_event(actor, case, event_code=EventCode.PORTAL_RELEASE, action=Action.UPDATE,
                       ground=decision.log_ground)
    return withheld


def _requester_users(correction: CorrectionRequest) -> list[User]:
    person = correction.by_guardian or correction.by_young_person
    user = person.user if person is not None else None
    return [user] if user is not None else []


def correction_request_answer(
    *, actor: Actor, correction: CorrectionRequest, status: CorrectionStatus | str,
    answer: str,
) -> CorrectionRequest:
    """The coordinator's recorded answer: corrected (the entry itself is corrected with a new
    version on the case page) or not corrected, with the reason. The requester is told."""
    case = correction.case
    decision = enforce(actor, policy.may_answer_correction(actor, case),
                       event_code=EventCode.PORTAL_CORRECTION_ANSWER, action=Action.UPDATE,
                       subject=case_subject(case))
    errors: dict[str, str] = {}
    if status not in (CorrectionStatus.CORRECTED, CorrectionStatus.DECLINED):
        errors["status"] = _("Choose whether the entry was corrected.")
    if not answer.strip():
        errors["answer"] = _("Write the answer to the request; it is shown to the requester.")
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        correction = CorrectionRequest.objects.select_for_update(of=("self",)).select_related(
            "by_guardian__user", "by_young_person__user").get(pk=correction.pk)
        if correction.status != CorrectionStatus.OPEN:
            raise ValidationError(_("This request has already been answered."))
        correction.status = status
        correction.answer = answer.strip()
        correction.answered_by = actor.require_professional()
        correction.answered_at = timezone.now()
        correction.save(update_fields=["status", "answer", "answered_by", "answered_at"])
        case_log_event(actor, case, event_code=EventCode.PORTAL_CORRECTION_ANSWER,
                       action=Action.UPDATE, ground=decision.log_ground)
        notification_send(
            recipients=_requester_users(correction), kind=NotificationKind.CORRECTION_ANSWERED,
            message=lambda: _(
                "Your request for a correction in case %(case)s has been answered.") % {
                "case": case.reference},
            link=portal_case_url(case))
    return correction
