"""The demo's kernteam: two nulmetingen (and two MDO-versus-IPW rounds) a year apart, so
that the trend shows, and a taart van ambities with notes, marks and first actions."""

from __future__ import annotations

import pytest

from schakel.demo.loader import demo_world_load
from schakel.demo.teamdevelopment import CHAIR
from schakel.meetings.models import DecisionKind
from schakel.teamdevelopment.models import AmbitionSession
from schakel.teamdevelopment.selectors.sessions import ambition_session_get
from schakel.teamdevelopment.selectors.surveys import team_development_get
from schakel.teamdevelopment.statements import Questionnaire

pytestmark = pytest.mark.django_db


def test_the_demo_kernteam_shows_a_trend() -> None:
    demo = demo_world_load()
    demo_world_load()  # idempotent
    session = AmbitionSession.objects.get()
    actor = demo.cast.actor(CHAIR)
    page = team_development_get(actor=actor, team_id=session.team_id)
    baseline = next(s for s in page.sections if s.questionnaire == Questionnaire.BASELINE)
    first, second = baseline.trend.points
    assert (second.day - first.day).days == 358
    assert first.figures.shown
    assert second.figures.shown
    assert first.figures.mean is not None
    assert second.figures.mean is not None
    assert second.figures.mean > first.figures.mean
    mdo = next(s for s in page.sections if s.questionnaire == Questionnaire.MDO_IPW)
    assert len(mdo.trend.points) == 2
    session_page = ambition_session_get(actor=actor, session_id=session.pk)
    assert all(ring.notes for ring in session_page.rings)
    assert session_page.scores.shown
    assert session_page.scores.respondents == 5
    assert all(p.decision is not None and p.decision.kind == DecisionKind.COLLECTIVE
               for p in session_page.participants)
