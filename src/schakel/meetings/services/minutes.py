"""The minutes: each child's part written into that child's case (by whoever contributes to
it), the general part by the meeting's people; decisions become agreements in the case or
collective actions. Adopted minutes are read-only: a correction is a new version with who and
why (the old one stays)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.cases.models import Case, Consultation
from schakel.cases.selectors import case_log_event
from schakel.cases.services.plan import agreement_create, consultation_record
from schakel.meetings.models import (
    AgendaItem,
    Decision,
    DecisionKind,
    Meeting,
    MinutesEntry,
)
from schakel.organisations.models import Professional, SchoolClass
from schakel.transactions import composed_services, service_transaction


def _subject(meeting: Meeting, case: Case | None) -> Subject:
    if case is None:
        return Subject.of(meeting, None)
    return Subject.of(case, case.child_id)


def _log(actor: Actor, meeting: Meeting, case: Case | None, *, code: EventCode,
         action: Action, ground: str) -> None:
    if case is None:
        access_event_record(actor=actor, event_code=code, action=action,
                            subject=Subject.of(meeting, None), ground=ground)
    else:
        case_log_event(actor, case, event_code=code, action=action, ground=ground)


def _item_case(item: AgendaItem | None) -> Case | None:
    if item is None:
        return None
    if item.case is not None:
        return item.case
    if item.agreement is not None:
        return item.agreement.case
    if item.signal is not None:
        return item.signal.case
    return None


def _check_open(meeting: Meeting) -> None:
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting has been cancelled."))
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("Minutes are written once the meeting has begun."))


def minutes_write(
    *, actor: Actor, meeting: Meeting, text: str, agenda_item: AgendaItem | None = None,
    case: Case | None = None,
) -> MinutesEntry:
    """Write (or, before adoption, rewrite) one part of the minutes. An agenda item about a
    case puts its part in that case."""
    case = case or _item_case(agenda_item)
    decision = enforce(actor, policy.may_write_minutes(actor, meeting, case, agenda_item),
                       event_code=EventCode.MEETING_MINUTES_WRITE, action=Action.UPDATE,
                       subject=_subject(meeting, case))
    if meeting.minutes_adopted:
        raise ValidationError(_(
            "The minutes have been adopted and can no longer be changed; add a correction."))
    _check_open(meeting)
    if not text.strip():
        raise ValidationError({"text": _("Write what was discussed.")})
    with service_transaction():
        entry = MinutesEntry.objects.filter(
            meeting=meeting, agenda_item=agenda_item, case=case, replaced_by__isnull=True,
        ).first()
        if entry is None:
            entry = MinutesEntry.objects.create(
                meeting=meeting, agenda_item=agenda_item, case=case, text=text.strip(),
                author=actor.require_professional())
        else:
            entry.text, entry.author = text.strip(), actor.require_professional()
            entry.save(update_fields=["text", "author"])
        _log(actor, meeting, case, code=EventCode.MEETING_MINUTES_WRITE, action=Action.UPDATE,
             ground=decision.log_ground)
    return entry


def consultation_at_item_record(
    *, actor: Actor, meeting: Meeting, agenda_item: AgendaItem, signals_seen: str,
    already_started: str = "", wisdom: str = "", who_takes_role: str = "",
) -> Consultation:
    """The four questions answered at an item about a case (a consultation, or a case at the
    kernteam's table): recorded in the case as its consultation, linked to the item."""
    case = _item_case(agenda_item)
    if agenda_item.meeting_id != meeting.pk or case is None:
        raise ValidationError(_("The four questions are answered at an item about a case."))
    enforce(actor, policy.may_write_minutes(actor, meeting, case, agenda_item),
            event_code=EventCode.CASE_CONSULTATION, action=Action.CREATE,
            subject=_subject(meeting, case))
    if meeting.minutes_adopted:
        raise ValidationError(_("The minutes have been adopted and can no longer be changed."))
    _check_open(meeting)
    with composed_services():
        item = AgendaItem.objects.select_for_update().get(pk=agenda_item.pk)
        if item.consultation_id is not None:
            raise ValidationError(_("The four questions of this item have been answered "
                                    "already; see the consultation in the case."))
        consultation = consultation_record(
            actor=actor, case=case, signals_seen=signals_seen, already_started=already_started,
            wisdom=wisdom, who_takes_role=who_takes_role)
        item.consultation = consultation
        item.save(update_fields=["consultation"])
    return consultation


def minutes_correct(
    *, actor: Actor, entry: MinutesEntry, text: str, reason: str,
) -> MinutesEntry:
    """A correction of adopted minutes: a new version that replaces the old one."""
    meeting, case = entry.meeting, entry.case
    decision = enforce(actor, policy.may_write_minutes(actor, meeting, case, entry.agenda_item),
                       event_code=EventCode.MEETING_MINUTES_WRITE, action=Action.UPDATE,
                       subject=_subject(meeting, case))
    errors: dict[str, str] = {}
    if not text.strip():
        errors["text"] = _("Write the corrected text.")
    if not reason.strip():
        errors["reason"] = _("Say why the minutes are corrected.")
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        current = MinutesEntry.objects.select_for_update().get(pk=entry.pk)
        if MinutesEntry.objects.filter(replaces=current).exists():
            raise ValidationError(_("This part has been corrected already; correct the "
                                    "latest version."))
        if not meeting.minutes_adopted:
            raise ValidationError(_("The minutes are not adopted yet: change them directly."))
        corrected = MinutesEntry.objects.create(
            meeting=meeting, agenda_item=current.agenda_item, case=case, text=text.strip(),
            replaces=current, correction_reason=reason.strip(),
            author=actor.require_professional())
        _log(actor, meeting, case, code=EventCode.MEETING_MINUTES_WRITE, action=Action.UPDATE,
             ground=decision.log_ground)
    return corrected


def decision_record(
    *, actor: Actor, meeting: Meeting, kind: DecisionKind | str, description: str,
    owner: Professional, due_date: dt.date, agenda_item: AgendaItem | None = None,
    case: Case | None = None, school_class: SchoolClass | None = None,
) -> Decision:
    """A decision of the meeting. An agreement is made in the case at once (the case's own
    rules: its owner is involved, its date not past; the owner is told); a collective action
    is a decision of the meeting at class or school level."""
    kind = DecisionKind(kind)
    case = case or _item_case(agenda_item)
    if kind == DecisionKind.AGREEMENT and case is None:
        raise ValidationError({"kind": _("An agreement belongs to a case: choose an item "
                                         "about a case, or make it a collective action.")})
    decision = enforce(actor, policy.may_write_minutes(
        actor, meeting, case if kind == DecisionKind.AGREEMENT else None, agenda_item),
        event_code=EventCode.MEETING_DECISION, action=Action.CREATE,
        subject=_subject(meeting, case if kind == DecisionKind.AGREEMENT else None))
    if meeting.minutes_adopted:
        raise ValidationError(_("The minutes have been adopted; decisions can no longer be "
                                "added."))
    _check_open(meeting)
    if not description.strip():
        raise ValidationError({"description": _("Describe what was decided.")})
    if due_date < timezone.localdate():
        raise ValidationError({"due_date": _("The due date lies in the past.")})
    if school_class is not None and school_class.school_id != meeting.school_id:
        raise ValidationError({"school_class": _("Choose a class of this school.")})
    entry = MinutesEntry.objects.filter(
        meeting=meeting, agenda_item=agenda_item, replaced_by__isnull=True).first()
    with composed_services():
        agreement = None
        if kind == DecisionKind.AGREEMENT:
            assert case is not None  # noqa: S101 - checked above
            agreement = agreement_create(actor=actor, case=case, description=description,
                                         owner=owner, due_date=due_date)
        made = Decision.objects.create(
            meeting=meeting, minutes_entry=entry, kind=kind, description=description.strip(),
            agreement=agreement, owner=owner, due_date=due_date,
            school_class=school_class if kind == DecisionKind.COLLECTIVE else None,
            created_by=actor.require_professional())
        _log(actor, meeting, case if kind == DecisionKind.AGREEMENT else None,
             code=EventCode.MEETING_DECISION, action=Action.CREATE, ground=decision.log_ground)
    return made


def minutes_adopt(*, actor: Actor, meeting: Meeting) -> Meeting:
    decision = enforce(actor, policy.may_change_meeting(actor, meeting),
                       event_code=EventCode.MEETING_MINUTES_WRITE, action=Action.UPDATE,
                       subject=Subject.of(meeting, None))
    _check_open(meeting)
    with service_transaction():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.minutes_adopted:
            raise ValidationError(_("The minutes have been adopted already."))
        if not MinutesEntry.objects.filter(meeting=locked).exists():
            raise ValidationError(_("There are no minutes to adopt yet."))
        locked.minutes_adopted_at = timezone.now()
        locked.minutes_adopted_by = actor.require_professional()
        locked.save(update_fields=["minutes_adopted_at", "minutes_adopted_by"])
        access_event_record(actor=actor, event_code=EventCode.MEETING_MINUTES_WRITE,
                            action=Action.UPDATE, subject=Subject.of(locked, None),
                            ground=decision.log_ground)
    return locked
