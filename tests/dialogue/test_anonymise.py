"""The description proposed from a case: no name of the child, the family, the professionals,
no school, no date of the source case survives; proposing is a logged read of the case and
needs `may_read_case`."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import Http404
from hypothesis import HealthCheck, given, settings, strategies as st

from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Outcome
from schakel.dialogue.anonymise import DATE, anonymise
from schakel.dialogue.services.tables import dialogue_description_propose
from tests.conftest import World
from tests.dialogue.helpers import make_table
from tests.factories import (
    ConsultationFactory,
    PlanStepEntryFactory,
    ProfessionalFactory,
    SchoolFactory,
)

pytestmark = pytest.mark.django_db

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
FIXED_WORDS = {"het", "kind", "de", "ouder", "professional", "school", "organisatie",
               "plaats", "datum", "zit", "in", "groep", "sprak", "met", "op", "sinds",
               "gesprek", "was", "basisschool"}
name = st.from_regex(r"[A-Z][a-z]{3,9}", fullmatch=True).filter(
    lambda n: n.lower() not in FIXED_WORDS)
day = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31))


def _date_forms(d: dt.date) -> list[str]:
    return [d.strftime("%d-%m-%Y"), d.isoformat(), f"{d.day} {MONTHS[d.month - 1]} {d.year}"]


def test_dates_of_every_form_become_a_placeholder() -> None:
    text = "Op 3-4-2025, 2025-04-03, 03/04/2025, 3 april 2025 en 3 apr. gesprek."
    assert anonymise(text, {}) == f"Op {DATE}, {DATE}, {DATE}, {DATE} en {DATE} gesprek."


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=name, last=name, professional=name, professional_last=name, school=name,
       place=name, when=day)
def test_no_name_or_date_of_the_case_survives(
        world: World, first: str, last: str, professional: str, professional_last: str,
        school: str, place: str, when: dt.date) -> None:
    child = world.child
    child.first_name, child.last_name = first, last
    child.save()
    SchoolFactory(name=f"Basisschool {school}", municipality=place)
    mentor = ProfessionalFactory(full_name=f"{professional} {professional_last}")
    dates = _date_forms(when)
    PlanStepEntryFactory(case=world.case, filled_in_by=world.nurse, content=(
        f"{first} {last} zit in groep 5 van Basisschool {school} in {place}. "
        f"Sinds {dates[0]} sprak "
        f"{professional} {professional_last} met {first}; op {dates[1]} met de moeder "
        f"{world.guardian.full_name}."))
    ConsultationFactory(case=world.case, recorded_by=world.nurse, signals_seen=(
        f"Gesprek op {dates[2]} met {professional_last} en {world.nurse.full_name} over "
        f"{first.upper()}."), already_started=f"{last} was op {school}.")
    table = make_table(world.core_member)
    world.case.coordinator = world.core_member  # the chair reads the case
    world.case.save()
    proposal = dialogue_description_propose(
        actor=world.actor(world.core_member), table=table,
        case_reference=world.case.reference).description
    words = set(proposal.lower().replace(".", " ").replace(",", " ").replace(";", " ").split())
    for secret in (first, last, professional, professional_last, school, place, "Eva", "Jansen",
                   "Anne", "Vries", "Esch"):
        assert secret.lower() not in words, (secret, proposal)
    for form in dates:
        assert form not in proposal
    assert str(when.year) not in proposal
    assert mentor.full_name not in proposal
    assert "het kind" in proposal


def test_proposing_is_a_logged_read_of_the_case_and_needs_may_read_case(
        world: World) -> None:
    table = make_table(world.nurse)
    dialogue_description_propose(actor=world.actor(world.nurse), table=table,
                                 case_reference=world.case.reference)
    table.refresh_from_db()
    assert table.source_case == world.case
    assert AccessEvent.objects.filter(event_code=EventCode.DIALOGUE_PROPOSE,
                                      child_id=world.child.pk, outcome=Outcome.SUCCESS).exists()
    assert AccessEvent.objects.filter(event_code=EventCode.CASE_VIEW,
                                      child_id=world.child.pk).exists()
    outsiders_table = make_table(world.outsider)
    with pytest.raises(Http404):
        dialogue_description_propose(actor=world.actor(world.outsider), table=outsiders_table,
                                     case_reference=world.case.reference)
    outsiders_table.refresh_from_db()
    assert outsiders_table.source_case is None
    assert outsiders_table.description == "Een kind."
    assert AccessEvent.objects.filter(event_code=EventCode.CASE_VIEW,
                                      outcome=Outcome.DENIED).exists()
