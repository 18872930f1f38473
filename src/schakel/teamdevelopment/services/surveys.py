"""Writes of a team's questionnaires: a member opens a round (one open round per
questionnaire), fills it in once (refused a second time here and by the database), and closes
it, after which its distribution can be shown. Bad input is a ValidationError and stores
nothing; each write logs one row (no child's data)."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import access_event_record
from schakel.teamdevelopment.models import BaselineSurvey, SurveyAnswer, SurveyResponse
from schakel.teamdevelopment.selectors.surveys import survey_subject, team_subject
from schakel.teamdevelopment.statements import Questionnaire, items_of, scale_of
from schakel.teams.models import Team
from schakel.transactions import service_transaction

ANSWERED_TWICE = gettext_lazy(
    "You have already filled in this round; each member answers once per round.")
CLOSED = gettext_lazy("This round has been closed; it can no longer be filled in.")


def survey_round_open(*, actor: Actor, team: Team, questionnaire: str) -> BaselineSurvey:
    decision = enforce(actor, policy.may_run_survey_rounds(actor, team),
                       event_code=EventCode.TEAMDEV_SURVEY_ROUND, action=Action.CREATE,
                       subject=team_subject(team.pk))
    if questionnaire not in Questionnaire.values:
        raise ValidationError({"questionnaire": _("Choose a questionnaire.")})
    with service_transaction():
        Team.objects.select_for_update().filter(pk=team.pk).first()
        rounds = BaselineSurvey.objects.filter(team=team, questionnaire=questionnaire)
        if rounds.filter(closed_on__isnull=True).exists():
            raise ValidationError({"questionnaire": _(
                "A round of this questionnaire is still open: close it before opening the "
                "next.")})
        number = (rounds.aggregate(last=Max("number"))["last"] or 0) + 1
        survey = BaselineSurvey.objects.create(
            team=team, questionnaire=questionnaire, number=number,
            opened_on=timezone.localdate(), opened_by=actor.require_professional())
        access_event_record(actor=actor, event_code=EventCode.TEAMDEV_SURVEY_ROUND,
                            action=Action.CREATE, subject=survey_subject(survey.pk),
                            ground=decision.log_ground)
    return survey


def survey_round_close(*, actor: Actor, survey: BaselineSurvey) -> BaselineSurvey:
    decision = enforce(actor, policy.may_run_survey_rounds(actor, survey.team),
                       event_code=EventCode.TEAMDEV_SURVEY_ROUND, action=Action.UPDATE,
                       subject=survey_subject(survey.pk))
    with service_transaction():
        locked = BaselineSurvey.objects.select_for_update().get(pk=survey.pk)
        if not locked.is_open:
            raise ValidationError(_("This round has been closed already."))
        if not locked.responses.exists():
            raise ValidationError(_("Nobody has filled in this round yet; there is nothing "
                                    "to close."))
        locked.closed_on = timezone.localdate()
        locked.save(update_fields=["closed_on"])
        access_event_record(actor=actor, event_code=EventCode.TEAMDEV_SURVEY_ROUND,
                            action=Action.UPDATE, subject=survey_subject(locked.pk),
                            ground=decision.log_ground)
    return locked


def _checked_answers(questionnaire: str, answers: Mapping[str, int | None]) -> dict[str, int]:
    allowed = {option.value for option in scale_of(questionnaire)}
    errors: dict[str, str] = {}
    checked: dict[str, int] = {}
    for item in items_of(questionnaire):
        value = answers.get(item.code)
        if value is None:
            errors[item.code] = _("Answer this statement.")
        elif value not in allowed:
            errors[item.code] = _("Choose one of the answers offered.")
        else:
            checked[item.code] = value
    unknown = set(answers) - {item.code for item in items_of(questionnaire)}
    if unknown:
        errors["__all__"] = _("These answers do not belong to this questionnaire.")
    if errors:
        raise ValidationError(errors)
    return checked


def survey_answer_submit(*, actor: Actor, survey: BaselineSurvey,
                         answers: Mapping[str, int | None]) -> SurveyResponse:
    """A member's answers to every item of the round, once."""
    decision = enforce(actor, policy.may_answer_survey(actor, survey),
                       event_code=EventCode.TEAMDEV_SURVEY_ANSWER, action=Action.CREATE,
                       subject=survey_subject(survey.pk))
    respondent = actor.require_professional()
    checked = _checked_answers(survey.questionnaire, answers)
    try:
        with service_transaction():
            locked = BaselineSurvey.objects.select_for_update().get(pk=survey.pk)
            if not locked.is_open:
                raise ValidationError(CLOSED)
            if locked.responses.filter(respondent=respondent).exists():
                raise ValidationError(ANSWERED_TWICE)
            response = SurveyResponse.objects.create(survey=locked, respondent=respondent)
            SurveyAnswer.objects.bulk_create(
                SurveyAnswer(response=response, item=code, value=value)
                for code, value in checked.items())
            access_event_record(actor=actor, event_code=EventCode.TEAMDEV_SURVEY_ANSWER,
                                action=Action.CREATE, subject=survey_subject(locked.pk),
                                ground=decision.log_ground)
    except IntegrityError as error:  # a second answer that raced the check above
        raise ValidationError(ANSWERED_TWICE) from error
    return response
