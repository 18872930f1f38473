"""The rode draad after detection: on the kernteam's agenda, its status table, escalation to
management with a note, and who sees what (management: counts and theme, no child)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.access import policy
from schakel.audit.models import AccessEvent
from schakel.jobs.schedule import SCHEDULE
from schakel.meetings.agenda import agenda_proposals
from schakel.meetings.models import AgendaItem, MeetingKind
from schakel.meetings.services.planning import meeting_agenda_fill, meeting_plan
from schakel.notifications.models import Notification, NotificationKind
from schakel.organisations.models import Function
from schakel.patterns.models import Pattern, PatternStatus
from schakel.patterns.selectors import pattern_get, patterns_for
from schakel.patterns.services import (
    pattern_close,
    pattern_escalate,
    pattern_mark_discussed,
    patterns_detect,
)
from schakel.patterns.tasks import patterns_detect_job
from schakel.signals.models import Signal
from tests.conftest import World
from tests.factories import ProfessionalFactory, TeamFactory, TeamMembershipFactory
from tests.patterns.support import days_ago_at_noon, signal_at
from tests.support import sign_in


@pytest.fixture
def pattern(world: World) -> Pattern:
    """Three signals of the world's theme in groep 4 in the last three weeks: one about Bas
    (through his enrolment), two about the class."""
    Signal.objects.filter(pk=world.signal.pk).update(raised_at=days_ago_at_noon(20))
    for days in (10, 3):
        signal_at(days_ago_at_noon(days), school=world.school, class_level=True,
                  school_class=world.school_class, theme=world.signal.theme)
    patterns_detect()
    return Pattern.objects.get()


@pytest.fixture
def manager(world: World):
    steering = TeamFactory(school=world.school, steering=True)
    member = ProfessionalFactory(youth_director=True, full_name="Sanne Stuur")
    TeamMembershipFactory(team=steering, professional=member)
    return member


def test_the_pattern_counts_the_childs_signal_by_the_class_of_the_enrolment(
        world: World, pattern: Pattern):
    assert pattern.signal_count == 3
    assert world.signal in pattern.signals.all()


def test_the_pattern_is_proposed_on_the_kernteam_agenda(world: World, pattern: Pattern):
    meeting = meeting_plan(actor=world.actor(world.core_member), school=world.school,
                           kind=MeetingKind.CORE_TEAM,
                           starts_at=timezone.now() + dt.timedelta(days=2))
    proposals = [p for code, p in agenda_proposals(meeting) if code == "patterns.proposed"]
    assert [p.heading for p in proposals] == [
        f"Rode draad in class groep 4: {world.signal.theme.display_label}"]
    assert proposals[0].child_id is None
    assert proposals[0].note.startswith("3 signals of this theme from ")
    item = AgendaItem.objects.get(meeting=meeting, source="patterns.proposed")
    # Refilled after a fourth signal: the item is not added twice.
    signal_at(days_ago_at_noon(1), school=world.school, class_level=True,
              school_class=world.school_class, theme=world.signal.theme)
    patterns_detect()
    meeting_agenda_fill(actor=world.actor(world.core_member), meeting=meeting)
    assert list(AgendaItem.objects.filter(meeting=meeting, source="patterns.proposed")) == [
        item]


def test_a_discussed_pattern_leaves_the_agenda(world: World, pattern: Pattern):
    pattern_mark_discussed(actor=world.actor(world.core_member), pattern=pattern)
    meeting = meeting_plan(actor=world.actor(world.core_member), school=world.school,
                           kind=MeetingKind.CORE_TEAM,
                           starts_at=timezone.now() + dt.timedelta(days=2))
    assert not AgendaItem.objects.filter(meeting=meeting, source="patterns.proposed").exists()


def test_escalation_tells_management_without_the_child(world: World, pattern: Pattern,
                                                       manager):
    core = world.actor(world.core_member)
    pattern_mark_discussed(actor=core, pattern=pattern)
    escalated = pattern_escalate(actor=core, pattern=pattern,
                                 note="Veel gedrag in groep 4; collectieve aanpak nodig.")
    assert (escalated.status, escalated.escalated_by) == (PatternStatus.ESCALATED,
                                                         world.core_member)
    assert AccessEvent.objects.filter(event_code="pattern.escalate",
                                      object_id=str(pattern.pk)).count() == 1
    told = Notification.objects.get(kind=NotificationKind.PATTERN_ESCALATED)
    assert told.recipient == manager.user
    assert "Jansen" not in told.message
    assert "groep 4" in told.message
    assert told.link == reverse("patterns:detail", args=[pattern.pk])


def test_a_school_leader_in_a_team_of_the_school_is_management(world: World,
                                                               pattern: Pattern):
    leader = ProfessionalFactory(function=Function.SCHOOL_MANAGER,
                                 organisation=world.school.organisation)
    TeamMembershipFactory(team=TeamFactory(school=world.school, broad=True),
                          professional=leader)
    assert world.school.pk in policy.management_school_ids(world.actor(leader))
    assert not policy.may_read_pattern(world.actor(leader), pattern)
    core = world.actor(world.core_member)
    pattern_mark_discussed(actor=core, pattern=pattern)
    pattern_escalate(actor=core, pattern=pattern, note="Graag overleg met de gemeente.")
    assert Notification.objects.get(kind=NotificationKind.PATTERN_ESCALATED).recipient == (
        leader.user)


@pytest.mark.parametrize(("prepare", "message"), [
    ([], "Discuss the pattern in the core team first."),
    (["discussed", "escalated"], "This pattern has already been escalated to management."),
    (["discussed", "closed"], "This pattern is closed; it cannot be changed any more."),
])
def test_bad_escalations_are_refused_clearly(world: World, pattern: Pattern, manager,
                                             prepare: list[str], message: str):
    core = world.actor(world.core_member)
    for step in prepare:
        if step == "discussed":
            pattern_mark_discussed(actor=core, pattern=pattern)
        elif step == "escalated":
            pattern_escalate(actor=core, pattern=pattern, note="Eerste keer.")
        else:
            pattern_close(actor=core, pattern=pattern)
    with pytest.raises(ValidationError) as error:
        pattern_escalate(actor=core, pattern=pattern, note="Nog een keer.")
    assert error.value.messages == [message]
    assert Notification.objects.filter(
        kind=NotificationKind.PATTERN_ESCALATED).count() == (1 if "escalated" in prepare else 0)


def test_other_bad_transitions_are_refused(world: World, pattern: Pattern):
    core = world.actor(world.core_member)
    with pytest.raises(ValidationError, match=r"Discuss the pattern in the core team first\."):
        pattern_close(actor=core, pattern=pattern)
    pattern_mark_discussed(actor=core, pattern=pattern)
    with pytest.raises(ValidationError, match="cannot become discussed"):
        pattern_mark_discussed(actor=core, pattern=pattern)
    pattern_close(actor=core, pattern=pattern)
    with pytest.raises(ValidationError, match="is closed"):
        pattern_close(actor=core, pattern=pattern)


def test_an_escalation_needs_a_note(world: World, pattern: Pattern):
    core = world.actor(world.core_member)
    pattern_mark_discussed(actor=core, pattern=pattern)
    with pytest.raises(ValidationError, match=r"Write what you ask of management\."):
        pattern_escalate(actor=core, pattern=pattern, note="  ")


def test_only_the_kernteam_changes_a_pattern(world: World, pattern: Pattern, manager):
    for outsider in (world.teacher, world.other_core_member, manager):
        with pytest.raises(Http404):
            pattern_mark_discussed(actor=world.actor(outsider), pattern=pattern)
    assert AccessEvent.objects.filter(event_code="pattern.status",
                                      outcome="denied").count() == 3
    pattern.refresh_from_db()
    assert pattern.status == PatternStatus.PROPOSED


def test_who_sees_what(world: World, pattern: Pattern, manager):
    core = world.actor(world.core_member)
    page = pattern_get(actor=core, pattern_id=pattern.pk)
    assert page.may_see_signals
    assert page.may_change
    assert len(page.signals) == 3
    assert [(row.pattern, row.count_shown) for row in patterns_for(actor=core)] == [
        (pattern, "3")]
    for outsider in (world.teacher, world.other_core_member, world.nurse, manager):
        assert patterns_for(actor=world.actor(outsider)) == []
        with pytest.raises(Http404):
            pattern_get(actor=world.actor(outsider), pattern_id=pattern.pk)
    pattern_mark_discussed(actor=core, pattern=pattern)
    pattern_escalate(actor=core, pattern=pattern, note="Graag een collectieve aanpak.")
    boss = world.actor(manager)
    seen = pattern_get(actor=boss, pattern_id=pattern.pk)
    assert (seen.may_see_signals, seen.may_change, seen.signals) == (False, False, [])
    assert (seen.pattern.signal_count, page.count_shown) == (3, "3")
    assert seen.count_shown == "<5"  # management sees aggregates only (aggregates.suppress)
    assert [(row.pattern, row.count_shown)
            for row in patterns_for(actor=boss, status="escalated")] == [(pattern, "<5")]
    with pytest.raises(Http404):
        pattern_get(actor=world.actor(world.other_core_member), pattern_id=pattern.pk)


def test_the_read_of_a_pattern_is_logged_per_child(world: World, pattern: Pattern):
    pattern_get(actor=world.actor(world.core_member), pattern_id=pattern.pk)
    rows = AccessEvent.objects.filter(event_code="pattern.read", action="R")
    assert rows.filter(child_id=world.child.pk).count() == 1


def test_the_pages_for_the_kernteam_and_for_management(client: Client, world: World,
                                                       pattern: Pattern, manager):
    sign_in(client, world.core_member.user)
    listing = client.get(reverse("patterns:list")).content.decode()
    assert world.signal.theme.display_label in listing
    assert "Jansen" not in listing
    detail = reverse("patterns:detail", args=[pattern.pk])
    response = client.post(reverse("patterns:status", args=[pattern.pk]),
                           {"action": "discussed"})
    assert response.status_code == 302
    response = client.post(detail, {"note": "Graag overleg met de gemeente."}, follow=True)
    assert "The pattern has been escalated to management." in response.content.decode()
    again = client.post(detail, {"note": "Nog eens."})
    assert "This pattern has already been escalated to management." in again.content.decode()
    boss = sign_in(Client(), manager.user)
    page = boss.get(detail).content.decode()
    assert "Graag overleg met de gemeente." in page
    assert "Jansen" not in page
    assert reverse("signals:detail", args=[world.signal.pk]) not in page
    assert "Escalate to management" not in page


def test_detection_runs_daily_from_the_schedule(world: World, pattern: Pattern):
    assert "patterns_detect" in [entry.name for entry in SCHEDULE]
    assert patterns_detect_job.call(today=timezone.localdate().isoformat()) == 0
