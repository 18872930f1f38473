"""The synthesis: rows ordered by the number of tables that named them, the "(1c,2c,3c)"
notation, incidental vs structural, merges proposed by the rule and refused across valence or
domain, and who reads it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from schakel.dialogue.models import DialogueTable, Domain, Factor, TableStatus, Valence
from schakel.dialogue.selectors.synthesis import synthesis_get
from schakel.dialogue.services.synthesis import (
    synthesis_adopt,
    synthesis_create,
    synthesis_merge,
    synthesis_row_set_structural,
)
from schakel.dialogue.similarity import similarity
from tests.conftest import World
from tests.dialogue.helpers import dialogue_rows, factor, make_table

pytestmark = pytest.mark.django_db


def _three(world: World) -> tuple[list[DialogueTable], list[Factor], Factor]:
    tables = [make_table(world.nurse, title=f"Casus {n}", status=TableStatus.ADOPTED)
              for n in (1, 2, 3)]
    cooperation = [factor(t, text) for t, text in zip(tables, (
        "Goede samenwerking tussen professionals", "Goede samenwerking professionals",
        "Samenwerking tussen professionals goed"), strict=True)]
    cooperation[2].case_specific = False
    cooperation[2].save()
    factor(tables[0], "Ouders zijn gemotiveerd", domain=Domain.FAMILY)
    cause = factor(tables[0], "Korte lijnen", parent=cooperation[0])
    factor(tables[1], "Gebrek aan samenwerking tussen professionals",
           valence=Valence.OBSTRUCTING)
    return tables, cooperation, cause


def test_rows_are_ordered_by_tables_and_noted_as_in_seed_001(world: World) -> None:
    tables, _cooperation, cause = _three(world)
    actor = world.actor(world.nurse)
    synthesis = synthesis_create(actor=actor, title="Overstijgend", tables=tables)
    page = synthesis_get(actor=actor, synthesis_id=synthesis.pk)
    proposals = page.proposals
    assert [[r.row.text for r in group] for group in proposals] == [[
        "Goede samenwerking tussen professionals", "Goede samenwerking professionals",
        "Samenwerking tussen professionals goed"]]
    synthesis_merge(actor=actor, synthesis=synthesis,
                    row_ids=[r.row.pk for r in proposals[0]])
    page = synthesis_get(actor=actor, synthesis_id=synthesis.pk)
    first = page.rows[0]
    assert first.row.text == "Goede samenwerking tussen professionals"
    assert first.notation == "(1c,2c,3)"
    assert first.structural
    assert [node.factor for node in first.causes] == [cause]
    assert first.causes[0].notation == "(1c)"
    assert [r.table_count for r in page.rows] == [3, 1, 1]
    assert not page.rows[1].structural
    synthesis_row_set_structural(actor=actor, synthesis=synthesis, row_id=page.rows[1].row.pk,
                                 structural=True)
    assert synthesis_get(actor=actor, synthesis_id=synthesis.pk).rows[1].structural


def test_a_merge_across_valence_or_domain_is_refused(world: World) -> None:
    tables, _cooperation, _cause = _three(world)
    actor = world.actor(world.nurse)
    synthesis = synthesis_create(actor=actor, title="Overstijgend", tables=tables)
    rows = {row.text: row for row in synthesis.rows.all()}
    before = dialogue_rows()
    with pytest.raises(ValidationError, match="helping and an obstructing"):
        synthesis_merge(actor=actor, synthesis=synthesis, row_ids=[
            rows["Goede samenwerking professionals"].pk,
            rows["Gebrek aan samenwerking tussen professionals"].pk])
    with pytest.raises(ValidationError, match="different domains"):
        synthesis_merge(actor=actor, synthesis=synthesis, row_ids=[
            rows["Goede samenwerking professionals"].pk, rows["Ouders zijn gemotiveerd"].pk])
    assert dialogue_rows() == before


def test_a_synthesis_needs_two_adopted_tables_the_chair_reads(world: World) -> None:
    adopted = make_table(world.nurse, status=TableStatus.ADOPTED)
    draft = make_table(world.nurse)
    someone_elses = make_table(world.outsider, status=TableStatus.ADOPTED)
    actor = world.actor(world.nurse)
    before = dialogue_rows()
    for tables in ([adopted], [adopted, draft], [adopted, someone_elses]):
        with pytest.raises(ValidationError):
            synthesis_create(actor=actor, title="X", tables=tables)
    assert dialogue_rows() == before


def test_the_synthesis_is_read_by_its_chair_and_the_chairs_of_its_tables(
        world: World) -> None:
    mine = make_table(world.nurse, status=TableStatus.ADOPTED, participant=world.core_member)
    theirs = make_table(world.teacher, status=TableStatus.ADOPTED, participant=world.nurse)
    synthesis = synthesis_create(actor=world.actor(world.nurse), title="X",
                                 tables=[mine, theirs])
    for reader in (world.nurse, world.teacher):
        assert synthesis_get(actor=world.actor(reader), synthesis_id=synthesis.pk)
    for other in (world.core_member, world.outsider):  # a participant is no chair
        with pytest.raises(Http404):
            synthesis_get(actor=world.actor(other), synthesis_id=synthesis.pk)


def test_similarity_is_token_overlap() -> None:
    assert similarity("Goede samenwerking", "goede samenwerken") == 1.0
    assert similarity("Ouders zijn gemotiveerd", "Korte lijnen") == 0.0


def test_an_adopted_synthesis_is_read_only(world: World) -> None:
    tables, _cooperation, _cause = _three(world)
    actor = world.actor(world.nurse)
    synthesis = synthesis_create(actor=actor, title="Overstijgend", tables=tables)
    synthesis = synthesis_adopt(actor=actor, synthesis=synthesis)
    rows = list(synthesis.rows.values_list("pk", flat=True))
    before = dialogue_rows()
    with pytest.raises(ValidationError, match="adopted"):
        synthesis_merge(actor=actor, synthesis=synthesis, row_ids=rows[:2])
    with pytest.raises(Http404):
        synthesis_adopt(actor=world.actor(world.outsider), synthesis=synthesis)
    assert dialogue_rows() == before
