"""A core team of four with a meeting that has begun, for the tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.utils import timezone

from schakel.access.actor import Actor
from schakel.meetings.models import Meeting, MeetingKind
from schakel.organisations.models import Professional
from schakel.teamdevelopment.models import BaselineSurvey
from schakel.teamdevelopment.services.surveys import (
    survey_answer_submit,
    survey_round_close,
    survey_round_open,
)
from schakel.teamdevelopment.statements import items_of
from schakel.teams.models import Team, TeamLayer
from tests.conftest import World
from tests.factories import ProfessionalFactory, TeamMembershipFactory


@dataclass(frozen=True)
class TeamWorld:
    world: World
    team: Team
    members: list[Professional]  # the IB'er first
    meeting: Meeting

    def actor(self, index: int = 0) -> Actor:
        return self.world.actor(self.members[index])


def team_world(world: World) -> TeamWorld:
    team = Team.objects.get(school=world.school, layer=TeamLayer.CORE)
    others: list[Professional] = [
        world.nurse, ProfessionalFactory(full_name="Jan Jeugdregisseur"),
        ProfessionalFactory(full_name="Kim Kinderopvang")]
    for member in others:
        TeamMembershipFactory(team=team, professional=member)
    meeting = Meeting.objects.create(
        school=world.school, kind=MeetingKind.CORE_TEAM, organiser=world.core_member,
        starts_at=timezone.now() - dt.timedelta(minutes=30))
    return TeamWorld(world=world, team=team, members=[world.core_member, *others],
                     meeting=meeting)


def answers_all(questionnaire: str, value: int) -> dict[str, int | None]:
    return {item.code: value for item in items_of(questionnaire)}


def closed_round(tw: TeamWorld, questionnaire: str, values: list[int]) -> BaselineSurvey:
    """A round answered by the first len(values) members (each the same value throughout)."""
    survey = survey_round_open(actor=tw.actor(), team=tw.team, questionnaire=questionnaire)
    for index, value in enumerate(values):
        survey_answer_submit(actor=tw.actor(index), survey=survey,
                             answers=answers_all(questionnaire, value))
    return survey_round_close(actor=tw.actor(), survey=survey)


def app_rows() -> dict[str, int]:
    return {model._meta.label: model._base_manager.count()
            for model in apps.get_app_config("teamdevelopment").get_models()}
