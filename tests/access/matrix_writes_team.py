"""The write URLs of the team at work: teams, meetings, the glossary and the school calendar
(see `matrix_write`)."""

from __future__ import annotations

from schakel.cases.models import Consultation
from schakel.glossary.models import Term
from schakel.meetings.models import (
    AgendaItem,
    Availability,
    Decision as MeetingDecision,
    Meeting,
    MinutesEntry,
)
from schakel.schoolcalendar.models import DayOff, SchoolCalendar
from schakel.teams.models import TeamCharter, TeamMembership
from tests.access.matrix_write import Write, in_a_week, rows, today
from tests.factories import days_ahead

TEAM_WRITES: dict[str, Write] = {
    # --- teams -----------------------------------------------------------------------------
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    # The keeper of the school's teams is its contact point, the IB'er (`may_manage_team`).
    "teams:member_add": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"professional": w.id("teacher_id"), "role": "Mentor",
                           "substitute": "", "start_date": today()},
        effect=rows(TeamMembership, team_id="team_id")),
    "teams:charter": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"chair": w.id("core_id"), "minute_taker": "",
                           "frequency": "fortnightly", "preparation": "Agenda een week vooraf",
                           "way_of_meeting": "", "fixed_agenda": "", "substitution": "",
                           "minutes": ""},
        effect=rows(TeamCharter, team_id="team_id")),
    "teams:member_change": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"role": "Voorzitter", "substitute": ""},
        effect=rows(TeamMembership, pk="membership_id")),

    # --- meetings ----------------------------------------------------------------------------
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    # Planned by a member of one of the school's teams: the IB'er, and the other school's
    # IB'er for her own school; for others there is no school to plan for (404, not logged).
    "meetings:plan": Write(
        outcomes="sign 302+ 404  404  404  404  404  404  404  302+ 404  404  404  404",
        payload=lambda w: {"kind": "core_team", "starts_at": in_a_week(),
                           "duration_minutes": 60, "location": "Lokaal 12"},
        effect=rows(Meeting)),
    # One's own availability: every professional.
    "meetings:availability": Write(
        outcomes="sign 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 404  404  404",
        payload=lambda w: {"slots": ["0:early", "3:late"]},
        effect=rows(Availability)),
    # Changed by the organiser (the IB'er); the invitees see the meeting but may not change it.
    "meetings:reschedule": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"starts_at": in_a_week(), "duration_minutes": 45,
                           "location": "Lokaal 12", "video_link": ""},
        effect=rows(Meeting, pk="meeting_id")),
    "meetings:cancel": Write(
        outcomes="sign 302  404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"confirm": "yes"},
        effect=rows(Meeting, pk="meeting_id"),
        no_writer="the world's meeting has begun, and a meeting that has begun is not "
                  "cancelled (`meeting_cancel`: back to the page with the message); "
                  "tests/meetings cancels a coming one"),
    "meetings:agenda_fill": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {},
        effect=rows(AgendaItem, meeting_id="meeting_id")),
    # An item about no child: whoever sees the meeting (organiser and invitees).
    "meetings:agenda_item_add": Write(
        outcomes="sign 302+ 404! 302+ 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"heading": "Samenwerking met het jongerenwerk", "note": ""},
        effect=rows(AgendaItem, meeting_id="meeting_id")),
    # The case's part of the minutes goes into the case: whoever contributes to it. The
    # organiser, who does not read the case, does not see its item (404).
    "meetings:minutes_write": Write(
        outcomes="sign 404  404! 302+ 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"item": w.id("case_item_id"), "text": "Besproken: vaste plek."},
        effect=rows(MinutesEntry, meeting_id="meeting_id")),
    # The four questions at the case's item: a consultation in the case.
    "meetings:consultation": Write(
        outcomes="sign 404  404! 302+ 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"item": w.id("case_item_id"),
                           "consultation-signals_seen": "Stil in de klas, moe thuis",
                           "consultation-already_started": "", "consultation-wisdom": "",
                           "consultation-who_takes_role": ""},
        effect=rows(Consultation, case_id="case_id")),
    # An agreement in the case, made at the meeting.
    "meetings:decision": Write(
        outcomes="sign 404  404! 302+ 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"item": w.id("case_item_id"), "kind": "agreement",
                           "description": "Gesprek met de mentor",
                           "owner": w.id("involved_id"),
                           "due_date": days_ahead(14).isoformat(), "school_class": ""},
        effect=rows(MeetingDecision, meeting_id="meeting_id")),
    "meetings:adopt": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {},
        effect=rows(Meeting, pk="meeting_id")),
    "meetings:correct": Write(
        outcomes="sign 404  404! 200  200  404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"text": "Besproken: een vaste plek in de klas.",
                           "reason": "Onvolledig"},
        effect=rows(MinutesEntry, meeting_id="meeting_id"),
        no_writer="a correction is of adopted minutes, and the world's are not adopted (the "
                  "form comes back with the service's message); tests/meetings"),

    # --- glossary ----------------------------------------------------------------------------
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    "glossary:create": Write(
        outcomes="sign 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"name": "OPP", "expansion": "ontwikkelingsperspectiefplan",
                           "is_abbreviation": "on", "meaning_general": "Het plan."},
        effect=rows(Term),
        no_writer="only the functional administrator changes the glossary, and no role of "
                  "the world is one (tests/glossary)"),
    "glossary:edit": Write(
        outcomes="sign 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"name": "MDO", "expansion": "multidisciplinair overleg",
                           "is_abbreviation": "on", "meaning_general": "Een overleg."},
        effect=rows(Term, pk="term_id"),
        no_writer="the functional administrator's, as above (tests/glossary)"),
    "glossary:delete": Write(
        outcomes="sign 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"confirm": "yes"},
        effect=rows(Term, pk="term_id"),
        no_writer="the functional administrator's, as above (tests/glossary)"),
    "schoolcalendar:edit": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"region": "zuid", "minutes_monday": 330, "minutes_tuesday": 330,
                           "minutes_wednesday": 210, "minutes_thursday": 330,
                           "minutes_friday": 300, "lessons_monday": 6, "lessons_tuesday": 6,
                           "lessons_wednesday": 4, "lessons_thursday": 6, "lessons_friday": 5},
        effect=rows(SchoolCalendar, school_id="school_id")),
    "schoolcalendar:day_off_add": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"kind": "vrij", "start_date": today(), "end_date": today(),
                           "description": "Sportdag"},
        effect=rows(DayOff, school_id="school_id")),
    "schoolcalendar:day_off_remove": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {},
        effect=rows(DayOff, school_id="school_id")),
}
