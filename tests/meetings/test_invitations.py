"""The invitation as iCalendar (RFC 5545), parsed by the `icalendar` library: one UID across
changes while SEQUENCE grows, CANCEL after a cancellation, Europe/Amsterdam with its
VTIMEZONE, and no child's name."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar, Event

from schakel.meetings.invitations import invitation_ics
from schakel.meetings.models import MeetingKind
from schakel.meetings.services import meeting_cancel, meeting_plan, meeting_reschedule
from tests.meetings.conftest import Table, next_week
from tests.support import sign_in

pytestmark = pytest.mark.django_db


def _event(ics: bytes) -> tuple[Calendar, Event]:
    calendar = Calendar.from_ical(ics)
    events = [e for e in calendar.walk("VEVENT") if isinstance(e, Event)]
    assert len(events) == 1
    return calendar, events[0]


def test_uid_stays_sequence_grows_and_a_cancel_follows(table: Table) -> None:
    meeting = meeting_plan(actor=table.actor(table.nurse), school=table.school,
                           kind=MeetingKind.MDO, starts_at=next_week(), case=table.case,
                           professionals=[table.ib], guardians=[table.bas.guardians.get()])
    first_cal, first = _event(invitation_ics(meeting, link="https://schakel.test/o/1/"))
    assert first_cal["METHOD"] == "REQUEST"
    assert first["SEQUENCE"] == 0
    assert str(first["SUMMARY"]) == meeting.title
    tzids = {str(tz["TZID"]) for tz in first_cal.walk("VTIMEZONE")}
    assert tzids == {"Europe/Amsterdam"}
    assert str(first.decoded("DTSTART").tzinfo) == "Europe/Amsterdam"
    later = (meeting.starts_at + dt.timedelta(hours=2)).replace(microsecond=0)
    meeting = meeting_reschedule(actor=table.actor(table.nurse), meeting=meeting,
                                 starts_at=later, duration_minutes=45)
    _cal, second = _event(invitation_ics(meeting, link="https://schakel.test/o/1/"))
    assert second["UID"] == first["UID"]
    assert second["SEQUENCE"] == 1
    assert second.decoded("DTSTART") == later.astimezone(ZoneInfo("Europe/Amsterdam"))
    meeting = meeting_cancel(actor=table.actor(table.nurse), meeting=meeting)
    cancel_cal, cancelled = _event(invitation_ics(meeting, link="https://schakel.test/o/1/"))
    assert cancel_cal["METHOD"] == "CANCEL"
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled["UID"] == first["UID"]
    assert cancelled["SEQUENCE"] == 2
    for ics in (first_cal.to_ical(), cancel_cal.to_ical()):
        assert b"Hofstede" not in ics
        assert b"Bas" not in ics.replace(b"Basis", b"")


def test_the_invitation_downloads_for_an_invitee_only(table: Table, client: Client) -> None:
    meeting = meeting_plan(actor=table.actor(table.ib), school=table.school,
                           kind=MeetingKind.CORE_TEAM, starts_at=next_week(),
                           professionals=[table.nurse])
    url = reverse("meetings:invitation", kwargs={"meeting_id": meeting.pk})
    sign_in(client, table.nurse.user)
    answer = client.get(url)
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/calendar")
    _cal, event = _event(answer.content)
    assert str(event["URL"]).endswith(f"/overleggen/{meeting.pk}/")
    sign_in(client, table.outsider.user)
    assert client.get(url).status_code == 404
