"""The triage inbox: policy, the service's refusals, the untouched flag over school days, the
agenda placement and the logged read."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import given, settings as hsettings, strategies as st
from hypothesis.extra.django import TestCase

from schakel.access import policy
from schakel.audit.models import AccessEvent
from schakel.notifications.models import Notification, NotificationKind
from schakel.schoolcalendar.models import DayOff, DayOffKind
from schakel.signals.models import SignalStatus
from schakel.triage.agenda import SignalsForNextMeeting
from schakel.triage.models import SignalTriage, Urgency
from schakel.triage.selectors import school_days_between, triage_inbox
from schakel.triage.services import signal_triage_record
from tests.conftest import World
from tests.factories import ProfessionalFactory, SchoolFactory, SignalFactory
from tests.support import sign_in


def test_only_the_schools_core_team_may_triage(world: World):
    assert policy.may_triage_inbox(world.actor(world.core_member), world.signal)
    assert not policy.may_triage_inbox(world.actor(world.teacher), world.signal)
    assert not policy.may_triage_inbox(world.actor(world.other_core_member), world.signal)


def test_the_core_team_records_a_triage_and_it_is_logged(world: World):
    colleague = ProfessionalFactory(core_team_of=world.school)
    triage = signal_triage_record(
        actor=world.actor(world.core_member), signal=world.signal, assignee=colleague,
        urgency=Urgency.THIS_WEEK, for_next_meeting=True)
    stored = SignalTriage.objects.get(pk=triage.pk)
    assert (stored.assignee, stored.urgency, stored.for_next_meeting, stored.triaged_by) == (
        colleague, Urgency.THIS_WEEK, True, world.core_member)
    assert AccessEvent.objects.filter(event_code="signal.triage").count() == 1
    world.signal.refresh_from_db()
    assert world.signal.status == SignalStatus.NEW


def test_an_assignee_outside_the_core_team_is_refused(world: World):
    with pytest.raises(ValidationError) as error:
        signal_triage_record(
            actor=world.actor(world.core_member), signal=world.signal, assignee=world.teacher,
            urgency=Urgency.TODAY, for_next_meeting=False)
    assert "Assign the signal to a member of this school's core team." in str(error.value)
    assert not SignalTriage.objects.exists()


def test_a_signal_of_another_school_is_a_404(world: World):
    other = SignalFactory(school=world.other_school)
    with pytest.raises(Http404):
        signal_triage_record(
            actor=world.actor(world.core_member), signal=other, assignee=None,
            urgency=None, for_next_meeting=False)
    assert not SignalTriage.objects.exists()


def _weekdays_ago(n: int) -> dt.date:
    day = timezone.localdate()
    while n:
        day -= dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def _raise_on(signal_pk: int, day: dt.date) -> None:
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(10)))
    SignalFactory._meta.model.objects.filter(pk=signal_pk).update(raised_at=moment)


def test_untouched_signals_are_flagged_and_a_day_off_does_not_count(world: World, settings):
    settings.SCHAKEL_TRIAGE_UNTOUCHED_SCHOOL_DAYS = 5
    raised = _weekdays_ago(6)
    _raise_on(world.signal.pk, raised)
    actor = world.actor(world.core_member)
    [entry] = triage_inbox(actor=actor)
    assert entry.flagged
    DayOff.objects.create(school=world.school, kind=DayOffKind.STUDY_DAY,
                          start_date=raised, end_date=_weekdays_ago(2))
    [entry] = triage_inbox(actor=actor)
    assert not entry.flagged
    assert [e.signal for e in triage_inbox(actor=actor, show="flagged")] == []


def test_the_inbox_lists_only_the_readers_schools_and_is_logged(world: World):
    SignalFactory(school=world.other_school)
    entries = triage_inbox(actor=world.actor(world.core_member))
    assert [e.signal for e in entries] == [world.signal]
    assert AccessEvent.objects.filter(event_code="signal.list",
                                      object_id=str(world.signal.pk)).exists()
    assert triage_inbox(actor=world.actor(world.teacher)) == []


def test_the_inbox_query_count_is_flat(world: World):
    actor = world.actor(world.core_member)
    with CaptureQueriesContext(connection) as few:
        triage_inbox(actor=actor)
    for _ in range(4):
        signal = SignalFactory(school=world.school)
        signal_triage_record(actor=world.actor(world.core_member), signal=signal,
                             assignee=world.core_member, urgency=1, for_next_meeting=False)
    actor = world.actor(world.core_member)
    with CaptureQueriesContext(connection) as many:
        triage_inbox(actor=actor)
    assert len(many) == len(few)


def test_marked_signals_are_proposed_for_the_next_core_team_meeting(world: World):
    signal_triage_record(actor=world.actor(world.core_member), signal=world.signal,
                         assignee=None, urgency=Urgency.NEXT_MEETING, for_next_meeting=True)
    meeting = type("M", (), {"school_id": world.school.pk,
                             "starts_at": timezone.now() + dt.timedelta(days=3)})()
    proposals = SignalsForNextMeeting().proposals(meeting, timezone.now())
    assert [p.signal_id for p in proposals] == [world.signal.pk]


class SchoolDayArithmetic(TestCase):
    """School days between two dates equal the weekdays minus the school's days off, in a
    window without national holidays (September 2026)."""

    @hsettings(max_examples=20, deadline=None)
    @given(start=st.dates(dt.date(2026, 9, 1), dt.date(2026, 9, 30)),
           length=st.integers(0, 9), off=st.integers(0, 9), off_len=st.integers(0, 3))
    def test_days_off_are_not_counted(self, start: dt.date, length: int, off: int,
                                      off_len: int) -> None:
        school = SchoolFactory()
        until = start + dt.timedelta(days=length)
        off_start = start + dt.timedelta(days=off)
        DayOff.objects.create(school=school, kind=DayOffKind.DAY_OFF, start_date=off_start,
                              end_date=off_start + dt.timedelta(days=off_len))
        expected = sum(
            1 for n in range(1, length + 1)
            if (d := start + dt.timedelta(days=n)).weekday() < 5
            and not off_start <= d <= off_start + dt.timedelta(days=off_len))
        assert school_days_between(school_id=school.pk, after=start, until=until) == expected


def test_the_assignee_is_notified_after_commit(world: World, django_capture_on_commit_callbacks):
    colleague = ProfessionalFactory(core_team_of=world.school)
    with django_capture_on_commit_callbacks(execute=True):
        signal_triage_record(
            actor=world.actor(world.core_member), signal=world.signal, assignee=colleague,
            urgency=Urgency.TODAY, for_next_meeting=False)
    [note] = Notification.objects.filter(recipient=colleague.user)
    assert note.kind == NotificationKind.SIGNAL_ASSIGNED
    assert world.child.first_name not in note.text


def test_the_inbox_page_shows_the_flag_filter(world: World, client):
    sign_in(client, world.core_member.user)
    response = client.get("/triage/?show=unassigned")
    assert response.status_code == 200
    assert world.signal.theme.display_label in response.content.decode()


def test_the_menu_counts_new_signals_for_the_core_team_only(world: World, client):
    sign_in(client, world.core_member.user)
    page = client.get("/").content.decode()
    assert "/triage/" in page
    client.logout()
    sign_in(client, world.teacher.user)
    assert "/triage/" not in client.get("/").content.decode()


def test_the_triage_form_records_and_names_no_child(world: World, client):
    colleague = ProfessionalFactory(core_team_of=world.school)
    sign_in(client, world.core_member.user)
    url = f"/triage/{world.signal.pk}/"
    page = client.get(url).content.decode()
    assert f"{colleague.full_name} (" in page  # an option, as "name (function, organisation)"
    assert f"{world.teacher.full_name} (" not in page  # not in the core team
    assert world.child.first_name not in page
    assert AccessEvent.objects.filter(event_code="signal.triage_view").count() == 1
    response = client.post(url, {"assignee": colleague.pk, "urgency": str(int(Urgency.TODAY)),
                                 "for_next_meeting": "on"})
    assert response.status_code == 302
    stored = SignalTriage.objects.get(signal=world.signal)
    assert (stored.assignee, stored.urgency, stored.for_next_meeting) == (
        colleague, Urgency.TODAY, True)
    again = client.get(url).content.decode()
    assert f'<option value="{colleague.pk}" selected>' in again


def test_an_empty_triage_is_refused_and_changes_nothing(world: World, client):
    sign_in(client, world.core_member.user)
    response = client.post(f"/triage/{world.signal.pk}/", {})
    assert response.status_code == 200
    assert "Choose who picks the signal up, its urgency or the next core team meeting." in (
        response.content.decode())
    assert not SignalTriage.objects.exists()


def test_an_assignee_outside_the_core_team_is_not_offered(world: World, client):
    sign_in(client, world.core_member.user)
    response = client.post(f"/triage/{world.signal.pk}/", {"assignee": world.teacher.pk})
    assert response.status_code == 200
    assert not SignalTriage.objects.exists()


def test_a_signal_no_longer_new_or_of_another_school_is_a_404_on_the_form(
        world: World, client):
    other = SignalFactory(school=world.other_school)
    sign_in(client, world.core_member.user)
    assert client.get(f"/triage/{other.pk}/").status_code == 404
    world.signal.status = SignalStatus.DISCUSSED
    world.signal.save()
    assert client.get(f"/triage/{world.signal.pk}/").status_code == 404
    assert AccessEvent.objects.filter(event_code="signal.triage_view",
                                      outcome="denied").count() == 2


def test_the_badge_is_read_out_with_its_meaning(world: World, client):
    sign_in(client, world.core_member.user)
    page = client.get("/").content.decode()
    assert '<span class="badge" aria-hidden="true">1</span>' in page
    assert '<span class="visually-hidden">(1 new)</span>' in page
