"""The team development of the secondary school's kernteam (seed 004 §2.2, §3.2, Bijlage F),
built through the services as the team would: two nulmetingen and two MDO-versus-IPW rounds a
year apart (each filled in by all five members, then closed; the dates moved back as the
other stories do), so that the trend shows a team growing from MDO towards interprofessional
work; and a taart van ambities held in a kernteam meeting ten days ago, with notes in every
ring, the marks recorded at once and each participant's first action a decision of that
meeting. Idempotent: a team with a session is left as it is."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from schakel.demo.stories.common import Cast, backdate
from schakel.meetings.models import MeetingKind
from schakel.meetings.services import meeting_plan, minutes_adopt, minutes_write
from schakel.teamdevelopment.ambition import Ring
from schakel.teamdevelopment.models import AmbitionSession, BaselineSurvey
from schakel.teamdevelopment.services.sessions import (
    ambition_action_record,
    ambition_note_add,
    ambition_participant_add,
    ambition_scores_record,
    ambition_session_start,
)
from schakel.teamdevelopment.services.surveys import (
    survey_answer_submit,
    survey_round_close,
    survey_round_open,
)
from schakel.teamdevelopment.statements import Questionnaire, items_of
from schakel.teams.models import TeamLayer

CHAIR = "zorgcoordinator.demo"
MEMBERS = ("zorgcoordinator.demo", "jeugdarts.demo", "jeugdregisseur.demo", "leerplicht.demo",
           "jongerenwerk.demo")

# Per round, per member: the answer to every item (the same for each item, plus the item's
# offset below), a year ago and now: the team grew.
BASELINE_A_YEAR_AGO = (2, 3, 2, 3, 2)
BASELINE_NOW = (4, 4, 3, 5, 4)
MDO_IPW_A_YEAR_AGO = (1, 2, 2, 1, 2)
MDO_IPW_NOW = (3, 2, 3, 3, 2)

NOTES: tuple[tuple[Ring, str], ...] = (
    (Ring.INTRODUCTION, "Vijf partners aan tafel; voor de jongerenwerker de eerste keer in het "
                        "kernteam. Eerste indruk: 'fijn dat we hier de tijd voor nemen'."),
    (Ring.FACTSHEETS, "Opvallend in het schoolprofiel: veel leerlingen uit twee buurgemeenten, "
                      "en veel indicaties via de huisarts in plaats van de wijkteams."),
    (Ring.GOES_WELL, "We weten elkaar snel te vinden bij zorgen over een leerling."),
    (Ring.GOES_WELL, "Trots op de warme overdracht vanuit het primair onderwijs."),
    (Ring.COULD_BE_BETTER, "De jongere zelf zit nog te weinig aan tafel bij het gesprek over "
                           "hem of haar."),
    (Ring.COULD_BE_BETTER, "We missen de huisarts en de POH-GGZ in de samenwerking."),
    (Ring.MY_WISH, "Een punt hoger: als ouders en jongere vanzelfsprekend meepraten."),
    (Ring.SHARED_WISH, "Eén kernteam op school dat samen één plan maakt per leerling, met "
                       "vaste aanspreekpunten per organisatie."),
    (Ring.AND_NOW, "Eerste stap: de jongere standaard uitnodigen bij zijn eigen bespreking."),
)
SCORES = (6, 7, 6, 5, 7)
ACTIONS = (
    "Nodigt bij elke bespreking de jongere uit en bereidt het gesprek met hem of haar voor",
    "Houdt een inloopspreekuur op school, eens per maand",
    "Zoekt uit welke gemeente aanspreekpunt is voor de leerlingen uit de buurgemeenten",
    "Zet het verzuimoverzicht vast op de agenda van het kernteam",
    "Neemt de huisarts en de POH-GGZ mee naar het volgende brede overleg",
)


def _round(cast: Cast, team_id: int, questionnaire: Questionnaire,
           values: tuple[int, ...], days_ago: int) -> None:
    team = cast.places.schools["vo"].teams.get(pk=team_id)
    survey = survey_round_open(actor=cast.actor(CHAIR), team=team, questionnaire=questionnaire)
    items = items_of(questionnaire)
    top = 5 if questionnaire == Questionnaire.BASELINE else 3
    for username, value in zip(MEMBERS, values, strict=True):
        answers = {item.code: max(1, min(top, value + (index % 3) - 1))
                   for index, item in enumerate(items)}
        survey_answer_submit(actor=cast.actor(username), survey=survey, answers=answers)
    survey_round_close(actor=cast.actor(CHAIR), survey=survey)
    backdate(survey, opened_on=cast.days_ago(days_ago + 14), closed_on=cast.days_ago(days_ago))


def _session(cast: Cast, team_id: int) -> None:
    school = cast.places.schools["vo"]
    team = school.teams.get(pk=team_id)
    chair = cast.actor(CHAIR)
    professionals = [cast.professionals[u] for u in MEMBERS]
    meeting = meeting_plan(
        actor=chair, school=school, kind=MeetingKind.CORE_TEAM,
        starts_at=timezone.now() + dt.timedelta(hours=1), duration_minutes=120,
        location="Esrand College, mediatheek", professionals=professionals)
    backdate(meeting, starts_at=cast.moment(10, hour=14))
    session = ambition_session_start(actor=chair, team=team, meeting=meeting)
    for ring, text in NOTES:
        ambition_note_add(actor=chair, session=session, ring=ring, text=text)
    participants = [ambition_participant_add(actor=chair, session=session, professional=p)
                    for p in professionals]
    ambition_scores_record(actor=chair, session=session, scores={
        p.pk: score for p, score in zip(participants, SCORES, strict=True)})
    for participant, action in zip(participants, ACTIONS, strict=True):
        ambition_action_record(actor=chair, session=session, participant=participant,
                               description=action, due_date=cast.today + dt.timedelta(days=42))
    minutes_write(actor=chair, meeting=meeting, text=(
        "Taart van ambities gehouden: de eerste acties staan als besluiten bij dit overleg."))
    minutes_adopt(actor=chair, meeting=meeting)


def demo_team_development(cast: Cast) -> None:
    team = cast.places.schools["vo"].teams.get(layer=TeamLayer.CORE)
    if AmbitionSession.objects.filter(team=team).exists():
        return
    if not BaselineSurvey.objects.filter(team=team).exists():
        _round(cast, team.pk, Questionnaire.BASELINE, BASELINE_A_YEAR_AGO, 365)
        _round(cast, team.pk, Questionnaire.MDO_IPW, MDO_IPW_A_YEAR_AGO, 365)
        _round(cast, team.pk, Questionnaire.BASELINE, BASELINE_NOW, 7)
        _round(cast, team.pk, Questionnaire.MDO_IPW, MDO_IPW_NOW, 7)
    _session(cast, team.pk)
