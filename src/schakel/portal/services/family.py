"""Changes made in the portal by parents and young people: their perspective, signing the
plan, their own view, correction requests and sharing from 16.

Every function asks the access policy (`access.policy.portal`), validates before it writes
(a refusal stores nothing), runs in one transaction, writes its own access-log row and notifies
(in-app at once, e-mail after commit, see `notification_send`). Consent given in the portal
lives in `services.consent`.
"""

from __future__ import annotations

from collections.abc import Callable

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
from schakel.cases.models import Case
from schakel.cases.selectors import case_log_event, case_subject, case_url, plan_steps
from schakel.notifications.models import NotificationKind
from schakel.notifications.services import notification_send
from schakel.portal.entries import entry_get, entry_label
from schakel.portal.models import (
    CorrectionRequest,
    EntryType,
    OwnView,
    PlanSignature,
    PortalContribution,
    SharedWithParents,
)
from schakel.transactions import service_transaction

MAX_TEXT = 5000


def author_of(actor: Actor) -> dict[str, object]:
    """The author fields (`PortalAuthored`) for the parent or young person acting."""
    person = policy.portal_person(actor)
    if person is None:  # the policy allowed the action, which it only does for portal users
        raise PermissionError("This action is for parents and young people.")
    return {"by_guardian": person.guardian, "by_young_person": person.child}


def required_text(value: str, field: str, message: str) -> str:
    text = value.strip()
    if not text:
        raise ValidationError({field: message})
    if len(text) > MAX_TEXT:
        raise ValidationError({field: _("Please keep it under %(n)s characters.") % {
            "n": MAX_TEXT}})
    return text


def _coordinator_users(case: Case) -> list[User]:
    return [case.coordinator.user] if case.coordinator is not None else []


def _notify_coordinator(case: Case, actor: Actor, message: Callable[[], str],
                        kind: NotificationKind = NotificationKind.PORTAL_CONTRIBUTION,
                        link: str = "") -> None:
    notification_send(recipients=_coordinator_users(case), kind=kind,
                      message=lambda: message() % {"case": case.reference, "role": actor.role},
                      link=link or case_url(case))


def _visible_entry(actor: Actor, case: Case, entry_type: str, entry_id: int,
                   *, event_code: EventCode, action: Action) -> str:
    """The label of an entry the portal user sees; a missing or withheld entry is the same
    logged 404."""
    entry = entry_get(case, entry_type, entry_id)
    if entry is None or (entry_type, entry_id) in policy.portal_hidden_entries(actor, case):
        enforce(actor, policy.DENY, event_code=event_code, action=action,
                subject=case_subject(case))
        raise AssertionError("unreachable")
    return entry_label(entry)


# --- the parents' and young person's own part ---------------------------------------------


def portal_contribution_add(
    *, actor: Actor, case: Case, content: str, step: int = 3,
) -> PortalContribution:
    """Add one's own perspective and wishes to a plan step (step 3, the desired situation, by
    default), beside the professionals' entry; the coordinator is told."""
    decision = enforce(actor, policy.may_contribute_in_portal(actor, case),
                       event_code=EventCode.PORTAL_CONTRIBUTION, action=Action.CREATE,
                       subject=case_subject(case))
    if case.plan_template.step(step) is None:
        raise ValidationError({"step": _("This plan has no step %(step)s.") % {"step": step}})
    text = required_text(content, "content", _("Write your perspective and wishes."))
    with service_transaction():
        contribution = PortalContribution.objects.create(
            case=case, step=step, content=text, created_at=timezone.now(), **author_of(actor))
        case_log_event(actor, case, event_code=EventCode.PORTAL_CONTRIBUTION, action=Action.CREATE,
                       ground=decision.log_ground)
        _notify_coordinator(case, actor, lambda: _(
            "A parent or young person (%(role)s) added their perspective to the plan of "
            "case %(case)s."))
    return contribution


def plan_sign(*, actor: Actor, case: Case) -> PlanSignature:
    """Co-sign the plan as the signer sees it now: the current version of every step."""
    decision = enforce(actor, policy.may_contribute_in_portal(actor, case),
                       event_code=EventCode.PORTAL_PLAN_SIGN, action=Action.CREATE,
                       subject=case_subject(case))
    hidden = policy.portal_hidden_entries(actor, case)
    versions: dict[str, int] = {}
    for step in plan_steps(case):
        visible = [e for e in ([step.current] if step.current else []) + step.history
                   if (EntryType.PLAN_STEP, e.pk) not in hidden]
        if visible:
            versions[str(step.number)] = visible[0].version
    if not versions:
        raise ValidationError(_("There is no plan to sign yet."))
    author = author_of(actor)
    with service_transaction():
        if PlanSignature.objects.filter(case=case, step_versions=versions, **author).exists():
            raise ValidationError(_("You have already signed this version of the plan."))
        signature = PlanSignature.objects.create(
            case=case, step_versions=versions, signed_at=timezone.now(), **author)
        case_log_event(actor, case, event_code=EventCode.PORTAL_PLAN_SIGN, action=Action.CREATE,
                       ground=decision.log_ground)
        _notify_coordinator(case, actor, lambda: _(
            "A parent or young person (%(role)s) signed the plan of case %(case)s."))
    return signature


def own_view_add(
    *, actor: Actor, case: Case, entry_type: str, entry_id: int, text: str,
) -> OwnView:
    """Add one's own view (zienswijze) to an entry of the file; the entry itself is not
    changed."""
    decision = enforce(actor, policy.may_respond_in_portal(actor, case),
                       event_code=EventCode.PORTAL_OWN_VIEW, action=Action.CREATE,
                       subject=case_subject(case))
    _visible_entry(actor, case, entry_type, entry_id, event_code=EventCode.PORTAL_OWN_VIEW,
                   action=Action.CREATE)
    body = required_text(text, "text", _("Write your view."))
    with service_transaction():
        view = OwnView.objects.create(
            case=case, object_type=entry_type, object_id=entry_id, text=body,
            created_at=timezone.now(), **author_of(actor))
        case_log_event(actor, case, event_code=EventCode.PORTAL_OWN_VIEW, action=Action.CREATE,
                       ground=decision.log_ground)
        _notify_coordinator(case, actor, lambda: _(
            "A parent or young person (%(role)s) added their view to an entry of case "
            "%(case)s."))
    return view


def correction_request_create(
    *, actor: Actor, case: Case, entry_type: str, entry_id: int, text: str,
) -> CorrectionRequest:
    """Ask the coordinator to correct an entry (AVG art. 16). The coordinator answers
    within a month (AVG art. 12(3))."""
    decision = enforce(actor, policy.may_respond_in_portal(actor, case),
                       event_code=EventCode.PORTAL_CORRECTION_REQUEST, action=Action.CREATE,
                       subject=case_subject(case))
    _visible_entry(actor, case, entry_type, entry_id,
                   event_code=EventCode.PORTAL_CORRECTION_REQUEST, action=Action.CREATE)
    body = required_text(text, "text", _("Say what is not correct and what it should be."))
    with service_transaction():
        correction = CorrectionRequest.objects.create(
            case=case, object_type=entry_type, object_id=entry_id, request_text=body,
            requested_at=timezone.now(), **author_of(actor))
        case_log_event(actor, case, event_code=EventCode.PORTAL_CORRECTION_REQUEST,
                       action=Action.CREATE, ground=decision.log_ground)
        _notify_coordinator(
            case, actor, lambda: _("A parent or young person (%(role)s) asked for a "
                                   "correction in case %(case)s."),
            kind=NotificationKind.CORRECTION_REQUESTED,
            link=reverse("portal:correction_answer", kwargs={"correction_id": correction.pk}))
    return correction


def case_share_with_parents(*, actor: Actor, case: Case, share: bool) -> Case:
    """A young person of 16 or over lets the parents with custody see this case, or stops
    doing so; either takes effect at once."""
    decision = enforce(actor, policy.may_share_case_in_portal(actor, case),
                       event_code=EventCode.PORTAL_SHARE, action=Action.UPDATE,
                       subject=case_subject(case))
    with service_transaction():
        active = SharedWithParents.objects.select_for_update().filter(
            case=case, ended_at__isnull=True).first()
        if share and active is None and case.child is not None:
            SharedWithParents.objects.create(
                case=case, young_person=case.child, shared_at=timezone.now())
        elif not share and active is not None:
            active.ended_at = timezone.now()
            active.save(update_fields=["ended_at"])
        case_log_event(actor, case, event_code=EventCode.PORTAL_SHARE, action=Action.UPDATE,
                       ground=decision.log_ground)
    return case


