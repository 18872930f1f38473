"""Who sees and does what of a team's development: its current members only; others —
a teacher of the school, a member of another layer of the same school, a former member, the
core team of another school, the team's keeper who is not in it, an operator — get nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.access.policy.core import Ground
from schakel.teamdevelopment.models import AmbitionSession, BaselineSurvey
from schakel.teamdevelopment.statements import Questionnaire
from schakel.teams.models import Team, TeamLayer
from tests.conftest import World
from tests.factories import ProfessionalFactory, TeamMembershipFactory, UserFactory
from tests.teamdevelopment.helpers import team_world

pytestmark = pytest.mark.django_db


def test_members_only(world: World) -> None:
    tw = team_world(world)
    survey = BaselineSurvey.objects.create(
        team=tw.team, questionnaire=Questionnaire.BASELINE, number=1,
        opened_on=timezone.localdate(), opened_by=world.core_member)
    session = AmbitionSession.objects.create(team=tw.team, meeting=tw.meeting,
                                             facilitator=world.core_member,
                                             held_on=timezone.localdate())
    broad = TeamMembershipFactory(team__school=world.school, team__layer=TeamLayer.BROAD,
                                  professional=ProfessionalFactory()).professional
    former = TeamMembershipFactory(
        team=tw.team, professional=ProfessionalFactory(),
        end_date=timezone.localdate() - dt.timedelta(days=1)).professional
    keeper = ProfessionalFactory(functional_administrator=True)
    assert policy.may_manage_team(world.actor(keeper), tw.team)  # keeps it, is not in it
    operator = Actor(user=UserFactory(username="operator", is_superuser=True),
                     professional=None)
    for member in tw.members:
        actor = world.actor(member)
        decision = policy.may_view_team_development(actor, tw.team)
        assert decision
        assert decision.ground == Ground.TEAM_MEMBER
        assert policy.may_answer_survey(actor, survey)
        assert policy.may_read_survey(actor, survey)
        assert policy.may_run_survey_rounds(actor, tw.team)
        assert policy.may_read_ambition_session(actor, session)
    assert list(Team.objects.filter(policy.team_development_teams_q(
        world.actor(tw.members[1])))) == [tw.team]
    for stranger in (world.teacher, broad, former, world.other_core_member, keeper,
                     world.outsider, world.log_admin):
        actor = world.actor(stranger)
        assert not policy.may_view_team_development(actor, tw.team)
        assert not policy.may_answer_survey(actor, survey)
        assert not policy.may_read_ambition_session(actor, session)
        assert not policy.may_start_ambition_session(actor, tw.team, tw.meeting)
        assert tw.team not in Team.objects.filter(policy.team_development_teams_q(actor))
    assert not policy.may_view_team_development(operator, tw.team)
    assert not Team.objects.filter(policy.team_development_teams_q(operator)).exists()


def test_the_facilitator_changes_the_session(world: World) -> None:
    tw = team_world(world)
    session = AmbitionSession.objects.create(team=tw.team, meeting=tw.meeting,
                                             facilitator=world.core_member,
                                             held_on=timezone.localdate())
    assert policy.may_change_ambition_session(world.actor(world.core_member), session)
    assert not policy.may_change_ambition_session(world.actor(tw.members[1]), session)
    # Starting one: a member who may record the meeting's decisions.
    assert policy.may_start_ambition_session(world.actor(world.core_member), tw.team,
                                             tw.meeting)
    assert not policy.may_start_ambition_session(world.actor(tw.members[2]), tw.team,
                                                 tw.meeting)
