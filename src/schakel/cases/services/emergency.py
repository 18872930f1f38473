"""Emergency access ("break the glass", `policy.emergency`): claimed with a reason, it opens a
case's content to the claimant for `SCHAKEL_EMERGENCY_ACCESS_HOURS`, is logged with basis
"emergency", and the privacy officers and the coordinator are told at once so that they can
check it afterwards."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.cases.models import Case, EmergencyAccess
from schakel.cases.selectors import case_log_event, case_subject, case_url
from schakel.notifications.models import NotificationKind
from schakel.notifications.services import notification_send
from schakel.organisations.models import Professional
from schakel.transactions import service_transaction


def _privacy_officers(case: Case, claimant: Professional) -> list[Professional]:
    """The privacy officers (log administrators) of the claimant's organisation and of the
    organisation that holds the file."""
    return list(Professional.objects.filter(
        is_log_administrator=True, user__is_active=True,
        organisation_id__in={claimant.organisation_id, case.opened_by.organisation_id},
    ).exclude(pk=claimant.pk).select_related("user"))


def emergency_access_claim(*, actor: Actor, case: Case, reason: str) -> EmergencyAccess:
    """Claim emergency access to `case` (`policy.may_claim_emergency_access`; refused is a
    logged 404). The reason is required."""
    enforce(actor, policy.may_claim_emergency_access(actor, case),
            event_code=EventCode.CASE_EMERGENCY_ACCESS, action=Action.CREATE,
            subject=case_subject(case))
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the emergency access.")})
    claimant = actor.require_professional()
    now = timezone.now()
    with service_transaction():
        access = EmergencyAccess.objects.create(
            case=case, professional=claimant, reason=reason, claimed_at=now,
            expires_at=now + dt.timedelta(hours=settings.SCHAKEL_EMERGENCY_ACCESS_HOURS))
        case_log_event(actor, case, event_code=EventCode.CASE_EMERGENCY_ACCESS,
                       action=Action.CREATE,
                       ground=f"{policy.Ground.EMERGENCY}; {policy.Ground.EMERGENCY} "
                              f"#{access.pk}")

        def message() -> str:
            return _("%(name)s (%(org)s) claimed emergency access to case %(ref)s until "
                     "%(until)s.") % {
                "name": claimant.full_name, "org": claimant.organisation.name,
                "ref": case.reference,
                "until": formats.date_format(timezone.localtime(access.expires_at),
                                             "DATETIME_FORMAT")}

        officers = _privacy_officers(case, claimant)
        if officers:
            notification_send(
                recipients=[officer.user for officer in officers],
                kind=NotificationKind.EMERGENCY_ACCESS, message=message,
                link=reverse("audit:log") + "?basis=emergency")
        coordinator = case.coordinator
        if coordinator is not None and coordinator.pk != claimant.pk:
            notification_send(recipients=[coordinator.user],
                              kind=NotificationKind.EMERGENCY_ACCESS, message=message,
                              link=case_url(case))
    return access
