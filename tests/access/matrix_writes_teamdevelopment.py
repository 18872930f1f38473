"""The write URLs of team development in the role x URL matrix (see `matrix_write`): only the
IB'er is in the school's core team among the roles (a colleague without a role is too, and
filled in the open nulmeting round); the IB'er facilitates the world's taart van ambities.
Anyone else's write is the logged 404."""

from __future__ import annotations

from schakel.meetings.models import Decision
from schakel.teamdevelopment.models import (
    AmbitionNote,
    AmbitionParticipant,
    AmbitionSession,
    BaselineSurvey,
    SurveyResponse,
)
from schakel.teamdevelopment.statements import BASELINE_STATEMENTS
from tests.access.matrix_write import Write, rows, today

MEMBER = "sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404"

TEAMDEVELOPMENT_WRITES: dict[str, Write] = {
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    # The nulmeting round is open: a round of the other questionnaire can be opened.
    "teamdevelopment:survey_open": Write(
        outcomes=MEMBER, payload=lambda w: {"questionnaire": "mdo_ipw"},
        effect=rows(BaselineSurvey, team_id="team_id")),
    "teamdevelopment:survey_answer": Write(
        outcomes=MEMBER,
        payload=lambda w: {item.code: "4" for item in BASELINE_STATEMENTS},
        effect=rows(SurveyResponse, survey_id="survey_id")),
    "teamdevelopment:survey_close": Write(
        outcomes=MEMBER, payload=lambda w: {},
        effect=rows(BaselineSurvey, id="survey_id")),
    "teamdevelopment:session_start": Write(
        outcomes=MEMBER, payload=lambda w: {"meeting": w.id("meeting_id")},
        effect=rows(AmbitionSession, team_id="team_id")),
    "teamdevelopment:session_note": Write(
        outcomes=MEMBER, payload=lambda w: {"ring": "3", "text": "Korte lijnen"},
        effect=rows(AmbitionNote, session_id="session_id")),
    "teamdevelopment:session_participant": Write(
        outcomes=MEMBER, payload=lambda w: {"professional": w.id("core_id")},
        effect=rows(AmbitionParticipant, session_id="session_id")),
    "teamdevelopment:session_scores": Write(
        outcomes=MEMBER, payload=lambda w: {f"score_{w.id('ambition_peer_id')}": "7"},
        effect=rows(AmbitionParticipant, session_id="session_id")),
    "teamdevelopment:session_action": Write(
        outcomes=MEMBER,
        payload=lambda w: {"participant": w.id("ambition_peer_id"),
                           "description": "Spreekuur op school", "due_date": today()},
        effect=rows(Decision, meeting_id="meeting_id")),
}
