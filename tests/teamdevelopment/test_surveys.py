"""The questionnaire rounds: opened, filled in once per member and round (the service and the
database refuse a second answer), closed; every bad input refused with nothing stored, and
anyone outside the team refused (the logged 404)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404

from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Outcome
from schakel.teamdevelopment.models import SurveyResponse
from schakel.teamdevelopment.services.surveys import (
    survey_answer_submit,
    survey_round_close,
    survey_round_open,
)
from schakel.teamdevelopment.statements import Questionnaire
from tests.conftest import World
from tests.teamdevelopment.helpers import answers_all, app_rows, team_world

pytestmark = pytest.mark.django_db


def test_a_round_is_opened_answered_once_per_member_and_closed(world: World) -> None:
    tw = team_world(world)
    survey = survey_round_open(actor=tw.actor(), team=tw.team,
                               questionnaire=Questionnaire.BASELINE)
    assert (survey.number, survey.is_open) == (1, True)
    response = survey_answer_submit(actor=tw.actor(1), survey=survey,
                                    answers=answers_all(Questionnaire.BASELINE, 4))
    assert response.answers.count() == 7
    assert AccessEvent.objects.filter(event_code=EventCode.TEAMDEV_SURVEY_ANSWER,
                                      outcome=Outcome.SUCCESS).count() == 1
    before = app_rows()
    with pytest.raises(ValidationError) as refused:
        survey_answer_submit(actor=tw.actor(1), survey=survey,
                             answers=answers_all(Questionnaire.BASELINE, 2))
    assert "already filled in this round" in str(refused.value)
    assert app_rows() == before
    closed = survey_round_close(actor=tw.actor(2), survey=survey)
    assert not closed.is_open
    with pytest.raises(ValidationError, match="closed"):
        survey_answer_submit(actor=tw.actor(0), survey=closed,
                             answers=answers_all(Questionnaire.BASELINE, 3))
    with pytest.raises(ValidationError, match="closed already"):
        survey_round_close(actor=tw.actor(), survey=closed)
    again = survey_round_open(actor=tw.actor(), team=tw.team,
                              questionnaire=Questionnaire.BASELINE)
    assert again.number == 2


def test_the_database_refuses_a_second_answer_too(world: World) -> None:
    tw = team_world(world)
    survey = survey_round_open(actor=tw.actor(), team=tw.team,
                               questionnaire=Questionnaire.MDO_IPW)
    SurveyResponse.objects.create(survey=survey, respondent=tw.members[1])
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyResponse.objects.create(survey=survey, respondent=tw.members[1])


def test_one_open_round_per_questionnaire(world: World) -> None:
    tw = team_world(world)
    survey_round_open(actor=tw.actor(), team=tw.team, questionnaire=Questionnaire.BASELINE)
    with pytest.raises(ValidationError, match="still open"):
        survey_round_open(actor=tw.actor(), team=tw.team, questionnaire=Questionnaire.BASELINE)
    # The other questionnaire has its own rounds.
    survey_round_open(actor=tw.actor(), team=tw.team, questionnaire=Questionnaire.MDO_IPW)
    with pytest.raises(ValidationError, match="Choose a questionnaire"):
        survey_round_open(actor=tw.actor(), team=tw.team, questionnaire="other")


def test_an_empty_round_cannot_be_closed(world: World) -> None:
    tw = team_world(world)
    survey = survey_round_open(actor=tw.actor(), team=tw.team,
                               questionnaire=Questionnaire.BASELINE)
    with pytest.raises(ValidationError, match="Nobody has filled in"):
        survey_round_close(actor=tw.actor(), survey=survey)


@pytest.mark.parametrize(("change", "message"), [
    ({"mandate": None}, "Answer this statement"),
    ({"mandate": 6}, "Choose one of the answers"),
    ({"mandate": 0}, "Choose one of the answers"),
    ({"unknown": 3}, "do not belong"),
])
def test_bad_answers_are_refused_and_nothing_is_stored(
        world: World, change: dict[str, int | None], message: str) -> None:
    tw = team_world(world)
    survey = survey_round_open(actor=tw.actor(), team=tw.team,
                               questionnaire=Questionnaire.BASELINE)
    before = app_rows()
    answers = answers_all(Questionnaire.BASELINE, 3) | change
    with pytest.raises(ValidationError, match=message):
        survey_answer_submit(actor=tw.actor(1), survey=survey, answers=answers)
    assert app_rows() == before


def test_the_mdo_ipw_scale_is_no_sometimes_yes(world: World) -> None:
    tw = team_world(world)
    survey = survey_round_open(actor=tw.actor(), team=tw.team,
                               questionnaire=Questionnaire.MDO_IPW)
    with pytest.raises(ValidationError, match="Choose one of the answers"):
        survey_answer_submit(actor=tw.actor(), survey=survey,
                             answers=answers_all(Questionnaire.MDO_IPW, 4))
    survey_answer_submit(actor=tw.actor(), survey=survey,
                         answers=answers_all(Questionnaire.MDO_IPW, 3))


def test_someone_outside_the_team_is_refused_and_logged(world: World) -> None:
    tw = team_world(world)
    survey = survey_round_open(actor=tw.actor(), team=tw.team,
                               questionnaire=Questionnaire.BASELINE)
    for outsider in (world.teacher, world.other_core_member, world.outsider):
        with pytest.raises(Http404):
            survey_answer_submit(actor=world.actor(outsider), survey=survey,
                                 answers=answers_all(Questionnaire.BASELINE, 3))
        with pytest.raises(Http404):
            survey_round_open(actor=world.actor(outsider), team=tw.team,
                              questionnaire=Questionnaire.MDO_IPW)
        with pytest.raises(Http404):
            survey_round_close(actor=world.actor(outsider), survey=survey)
    assert AccessEvent.objects.filter(outcome=Outcome.DENIED,
                                      event_code__startswith="teamdevelopment.").count() == 9
    assert not survey.responses.exists()
