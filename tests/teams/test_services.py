"""Keeping a team: dated members with a substitute of their own organisation, the charter
with a chair from the team; bad input gets a clear message and changes nothing; only the
team's keepers change it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from schakel.access.actor import Actor
from schakel.teams.models import MeetingFrequency, Team, TeamCharter, TeamMembership
from schakel.teams.services import (
    team_charter_update,
    team_member_add,
    team_member_end,
    team_member_update,
)
from tests.factories import (
    OrganisationFactory,
    ProfessionalFactory,
    SchoolFactory,
    TeamFactory,
    actor_for,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def team() -> Team:
    return TeamFactory(school=SchoolFactory())


@pytest.fixture
def keeper(team: Team) -> Actor:
    contact = ProfessionalFactory(support_coordinator=True)
    team.school.contact_point = contact
    team.school.save()
    return actor_for(contact)


def test_a_member_joins_with_a_substitute_and_leaves(team: Team, keeper: Actor) -> None:
    nurse = ProfessionalFactory(nurse=True)
    colleague = ProfessionalFactory(nurse=True, organisation=nurse.organisation)
    membership = team_member_add(actor=keeper, team=team, professional=nurse,
                                 role="Jeugdverpleegkundige", substitute=colleague,
                                 start_date=TODAY)
    assert membership.substitute == colleague
    team_member_end(actor=keeper, membership=membership, end_date=TODAY + dt.timedelta(days=30))
    membership.refresh_from_db()
    assert membership.end_date == TODAY + dt.timedelta(days=30)
    again = team_member_add(actor=keeper, team=team, professional=nurse,
                            start_date=TODAY + dt.timedelta(days=31))
    assert TeamMembership.objects.filter(team=team, professional=nurse).count() == 2
    assert again.end_date is None


def test_a_member_twice_in_one_layer_is_refused(team: Team, keeper: Actor) -> None:
    nurse = ProfessionalFactory(nurse=True)
    team_member_add(actor=keeper, team=team, professional=nurse, start_date=TODAY)
    with pytest.raises(ValidationError) as refused:
        team_member_add(actor=keeper, team=team, professional=nurse,
                        start_date=TODAY + dt.timedelta(days=5))
    assert "already a member of this team" in refused.value.message_dict["professional"][0]
    assert TeamMembership.objects.filter(team=team, professional=nurse).count() == 1


def test_a_substitute_from_another_organisation_is_refused(team: Team, keeper: Actor) -> None:
    nurse = ProfessionalFactory(nurse=True)
    stranger = ProfessionalFactory(organisation=OrganisationFactory())
    with pytest.raises(ValidationError) as refused:
        team_member_add(actor=keeper, team=team, professional=nurse, substitute=stranger,
                        start_date=TODAY)
    assert "same organisation" in refused.value.message_dict["substitute"][0]
    assert not TeamMembership.objects.filter(team=team).exists()
    membership = team_member_add(actor=keeper, team=team, professional=nurse, start_date=TODAY)
    with pytest.raises(ValidationError):
        team_member_update(actor=keeper, membership=membership, role="", substitute=nurse)
    membership.refresh_from_db()
    assert membership.substitute is None


def test_a_membership_cannot_end_before_it_started(team: Team, keeper: Actor) -> None:
    membership = team_member_add(actor=keeper, team=team, professional=ProfessionalFactory(),
                                 start_date=TODAY)
    with pytest.raises(ValidationError):
        team_member_end(actor=keeper, membership=membership,
                        end_date=TODAY - dt.timedelta(days=1))
    membership.refresh_from_db()
    assert membership.end_date is None


def test_the_charter_has_a_chair_from_the_team(team: Team, keeper: Actor) -> None:
    member = ProfessionalFactory()
    team_member_add(actor=keeper, team=team, professional=member, start_date=TODAY)
    outsider = ProfessionalFactory()
    with pytest.raises(ValidationError) as refused:
        team_charter_update(actor=keeper, team=team, chair=outsider, minute_taker=None,
                            frequency=MeetingFrequency.MONTHLY, today=TODAY)
    assert refused.value.message_dict["chair"] == ["The chair must be a member of the team."]
    assert not TeamCharter.objects.filter(team=team).exists()
    charter = team_charter_update(
        actor=keeper, team=team, chair=member, minute_taker=member,
        frequency=MeetingFrequency.SIX_WEEKS, fixed_agenda="Zorgen en signalen\nLege stoel",
        today=TODAY)
    assert charter.chair == member
    # The chair keeps the team too.
    team_member_add(actor=actor_for(member), team=team, professional=ProfessionalFactory(),
                    start_date=TODAY)


def test_others_are_refused_and_change_nothing(team: Team) -> None:
    other = actor_for(ProfessionalFactory())
    with pytest.raises(Http404):
        team_member_add(actor=other, team=team, professional=other.require_professional(),
                        start_date=TODAY)
    with pytest.raises(Http404):
        team_charter_update(actor=other, team=team, chair=None, minute_taker=None,
                            frequency=MeetingFrequency.MONTHLY, today=TODAY)
    assert not TeamMembership.objects.filter(team=team).exists()
    assert not TeamCharter.objects.filter(team=team).exists()
