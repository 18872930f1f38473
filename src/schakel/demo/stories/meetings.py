"""The kernteam of IKC De Vlinderboom at the table (seed 004 §3.4, Bijlage D): its charter, a
meeting three weeks ago whose minutes were adopted (Bas's part kept in his case, a decision
that became an agreement for the youth nurse) and the next meeting, planned with a guest on
the empty chair. Availability of the team for a spoedoverleg. Bas's MDO next week, with his
mother at the table (she finds the invitation in the portal), and a consultation of the core
team about Bas that asked the four questions."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from schakel.cases.models import Case
from schakel.children.models import Guardian
from schakel.demo.family import GUARDIANS
from schakel.demo.stories.common import Cast, backdate
from schakel.meetings.models import DayPart, DecisionKind, Meeting, MeetingKind
from schakel.meetings.selectors import meeting_agenda
from schakel.meetings.services import (
    availability_set,
    consultation_at_item_record,
    decision_record,
    meeting_plan,
    minutes_adopt,
    minutes_write,
)
from schakel.teams.models import MeetingFrequency, TeamLayer
from schakel.teams.services import team_charter_update

CORE = ("ib.demo", "jvk.demo", "jeugdregisseur.demo", "kinderopvang.demo")
FIXED_AGENDA = "\n".join([
    "Zijn er zorgen of signalen om te bespreken? (kind, klas, school of wijk)",
    "Zijn er nieuwe instromers om te bespreken?",
    "Ontwikkelingen in onze samenwerking",
    "Wie nodigen we de volgende keer uit op de lege stoel, en waarom?",
])


def _next_school_day(day: dt.date, after_days: int) -> dt.date:
    day += dt.timedelta(days=after_days)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def kernteam_story(cast: Cast, bas_case: Case) -> None:
    school = cast.places.schools["po"]
    if Meeting.objects.filter(school=school, kind=MeetingKind.CORE_TEAM).exists():
        return
    ib = cast.actor("ib.demo")
    team = school.teams.get(layer=TeamLayer.CORE)
    team_charter_update(
        actor=ib, team=team, chair=cast.professionals["ib.demo"],
        minute_taker=cast.professionals["jvk.demo"], frequency=MeetingFrequency.SIX_WEEKS,
        preparation="De IB'er zet de agenda een week vooraf klaar; iedereen vult signalen "
                    "en vragen aan in Schakel.",
        way_of_meeting="Op school, 1,5 uur. We beginnen bij de eigen kracht van kind en "
                       "ouders; ouders weten vooraf dat hun kind besproken wordt.",
        fixed_agenda=FIXED_AGENDA,
        substitution="Wie niet kan, stuurt de vaste vervanger en meldt dat vooraf bij de IB'er.",
        minutes="De jeugdverpleegkundige notuleert in Schakel; het deel over een kind staat "
                "in de casus van dat kind. Vastgesteld aan het eind van het overleg.",
        today=cast.today)
    for username in CORE:
        availability_set(actor=cast.actor(username), slots=[
            (weekday, DayPart.EARLY_MORNING) for weekday in range(5)] + [
            (weekday, DayPart.LATE_AFTERNOON) for weekday in (0, 2)])
    professionals = [cast.professionals[u] for u in CORE]
    # The meeting three weeks ago: planned ahead, held, minutes adopted.
    past = meeting_plan(
        actor=ib, school=school, kind=MeetingKind.CORE_TEAM,
        starts_at=timezone.now() + dt.timedelta(hours=1), duration_minutes=90,
        location="IKC De Vlinderboom, teamkamer", professionals=professionals)
    backdate(past, starts_at=cast.moment(21, hour=9))
    nurse = cast.actor("jvk.demo")
    rows = meeting_agenda(actor=nurse, meeting=past).rows
    minutes_write(actor=ib, meeting=past, text=(
        "Samenwerking: de kinderopvang sluit voortaan aan bij de overdracht naar groep 1. "
        "De JGZ houdt in januari een inloopspreekuur op school."))
    case_rows = [row for row in rows if row.item.case_id == bas_case.pk]
    item = case_rows[0].item if case_rows else None
    minutes_write(actor=nurse, meeting=past, agenda_item=item, case=bas_case, text=(
        "Bas: vermoeidheid en concentratie besproken. Moeder staat open voor een gesprek "
        "met de JGZ; de leerkracht let op de ochtenden."))
    decision_record(actor=nurse, meeting=past, agenda_item=item, case=bas_case,
                    kind=DecisionKind.AGREEMENT,
                    description="Gesprek met moeder over slaap en ritme (uit het kernteam)",
                    owner=cast.professionals["jvk.demo"],
                    due_date=_next_school_day(cast.today, 7))
    minutes_adopt(actor=ib, meeting=past)
    # The next meeting, in three weeks, with the POH-GGZ on the empty chair.
    day = _next_school_day(cast.today, 21)
    meeting_plan(
        actor=ib, school=school, kind=MeetingKind.CORE_TEAM,
        starts_at=dt.datetime(day.year, day.month, day.day, 9,
                              tzinfo=timezone.get_current_timezone()),
        duration_minutes=90, location="IKC De Vlinderboom, teamkamer",
        professionals=professionals, empty_chair_guest=cast.professionals["poh.demo"],
        empty_chair_purpose="Kennismaken: wat kan de POH-GGZ jeugd voor onze kinderen doen?")


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour,
                       tzinfo=timezone.get_current_timezone())


def mdo_story(cast: Cast, bas_case: Case) -> None:
    """The consultation two weeks ago answered the four questions about Bas; the MDO next
    week puts his mother at the table with the nurse and the IB'er."""
    school = cast.places.schools["po"]
    if Meeting.objects.filter(case=bas_case, kind=MeetingKind.MDO).exists():
        return
    nurse, ib = cast.actor("jvk.demo"), cast.professionals["ib.demo"]
    consultation = meeting_plan(
        actor=nurse, school=school, kind=MeetingKind.CONSULTATION,
        starts_at=timezone.now() + dt.timedelta(hours=1), duration_minutes=30,
        location="IKC De Vlinderboom, kamer van de IB'er", case=bas_case, professionals=[ib])
    backdate(consultation, starts_at=cast.moment(14, hour=15))
    consultation_at_item_record(
        actor=nurse, meeting=consultation, agenda_item=consultation.agenda_items.get(),
        signals_seen="Moe in de ochtend, minder concentratie; thuis wisselende bedtijden.",
        already_started="Leerkracht geeft Bas een rustige plek; gesprek met moeder gepland.",
        wisdom="Samen met moeder kijken naar slaap en ritme; JGZ denkt mee.",
        who_takes_role="De jeugdverpleegkundige, met de IB'er als aanspreekpunt op school.")
    mother = Guardian.objects.get(full_name=GUARDIANS[0][0])
    meeting_plan(
        actor=nurse, school=school, kind=MeetingKind.MDO,
        starts_at=_at(_next_school_day(cast.today, 7), 15), duration_minutes=45,
        location="IKC De Vlinderboom, kamer van de IB'er", case=bas_case,
        professionals=[ib], guardians=[mother])
