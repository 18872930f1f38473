"""The seed-001 demo: three adopted tables and their adopted synthesis, with the notation of
the seed for the factors named by several tables."""

from __future__ import annotations

import pytest

from schakel.demo.dialogue import demo_dialogue_synthesis
from schakel.dialogue.models import SynthesisStatus, TableStatus
from schakel.dialogue.selectors.synthesis import synthesis_get
from tests.conftest import World

pytestmark = pytest.mark.django_db


def test_the_seed_001_synthesis(world: World) -> None:
    actor = world.actor(world.nurse)
    synthesis = demo_dialogue_synthesis(actor=actor)
    assert demo_dialogue_synthesis(actor=actor) == synthesis  # idempotent
    assert synthesis.status == SynthesisStatus.ADOPTED
    assert {t.status for t in synthesis.tables.all()} == {TableStatus.ADOPTED}
    page = synthesis_get(actor=actor, synthesis_id=synthesis.pk)
    notations = {r.row.text: r.notation for r in page.rows}
    assert notations["Ouders zijn gemotiveerd / jongere is gemotiveerd"] == "(1c,2c,3c)"
    assert notations["Alliantie / goede samenwerking met ouders/kind/jongere"] == "(1,2,3)"
    assert notations["Goede samenwerking tussen professionals onderling"] == "(1c,2c)"
    assert notations["Grote draagkracht gezin"] == "(2c)"
    assert page.rows[0].table_count == 3
    assert [r.table_count for r in page.rows] == sorted(
        (r.table_count for r in page.rows), reverse=True)
    assert page.recommendations
