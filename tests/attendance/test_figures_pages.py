"""The figures pages: a pupil's weeks and a school's tiers, heat map and the pupils to discuss;
for the school's core team only, each read logged."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from schakel.accounts.models import User
from schakel.attendance.selectors.figures import attention_rows, school_figures
from schakel.audit.models import AccessEvent
from schakel.meetings.agenda import AGENDA_SOURCES
from schakel.meetings.models import Meeting, MeetingKind
from tests.attendance.support import AttendanceWorld
from tests.attendance.test_figures_recompute import _sixteen_hours
from tests.support import sign_in, totp_device

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    totp_device(user)
    return sign_in(Client(), user)


def test_the_core_team_sees_the_pupil_with_a_reporting_event(att: AttendanceWorld) -> None:
    att.run(_sixteen_hours(att))
    rows = attention_rows(school_id=att.school.pk, as_of=timezone.localdate())
    assert [row.child for row in rows] == [att.tina]
    assert rows[0].recent_event is not None
    figures = school_figures(actor=att.actor(), school_id=att.school.pk, class_id=None,
                             as_of=timezone.localdate())
    assert [row.child for row in figures.attention] == [att.tina]
    assert sum(sum(t.counts) for t in figures.tier_weeks) >= 1
    assert AccessEvent.objects.filter(event_code="attendance.figures_list",
                                      child_id=att.tina.pk).exists()


def test_the_pages_for_the_core_team_and_nobody_else(att: AttendanceWorld) -> None:
    att.run(_sixteen_hours(att))
    core = _client(att.core.user)
    school_url = reverse("attendance:school", kwargs={"school_id": att.school.pk})
    pupil_url = reverse("attendance:pupil", kwargs={"school_id": att.school.pk,
                                                    "child_id": att.tina.pk})
    page = core.get(school_url)
    assert page.status_code == 200
    assert escape(att.tina.full_name) in page.content.decode()
    pupil = core.get(pupil_url)
    assert pupil.status_code == 200
    assert "<svg" in pupil.content.decode()
    assert AccessEvent.objects.filter(event_code="attendance.figures",
                                      child_id=att.tina.pk).exists()
    teacher = _client(att.teacher.user)
    assert teacher.get(school_url).status_code == 404
    assert teacher.get(pupil_url).status_code == 404
    # A pupil of another school is not this school's pupil.
    other = reverse("attendance:pupil", kwargs={"school_id": att.other_school.pk,
                                                "child_id": att.tina.pk})
    assert core.get(other).status_code == 404


def test_the_kernteam_agenda_proposes_the_pupil(att: AttendanceWorld) -> None:
    att.run(_sixteen_hours(att))
    meeting = Meeting.objects.create(school=att.school, kind=MeetingKind.CORE_TEAM,
                                     organiser=att.core,
                                     starts_at=timezone.now() + dt.timedelta(days=1))
    source = AGENDA_SOURCES["attendance.attention"]
    proposals = source.proposals(meeting, timezone.now() - dt.timedelta(weeks=6))
    assert [p.child_id for p in proposals] == [att.tina.pk]
    assert att.tina.first_name not in proposals[0].heading  # headings never name a child
