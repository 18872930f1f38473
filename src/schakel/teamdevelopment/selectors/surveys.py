"""Reads of a team's questionnaire rounds: what a member sees is the distribution of a closed
round with enough answers (`figures`, `disclosure`), whether they answered themselves, and
how many answered; never who answered what."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, Prefetch
from django.utils import timezone

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject
from schakel.teamdevelopment.figures import Distribution, Trend, TrendPoint, distribution, trend
from schakel.teamdevelopment.models import AmbitionSession, BaselineSurvey, SurveyAnswer
from schakel.teamdevelopment.statements import Item, Option, Questionnaire, items_of, scale_of
from schakel.teams.models import Team, TeamMembership


def team_subject(team_id: int) -> Subject:
    """A team's development is no child's data."""
    return Subject("teams.team", str(team_id), None)


def survey_subject(survey_id: int) -> Subject:
    return Subject("teamdevelopment.baselinesurvey", str(survey_id), None)


def survey_distribution(survey: BaselineSurvey, respondents: int) -> Distribution:
    """The round's figures as the team may see them; answers read without their respondent."""
    answers = list(SurveyAnswer.objects.filter(response__survey=survey).values_list(
        "item", "value")) if not survey.is_open else []
    return distribution(items=items_of(survey.questionnaire),
                        scale=scale_of(survey.questionnaire), answers=answers,
                        respondents=respondents, final=not survey.is_open)


@dataclass(frozen=True)
class QuestionnaireSection:
    questionnaire: Questionnaire
    rounds: Sequence[BaselineSurvey]  # annotated with `respondents`
    open_round: BaselineSurvey | None
    answered_open_round: bool
    trend: Trend


@dataclass(frozen=True)
class TeamDevelopmentPage:
    team: Team
    members: int
    sections: list[QuestionnaireSection]
    sessions: list[AmbitionSession]
    may_run_rounds: bool


def _section(actor: Actor, team: Team, questionnaire: Questionnaire) -> QuestionnaireSection:
    rounds = list(BaselineSurvey.objects.filter(team=team, questionnaire=questionnaire)
                  .annotate(respondents=Count("responses")).order_by("number"))
    open_round = next((r for r in rounds if r.is_open), None)
    answered = open_round is not None and actor.professional is not None and (
        open_round.responses.filter(respondent=actor.professional).exists())
    closed = [r for r in rounds if not r.is_open]
    points = [TrendPoint(label=str(r), day=r.closed_on or r.opened_on,
                         figures=survey_distribution(r, r.respondents)) for r in closed]
    maximum = max(option.value for option in scale_of(questionnaire))
    return QuestionnaireSection(questionnaire=questionnaire, rounds=rounds,
                                open_round=open_round, answered_open_round=answered,
                                trend=trend(points, maximum=maximum))


def team_development_get(*, actor: Actor, team_id: int) -> TeamDevelopmentPage:
    """A team's development for its current members; anyone else gets 404 (refusal logged)."""
    team = Team.objects.select_related("school").filter(pk=team_id).first()
    decision = policy.may_view_team_development(actor, team) if team else policy.DENY
    enforce(actor, decision, event_code=EventCode.TEAMDEV_READ, action=Action.READ,
            subject=team_subject(team_id))
    assert team is not None  # noqa: S101 - enforce refused a missing team
    sessions = list(AmbitionSession.objects.filter(team=team)
                    .select_related("facilitator", "meeting"))
    return TeamDevelopmentPage(
        team=team,
        members=TeamMembership.objects.active_on(timezone.localdate()).filter(
            team=team).count(),
        sections=[_section(actor, team, q) for q in Questionnaire],
        sessions=sessions, may_run_rounds=bool(policy.may_run_survey_rounds(actor, team)))


def team_for_development(*, actor: Actor, team_id: int, event_code: EventCode) -> Team:
    """A team to open a round or start a session in: its current members (404 otherwise)."""
    team = Team.objects.select_related("school").filter(pk=team_id).first()
    decision = policy.may_view_team_development(actor, team) if team else policy.DENY
    enforce(actor, decision, event_code=event_code, action=Action.UPDATE,
            subject=team_subject(team_id))
    assert team is not None  # noqa: S101
    return team


def teams_for(*, actor: Actor) -> list[Team]:
    """The teams the actor is a current member of."""
    return list(Team.objects.filter(policy.team_development_teams_q(actor))
                .select_related("school").order_by("school__name", "layer"))


@dataclass(frozen=True)
class SurveyPage:
    survey: BaselineSurvey
    items: tuple[Item, ...]
    scale: tuple[Option, ...]
    respondents: int
    answered: bool
    figures: Distribution


def _fetch_survey(survey_id: int) -> BaselineSurvey | None:
    return (BaselineSurvey.objects.select_related("team__school", "opened_by")
            .prefetch_related(Prefetch("responses")).filter(pk=survey_id).first())


def survey_get(*, actor: Actor, survey_id: int) -> SurveyPage:
    survey = _fetch_survey(survey_id)
    decision = policy.may_read_survey(actor, survey) if survey else policy.DENY
    enforce(actor, decision, event_code=EventCode.TEAMDEV_READ, action=Action.READ,
            subject=survey_subject(survey_id))
    assert survey is not None  # noqa: S101
    respondents = survey.responses.count()
    answered = survey.responses.filter(respondent=actor.professional).exists()
    return SurveyPage(survey=survey, items=items_of(survey.questionnaire),
                      scale=scale_of(survey.questionnaire), respondents=respondents,
                      answered=answered, figures=survey_distribution(survey, respondents))


def survey_for_change(*, actor: Actor, survey_id: int, event_code: EventCode) -> BaselineSurvey:
    survey = _fetch_survey(survey_id)
    decision = policy.may_answer_survey(actor, survey) if survey else policy.DENY
    enforce(actor, decision, event_code=event_code, action=Action.UPDATE,
            subject=survey_subject(survey_id))
    assert survey is not None  # noqa: S101
    return survey
