"""Each rule of the access policy, decided per object."""

from __future__ import annotations

import pytest

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.access.policy import Ground
from schakel.cases.models import Case
from schakel.children.models import Child
from schakel.signals.models import Signal
from tests.conftest import World
from tests.factories import (
    CaseFactory,
    ChildFactory,
    EnrolmentFactory,
    InvolvementFactory,
    ProfessionalFactory,
    SchoolFactory,
    SignalFactory,
    TeamFactory,
    TeamMembershipFactory,
    UserFactory,
    actor_for,
    days_ago,
    days_ahead,
)


def content_visible(actor: Actor) -> set[int]:
    return set(Case.objects.filter(policy.case_content_visible_q(actor)).values_list(
        "pk", flat=True))


def existence_visible(actor: Actor) -> set[int]:
    return set(Case.objects.filter(policy.case_existence_visible_q(actor)).values_list(
        "pk", flat=True))


def signals_visible(actor: Actor) -> set[int]:
    return set(Signal.objects.filter(policy.signals_visible_q(actor)).values_list(
        "pk", flat=True))


def children_visible(actor: Actor) -> set[int]:
    return set(Child.objects.filter(policy.children_visible_q(actor)).values_list(
        "pk", flat=True))


# --- the coordinator ---------------------------------------------------------------------


def test_coordinator_reads_the_case(world: World):
    decision = policy.may_read_case(world.actor(world.nurse), world.case)
    assert decision
    assert decision.ground == Ground.COORDINATOR
    assert world.case.pk in content_visible(world.actor(world.nurse))


def test_coordinator_reads_even_without_an_involvement_row(db):
    nurse = ProfessionalFactory()
    case = CaseFactory(coordinator=nurse, involve_coordinator=False, consented=True)
    assert policy.may_read_case(actor_for(nurse), case).ground == Ground.COORDINATOR
    assert content_visible(actor_for(nurse)) == {case.pk}


# --- involvements ------------------------------------------------------------------------


@pytest.mark.parametrize(("end", "allowed"), [
    (None, True), (0, True), (7, True), (-1, False), (-30, False)],
    ids=["open-ended", "ends-today", "ends-next-week", "ended-yesterday", "ended-last-month"])
def test_involvement_gives_access_only_while_active(world: World, end, allowed):
    worker = ProfessionalFactory(social_worker=True)
    end_date = None if end is None else days_ahead(end)
    InvolvementFactory(case=world.case, professional=worker, start_date=days_ago(60),
                       end_date=end_date, consented=True)
    actor = actor_for(worker)
    decision = policy.may_read_case(actor, world.case)
    assert bool(decision) is allowed
    assert decision.ground == (Ground.INVOLVED if allowed else Ground.NONE)
    assert (world.case.pk in content_visible(actor)) is allowed
    assert bool(policy.may_read_child(actor, world.child)) is allowed
    assert bool(policy.may_contribute_to_case(actor, world.case)) is allowed


def test_involvement_in_one_case_gives_nothing_of_another(world: World):
    other_case = CaseFactory(school=world.school)
    assert not policy.may_read_case(world.actor(world.nurse), other_case)
    assert content_visible(world.actor(world.nurse)) == {world.case.pk}


def test_a_former_coordinator_whose_involvement_ended_loses_access(world: World):
    worker = ProfessionalFactory()
    InvolvementFactory(case=world.case, professional=worker, ended=True)
    assert not policy.may_read_case(actor_for(worker), world.case)
    assert not policy.may_read_child(actor_for(worker), world.child)
    assert not policy.may_read_signal(actor_for(worker), world.signal)


# --- the core team -----------------------------------------------------------------------


def test_core_team_sees_signals_and_existence_but_not_content(world: World):
    actor = world.actor(world.core_member)
    assert not policy.may_read_case(actor, world.case)
    assert world.case.pk not in content_visible(actor)
    assert world.case.pk in existence_visible(actor)
    signal_decision = policy.may_read_signal(actor, world.signal)
    assert signal_decision.ground == Ground.CORE_TEAM
    assert world.signal.pk in signals_visible(actor)
    assert policy.may_read_child(actor, world.child).ground == Ground.CORE_TEAM
    assert world.child.pk in children_visible(actor)
    assert policy.may_triage_signal(actor, world.signal)


def test_core_team_sees_every_signal_of_its_school_only(world: World):
    class_signal = SignalFactory(school=world.school, class_level=True)
    school_signal = SignalFactory(school=world.school, school_level=True)
    elsewhere = SignalFactory(school=world.other_school)
    visible = signals_visible(world.actor(world.core_member))
    assert visible == {world.signal.pk, class_signal.pk, school_signal.pk}
    assert elsewhere.pk in signals_visible(world.actor(world.other_core_member))
    assert not policy.may_read_signal(world.actor(world.core_member), elsewhere)


def test_core_team_loses_sight_of_a_pupil_who_left(world: World):
    leaver = ChildFactory()
    EnrolmentFactory(child=leaver, school=world.school, ended=True)
    case = CaseFactory(child=leaver, school=world.other_school)
    actor = world.actor(world.core_member)
    assert not policy.may_read_child(actor, leaver)
    assert case.pk not in existence_visible(actor)
    assert leaver.pk not in children_visible(actor)


def test_core_team_does_not_see_a_future_pupil_yet(world: World):
    newcomer = ChildFactory()
    EnrolmentFactory(child=newcomer, school=world.school, future=True)
    assert not policy.may_read_child(world.actor(world.core_member), newcomer)


def test_core_team_sees_existence_of_a_family_case_at_its_school(world: World):
    family_case = CaseFactory(for_family=True, school=world.school)
    actor = world.actor(world.core_member)
    assert family_case.pk in existence_visible(actor)
    assert family_case.pk not in content_visible(actor)
    assert family_case.pk not in existence_visible(world.actor(world.other_core_member))


def test_broad_team_membership_is_not_core_team(world: World):
    member = ProfessionalFactory()
    TeamMembershipFactory(team=TeamFactory(school=world.school, broad=True), professional=member)
    actor = actor_for(member)
    assert policy.core_team_school_ids(actor) == frozenset()
    assert not policy.may_read_signal(actor, world.signal)
    assert not policy.may_read_child(actor, world.child)


def test_core_team_of_another_school_sees_nothing(world: World):
    actor = world.actor(world.other_core_member)
    assert not policy.may_read_signal(actor, world.signal)
    assert not policy.may_read_child(actor, world.child)
    assert not policy.may_triage_signal(actor, world.signal)
    assert existence_visible(actor) == set()
    assert signals_visible(actor) == set()


# --- raised by ---------------------------------------------------------------------------


def test_who_raised_a_signal_sees_it_but_not_others_nor_the_case(world: World):
    actor = world.actor(world.teacher)
    assert policy.may_read_signal(actor, world.signal).ground == Ground.RAISED_BY
    colleague_signal = SignalFactory(school=world.school, child=world.child)
    assert not policy.may_read_signal(actor, colleague_signal)
    assert signals_visible(actor) == {world.signal.pk}
    assert not policy.may_triage_signal(actor, world.signal)
    assert not policy.may_read_case(actor, world.case)
    assert not policy.may_read_child(actor, world.child)


def test_a_signal_linked_to_a_case_is_visible_to_those_involved(world: World):
    world.signal.case = world.case
    world.signal.save()
    actor = world.actor(world.nurse)
    assert policy.may_read_signal(actor, world.signal).ground == Ground.COORDINATOR
    assert world.signal.pk in signals_visible(actor)


# --- outsiders and non-professionals -----------------------------------------------------


def test_outsider_sees_nothing(world: World):
    actor = world.actor(world.outsider)
    assert not policy.may_read_case(actor, world.case)
    assert not policy.may_contribute_to_case(actor, world.case)
    assert not policy.may_steer_case(actor, world.case)
    assert not policy.may_read_child(actor, world.child)
    assert not policy.may_read_signal(actor, world.signal)
    assert not policy.may_raise_signal(actor, world.school.pk)
    assert not policy.may_open_case_at_school(actor, world.school.pk)
    assert not policy.may_read_access_log(actor)
    assert content_visible(actor) == existence_visible(actor) == set()
    assert signals_visible(actor) == children_visible(actor) == set()


def test_a_user_without_professional_sees_nothing(world: World):
    actor = Actor(user=UserFactory(), professional=None)
    assert not policy.may_read_case(actor, world.case)
    assert not policy.may_read_child(actor, world.child)
    assert not policy.may_read_signal(actor, world.signal)
    assert not policy.may_triage_signal(actor, world.signal)
    assert not policy.may_raise_signal(actor, world.school.pk)
    assert not policy.may_read_access_log(actor)
    assert content_visible(actor) == existence_visible(actor) == set()
    assert signals_visible(actor) == children_visible(actor) == set()


# --- the access log ----------------------------------------------------------------------


def test_only_the_log_administrator_reads_the_access_log(world: World):
    decision = policy.may_read_access_log(world.actor(world.log_admin))
    assert decision.ground == Ground.LOG_ADMINISTRATOR
    for other in (world.nurse, world.core_member, world.outsider, world.teacher):
        assert not policy.may_read_access_log(world.actor(other))


def test_the_log_administrator_sees_no_child_data(world: World):
    actor = world.actor(world.log_admin)
    assert not policy.may_read_case(actor, world.case)
    assert not policy.may_read_child(actor, world.child)
    assert signals_visible(actor) == content_visible(actor) == set()


# --- changing a case ---------------------------------------------------------------------


def test_closed_case_can_be_read_but_not_changed(world: World):
    closed = CaseFactory(closed=True, coordinator=world.nurse, school=world.school,
                         consented=True)
    actor = world.actor(world.nurse)
    assert policy.may_read_case(actor, closed)
    assert not policy.may_contribute_to_case(actor, closed)
    assert not policy.may_steer_case(actor, closed)


def test_only_the_coordinator_steers_when_there_is_one(world: World):
    worker = ProfessionalFactory()
    InvolvementFactory(case=world.case, professional=worker, consented=True)
    assert policy.may_contribute_to_case(actor_for(worker), world.case)
    assert not policy.may_steer_case(actor_for(worker), world.case)
    assert policy.may_steer_case(world.actor(world.nurse), world.case).ground == Ground.COORDINATOR


def test_anyone_involved_steers_while_nobody_coordinates(world: World):
    case = CaseFactory(school=world.school)
    worker = ProfessionalFactory()
    InvolvementFactory(case=case, professional=worker, consented=True)
    assert policy.may_steer_case(actor_for(worker), case).ground == Ground.INVOLVED
    assert not policy.may_steer_case(world.actor(world.outsider), case)


# --- raising and triaging signals --------------------------------------------------------


def test_who_may_raise_a_signal_at_a_school(world: World):
    assert policy.may_raise_signal(world.actor(world.core_member), world.school.pk).ground == (
        Ground.CORE_TEAM)
    assert policy.may_raise_signal(world.actor(world.teacher), world.school.pk)
    assert not policy.may_raise_signal(world.actor(world.teacher), world.other_school.pk)
    assert not policy.may_raise_signal(world.actor(world.other_core_member), world.school.pk)
    assert not policy.may_raise_signal(world.actor(world.outsider), world.school.pk)


def test_only_the_core_team_triages_and_opens_cases(world: World):
    assert policy.may_triage_signal(world.actor(world.core_member), world.signal)
    assert policy.may_open_case_at_school(world.actor(world.core_member), world.school.pk)
    for other in (world.teacher, world.nurse, world.outsider, world.other_core_member):
        assert not policy.may_triage_signal(world.actor(other), world.signal)
        assert not policy.may_open_case_at_school(world.actor(other), world.school.pk)


def test_core_team_membership_is_cached_per_actor(world: World, django_assert_num_queries):
    actor = world.actor(world.core_member)
    with django_assert_num_queries(1):
        policy.core_team_school_ids(actor)
        policy.core_team_school_ids(actor)
    assert policy.core_team_school_ids(actor) == frozenset({world.school.pk})


def test_a_professional_of_the_school_board_in_two_schools(db):
    board_school = SchoolFactory()
    sister = SchoolFactory(organisation=board_school.organisation)
    teacher = ProfessionalFactory(teacher=True, organisation=board_school.organisation)
    assert policy.may_raise_signal(actor_for(teacher), board_school.pk)
    assert policy.may_raise_signal(actor_for(teacher), sister.pk)
