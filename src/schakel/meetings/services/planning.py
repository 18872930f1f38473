"""Planning a meeting: who is invited, when, the agenda filled from the data; changing and
cancelling (each a new SEQUENCE of the invitation, RFC 5545)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.cases.models import Case
from schakel.cases.selectors import case_child_ids
from schakel.children.models import Child, Guardian
from schakel.meetings.agenda import MANUAL, agenda_proposals
from schakel.meetings.models import (
    AgendaItem,
    Availability,
    DayPart,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Participant,
)
from schakel.meetings.tasks import meeting_invitations_send
from schakel.notifications.models import NotificationKind
from schakel.notifications.services import notification_send
from schakel.organisations.models import Professional, School
from schakel.transactions import service_transaction

# Kinds that are about one case, and the kinds whose agenda is filled from the data.
CASE_KINDS = frozenset({MeetingKind.MDO, MeetingKind.CONSULTATION, MeetingKind.URGENT})
FILLED_KINDS = frozenset({MeetingKind.CORE_TEAM})
CASE_ITEM_SOURCE = {MeetingKind.CONSULTATION: "consultation", MeetingKind.MDO: "mdo"}
CASE_ITEM_HEADINGS = {MeetingKind.CONSULTATION: gettext_lazy("The four questions"),
                      MeetingKind.MDO: gettext_lazy("The plan, with the family at the table")}


def meeting_url(meeting: Meeting) -> str:
    return reverse("meetings:detail", kwargs={"meeting_id": meeting.pk})


def _meeting_subject(meeting: Meeting) -> Subject:
    return Subject.of(meeting, None)


def _invitees(meeting: Meeting) -> list[Professional]:
    return [p.professional for p in meeting.participants.select_related("professional__user")
            if p.professional is not None]


def _tell(meeting: Meeting, recipients: Sequence[Professional], text: str) -> None:
    """In-app, and the invitation e-mail with its .ics once the change commits (the title
    names the school, never a child); the parents and young person with a portal account
    in the portal, each with the link to their own invitation."""
    users = [p.user for p in recipients]
    title = meeting.title
    if users:
        notification_send(recipients=users, kind=NotificationKind.MEETING_INVITATION,
                          message=lambda: text % {"title": title}, link=meeting_url(meeting))
    for invitation in meeting.participants.filter(professional__isnull=True).select_related(
            "guardian__user", "young_person__user"):
        person = invitation.guardian or invitation.young_person
        if person is not None and person.user is not None:
            notification_send(
                recipients=[person.user], kind=NotificationKind.FAMILY_INVITATION,
                message=lambda: text % {"title": title},
                link=reverse("portal_meetings:invitation",
                             kwargs={"invitation_id": invitation.pk}))
    meeting_id, sequence = meeting.pk, meeting.sequence
    transaction.on_commit(lambda: meeting_invitations_send.enqueue(
        meeting_id=meeting_id, sequence=sequence))


def _family_of(case: Case) -> tuple[set[int], set[int]]:
    """Guardians and children of the case (for the MDO's family participants)."""
    child_ids = set(case_child_ids(case))
    guardian_ids = set(Guardian.objects.filter(children__in=child_ids).values_list("pk", flat=True))
    return guardian_ids, child_ids


def meeting_plan(
    *, actor: Actor, school: School, kind: MeetingKind | str, starts_at: dt.datetime,
    duration_minutes: int = 60, location: str = "", video_link: str = "",
    case: Case | None = None, professionals: Sequence[Professional] = (),
    guardians: Sequence[Guardian] = (), young_person: Child | None = None,
    empty_chair_guest: Professional | None = None, empty_chair_purpose: str = "",
) -> Meeting:
    kind = MeetingKind(kind)
    decision = enforce(actor, policy.may_plan_meeting(actor, school.pk, case),
                       event_code=EventCode.MEETING_CHANGE, action=Action.CREATE,
                       subject=Subject("meetings.meeting", "", None))
    organiser = actor.require_professional()
    errors: dict[str, str] = {}
    if starts_at <= timezone.now():
        errors["starts_at"] = _("A meeting cannot be planned in the past.")
    if not 10 <= duration_minutes <= 480:
        errors["duration_minutes"] = _("A meeting lasts between 10 minutes and 8 hours.")
    if kind in CASE_KINDS and case is None:
        errors["case"] = _("Choose the case this meeting is about.")
    if case is not None and case.school_id != school.pk:
        errors["case"] = _("The case belongs to another school.")
    if case is not None and case.is_closed:
        errors["case"] = _("The case is closed.")
    if kind == MeetingKind.URGENT and not video_link:
        errors["video_link"] = _("An urgent consultation is online: give the video link.")
    if (guardians or young_person) and kind != MeetingKind.MDO:
        errors["guardians"] = _("Parents and the young person are invited to an MDO.")
    if case is not None and (guardians or young_person):
        guardian_ids, child_ids = _family_of(case)
        if any(g.pk not in guardian_ids for g in guardians):
            errors["guardians"] = _("Only the parents of the child in the case can be invited.")
        if young_person is not None and young_person.pk not in child_ids:
            errors["young_person"] = _("Only the child of the case can be invited.")
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        meeting = Meeting.objects.create(
            school=school, kind=kind, starts_at=starts_at, duration_minutes=duration_minutes,
            location=location.strip(), video_link=video_link.strip(), organiser=organiser,
            case=case, empty_chair_guest=empty_chair_guest,
            empty_chair_purpose=empty_chair_purpose.strip())
        invited = {organiser.pk: organiser, **{p.pk: p for p in professionals}}
        if empty_chair_guest is not None:
            invited[empty_chair_guest.pk] = empty_chair_guest
        Participant.objects.bulk_create(
            [Participant(meeting=meeting, professional=p) for p in invited.values()]
            + [Participant(meeting=meeting, guardian=g) for g in guardians]
            + ([Participant(meeting=meeting, young_person=young_person)] if young_person else []))
        access_event_record(actor=actor, event_code=EventCode.MEETING_CHANGE,
                            action=Action.CREATE, subject=_meeting_subject(meeting),
                            ground=decision.log_ground)
        if kind in FILLED_KINDS:
            _fill(meeting)
        if kind in CASE_ITEM_HEADINGS and case is not None:
            # A consultation is the case's four questions (seed 004, Bijlage D); an MDO
            # discusses the case's plan with the family at the table.
            AgendaItem.objects.create(meeting=meeting, position=1, source=CASE_ITEM_SOURCE[kind],
                                      heading=str(CASE_ITEM_HEADINGS[kind]), case=case,
                                      child_id=case.child_id)
        _tell(meeting, [p for p in invited.values() if p.pk != organiser.pk],
              _("You are invited: %(title)s."))
    return meeting


def _change_allowed(actor: Actor, meeting: Meeting, action: Action) -> policy.Decision:
    return enforce(actor, policy.may_change_meeting(actor, meeting),
                   event_code=EventCode.MEETING_CHANGE, action=action,
                   subject=_meeting_subject(meeting))


def _lock(meeting: Meeting) -> Meeting:
    locked = Meeting.objects.select_for_update().select_related("school").get(pk=meeting.pk)
    if locked.is_cancelled:
        raise ValidationError(_("This meeting has been cancelled."))
    return locked


def meeting_reschedule(
    *, actor: Actor, meeting: Meeting, starts_at: dt.datetime, duration_minutes: int,
    location: str = "", video_link: str = "",
) -> Meeting:
    decision = _change_allowed(actor, meeting, Action.UPDATE)
    if starts_at <= timezone.now():
        raise ValidationError({"starts_at": _("A meeting cannot be planned in the past.")})
    with service_transaction():
        meeting = _lock(meeting)
        if meeting.minutes_adopted:
            raise ValidationError(_("The minutes of this meeting have been adopted."))
        meeting.starts_at, meeting.duration_minutes = starts_at, duration_minutes
        meeting.location, meeting.video_link = location.strip(), video_link.strip()
        _new_version(actor, meeting, decision, _("Changed: %(title)s. See the new time."))
    return meeting


def _new_version(actor: Actor, meeting: Meeting, decision: policy.Decision, text: str) -> None:
    """Save a change of the invitation (its next SEQUENCE), log it and tell the invitees."""
    meeting.sequence += 1
    meeting.save()
    access_event_record(actor=actor, event_code=EventCode.MEETING_CHANGE, action=Action.UPDATE,
                        subject=_meeting_subject(meeting), ground=decision.log_ground)
    _tell(meeting, [p for p in _invitees(meeting) if p.pk != actor.require_professional().pk],
          text)


def meeting_cancel(*, actor: Actor, meeting: Meeting) -> Meeting:
    decision = _change_allowed(actor, meeting, Action.UPDATE)
    with service_transaction():
        meeting = _lock(meeting)
        if meeting.starts_at <= timezone.now():
            raise ValidationError(_("A meeting that has begun cannot be cancelled."))
        meeting.status = MeetingStatus.CANCELLED
        _new_version(actor, meeting, decision, _("Cancelled: %(title)s."))
    return meeting


def _fill(meeting: Meeting) -> int:
    """Add what the agenda sources propose and the agenda does not hold yet."""
    present: set[tuple[object, ...]] = set(AgendaItem.objects.filter(meeting=meeting).values_list(
        "source", "heading", "child_id", "case_id", "signal_id", "agreement_id"))
    position = (AgendaItem.objects.filter(meeting=meeting).aggregate(n=Max("position"))["n"]
                or 0)
    new: list[AgendaItem] = []
    for code, proposal in agenda_proposals(meeting):
        key = (code, proposal.heading, proposal.child_id, proposal.case_id,
               proposal.signal_id, proposal.agreement_id)
        if key in present:
            continue
        present.add(key)
        position += 1
        new.append(AgendaItem(
            meeting=meeting, position=position, source=code, heading=proposal.heading,
            note=proposal.note, child_id=proposal.child_id, case_id=proposal.case_id,
            signal_id=proposal.signal_id, agreement_id=proposal.agreement_id))
    AgendaItem.objects.bulk_create(new)
    return len(new)


def meeting_agenda_fill(*, actor: Actor, meeting: Meeting) -> int:
    """Refresh the agenda from the data (new signals since the plan was made, ...)."""
    decision = _change_allowed(actor, meeting, Action.UPDATE)
    with service_transaction():
        meeting = _lock(meeting)
        added = _fill(meeting)
        access_event_record(actor=actor, event_code=EventCode.MEETING_CHANGE,
                            action=Action.UPDATE, subject=_meeting_subject(meeting),
                            ground=decision.log_ground)
    return added


def agenda_item_add(*, actor: Actor, meeting: Meeting, heading: str, note: str = "") -> AgendaItem:
    """An item about no child (the collaboration, class or school level, a theme)."""
    decision = enforce(actor, policy.may_view_meeting(actor, meeting),
                       event_code=EventCode.MEETING_CHANGE, action=Action.CREATE,
                       subject=_meeting_subject(meeting))
    if not heading.strip():
        raise ValidationError({"heading": _("Say what the item is about.")})
    with service_transaction():
        meeting = _lock(meeting)
        position = (AgendaItem.objects.filter(meeting=meeting).aggregate(
            n=Max("position"))["n"] or 0) + 1
        item = AgendaItem.objects.create(meeting=meeting, position=position, source=MANUAL,
                                         heading=heading.strip()[:200], note=note.strip())
        access_event_record(actor=actor, event_code=EventCode.MEETING_CHANGE,
                            action=Action.CREATE, subject=_meeting_subject(meeting),
                            ground=decision.log_ground)
    return item


def availability_set(*, actor: Actor, slots: Sequence[tuple[int, DayPart | str]]) -> int:
    """Replace one's own usual availability for short online meetings."""
    professional = actor.require_professional()
    clean = {(weekday, DayPart(part)) for weekday, part in slots}
    if any(not 0 <= weekday <= 4 for weekday, _part in clean):
        raise ValidationError(_("Choose school days, Monday to Friday."))
    with service_transaction():
        Availability.objects.filter(professional=professional).delete()
        Availability.objects.bulk_create(
            Availability(professional=professional, weekday=weekday, day_part=part)
            for weekday, part in sorted(clean))
    return len(clean)
