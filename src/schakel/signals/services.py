from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.children.models import Child
from schakel.organisations.models import School, SchoolClass
from schakel.signals.models import Signal, SignalLevel, SignalStatus, Theme
from schakel.transactions import service_transaction

# Status changes a core team makes by hand; linking to a case happens through `case_open`.
SIGNAL_TRANSITIONS: dict[str, frozenset[str]] = {
    SignalStatus.NEW: frozenset({SignalStatus.DISCUSSED, SignalStatus.LINKED_COLLECTIVE,
                                 SignalStatus.CLOSED}),
    SignalStatus.DISCUSSED: frozenset({SignalStatus.LINKED_COLLECTIVE, SignalStatus.CLOSED}),
    SignalStatus.LINKED_CASE: frozenset({SignalStatus.CLOSED}),
    SignalStatus.LINKED_COLLECTIVE: frozenset({SignalStatus.CLOSED}),
    SignalStatus.CLOSED: frozenset(),
}


def signal_raise(
    *, actor: Actor, level: SignalLevel, school: School, theme: Theme, description: str,
    child: Child | None = None, school_class: SchoolClass | None = None,
    observed_outside_school: bool = False,
) -> Signal:
    decision = enforce(
        actor, policy.may_raise_signal(actor, school.pk), event_code=EventCode.SIGNAL_RAISE,
        action=Action.CREATE, subject=Subject("signals.signal", "", child.pk if child else None),
    )
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if not description.strip():
        errors["description"] = _("Describe what you noticed.")
    if not theme.is_active:
        errors["theme"] = _("This theme is no longer in use.")
    if level == SignalLevel.CHILD:
        if child is None:
            errors["child"] = _("Choose the child this signal is about.")
        elif not child.enrolments.filter(school=school).active_on(today).exists():
            errors["child"] = _("This child is not enrolled at this school.")
        school_class = None
    elif level == SignalLevel.CLASS:
        if school_class is None or school_class.school_id != school.pk:
            errors["school_class"] = _("Choose a class of this school.")
        child = None
    else:
        child, school_class = None, None
    if errors:
        raise ValidationError(errors)
    me = actor.require_professional()
    with service_transaction():
        signal = Signal.objects.create(
            level=level, school=school, school_class=school_class, child=child, theme=theme,
            description=description.strip(), observed_outside_school=observed_outside_school,
            raised_by=me,
        )
        access_event_record(
            actor=actor, event_code=EventCode.SIGNAL_RAISE, action=Action.CREATE,
            subject=Subject.of(signal, signal.child_id), ground=decision.log_ground,
        )
    return signal


def signal_set_status(
    *, actor: Actor, signal: Signal, status: SignalStatus, collective_action: str = "",
) -> Signal:
    decision = enforce(
        actor, policy.may_triage_signal(actor, signal), event_code=EventCode.SIGNAL_STATUS,
        action=Action.UPDATE, subject=Subject.of(signal, signal.child_id),
    )
    if status not in SIGNAL_TRANSITIONS[signal.status]:
        raise ValidationError(
            _("A signal that is %(current)s cannot become %(target)s.")
            % {"current": signal.get_status_display(), "target": SignalStatus(status).label})
    if status == SignalStatus.LINKED_COLLECTIVE and not collective_action.strip():
        raise ValidationError(
            {"collective_action": _("Name the collective action this signal feeds.")})
    with service_transaction():
        signal.status = status
        if collective_action.strip():
            signal.collective_action = collective_action.strip()
        signal.save(update_fields=["status", "collective_action"])
        access_event_record(
            actor=actor, event_code=EventCode.SIGNAL_STATUS, action=Action.UPDATE,
            subject=Subject.of(signal, signal.child_id), ground=decision.log_ground,
        )
    return signal
