"""The invitation e-mail through a real SMTP server (aiosmtpd on 127.0.0.1): each invitee gets
the .ics attached, REQUEST on planning, a new SEQUENCE on a change, CANCEL on cancelling, and
no child's name anywhere in the mail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from icalendar import Calendar

from schakel.meetings.models import MeetingKind
from schakel.meetings.services import meeting_cancel, meeting_plan, meeting_reschedule
from schakel.notifications.models import EmailDelivery, Notification, NotificationKind
from tests.jobs.smtp import CollectingHandler, Received, smtp_server
from tests.meetings.conftest import Table, next_week

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings: Any) -> Iterator[CollectingHandler]:
    with smtp_server() as (port, handler):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        yield handler


def _calendar(mail: Received) -> Calendar:
    parts = [p for p in mail.message.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    return Calendar.from_ical(parts[0].get_content())


def test_each_invitee_gets_the_calendar_file_for_each_version(
    table: Table, smtp: CollectingHandler, django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        meeting = meeting_plan(actor=table.actor(table.nurse), school=table.school,
                               kind=MeetingKind.MDO, starts_at=next_week(), case=table.case,
                               professionals=[table.ib], guardians=[table.bas.guardians.get()])
    first = {tuple(m.rcpt_tos): m for m in smtp.received}
    assert set(first) == {(table.nurse.email,), (table.ib.email,)}
    calendar = _calendar(first[(table.ib.email,)])
    assert str(calendar["METHOD"]) == "REQUEST"
    with django_capture_on_commit_callbacks(execute=True):
        meeting_reschedule(actor=table.actor(table.nurse), meeting=meeting,
                           starts_at=next_week() + dt.timedelta(hours=1), duration_minutes=30)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_cancel(actor=table.actor(table.nurse), meeting=meeting)
    to_ib = [m for m in smtp.received if m.rcpt_tos == [table.ib.email]]
    assert [int(str(_calendar(m).walk("VEVENT")[0]["SEQUENCE"])) for m in to_ib] == [0, 1, 2]
    assert str(_calendar(to_ib[-1])["METHOD"]) == "CANCEL"
    for mail in smtp.received:
        raw = mail.message.as_string()
        assert "Hofstede" not in raw
        assert mail.message["Auto-Submitted"] == "auto-generated"
    # The in-app note stays; its own e-mail is off by default (the invitation is the mail).
    note = Notification.objects.filter(recipient=table.ib.user,
                                       kind=NotificationKind.MEETING_INVITATION).first()
    assert note is not None
    assert note.delivery == EmailDelivery.OFF
