"""The demo's kernteam at work: a charter, a past meeting with adopted minutes (Bas's part in
his case, a decision that became an agreement), the next one planned with a guest."""

from __future__ import annotations

import pytest
from django.utils import timezone

from schakel.demo.loader import DemoWorld, demo_world_load
from schakel.meetings.models import DecisionKind, Meeting, MeetingKind
from schakel.teams.models import TeamCharter, TeamLayer

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> DemoWorld:
    return demo_world_load()


def test_the_kernteam_meets_and_its_decisions_become_agreements(demo: DemoWorld) -> None:
    school = demo.cast.places.schools["po"]
    charter = TeamCharter.objects.get(team__school=school, team__layer=TeamLayer.CORE)
    assert charter.chair == demo.professionals["ib.demo"]
    assert "lege stoel" in charter.fixed_agenda
    meetings = list(Meeting.objects.filter(school=school, kind=MeetingKind.CORE_TEAM)
                    .order_by("starts_at"))
    assert len(meetings) == 2
    past, coming = meetings
    assert past.starts_at < timezone.now() < coming.starts_at
    assert past.minutes_adopted
    assert not coming.minutes_adopted
    assert past.minutes.filter(case=demo.bas_case).exists()
    decision = past.decisions.get()
    assert decision.kind == DecisionKind.AGREEMENT
    assert decision.agreement is not None
    assert decision.agreement.case == demo.bas_case
    assert coming.empty_chair_guest == demo.professionals["poh.demo"]
    assert coming.agenda_items.filter(source="empty_chair").exists()
