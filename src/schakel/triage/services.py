"""Writes of the triage inbox: the core team records who picks up a new signal, how urgent it
is (docs/triage.md) and whether it goes onto the next kernteam meeting's agenda."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.notifications.models import NotificationKind
from schakel.notifications.services import notification_send
from schakel.organisations.models import Professional
from schakel.signals.models import Signal, SignalStatus
from schakel.transactions import service_transaction
from schakel.triage.models import SignalTriage, Urgency
from schakel.triage.selectors import core_team_members


def _core_team_member(professional: Professional, school_id: int) -> bool:
    return any(p.pk == professional.pk for p in core_team_members(school_id=school_id))


def signal_triage_record(
    *, actor: Actor, signal: Signal, assignee: Professional | None, urgency: int | None,
    for_next_meeting: bool,
) -> SignalTriage:
    decision = enforce(
        actor, policy.may_triage_inbox(actor, signal), event_code=EventCode.SIGNAL_TRIAGE,
        action=Action.UPDATE, subject=Subject.of(signal, signal.child_id))
    errors: dict[str, str] = {}
    if signal.status != SignalStatus.NEW:
        errors["__all__"] = _("Only a new signal can be triaged.")
    if assignee is not None and not _core_team_member(assignee, signal.school_id):
        errors["assignee"] = _("Assign the signal to a member of this school's core team.")
    if assignee is None and urgency is None and not for_next_meeting:
        errors.setdefault("__all__", _("Choose who picks the signal up, its urgency or the "
                                       "next core team meeting."))
    if urgency is not None and urgency not in Urgency.values:
        errors["urgency"] = _("Choose an urgency from the scale.")
    if errors:
        raise ValidationError(errors)
    me = actor.require_professional()
    previous = SignalTriage.objects.filter(signal=signal).values_list(
        "assignee_id", flat=True).first()
    with service_transaction():
        triage, _created = SignalTriage.objects.select_for_update().update_or_create(
            signal=signal, defaults={
                "assignee": assignee, "urgency": urgency, "for_next_meeting": for_next_meeting,
                "triaged_by": me, "triaged_at": timezone.now()})
        access_event_record(
            actor=actor, event_code=EventCode.SIGNAL_TRIAGE, action=Action.UPDATE,
            subject=Subject.of(signal, signal.child_id), ground=decision.log_ground)
        if assignee is not None and assignee.pk != previous and assignee.pk != me.pk:
            # Content-free: the theme and level only, never the child's name.
            notification_send(
                recipients=[assignee.user], kind=NotificationKind.SIGNAL_ASSIGNED,
                message=lambda: _("A new signal (%(level)s, %(theme)s) was assigned to you.") % {
                    "level": signal.get_level_display(), "theme": signal.theme.display_label},
                link=reverse("signals:detail", args=[signal.pk]))
    return triage
