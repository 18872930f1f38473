"""`policy.dialogue` per role: the chair, a professional participant, an outsider."""

from __future__ import annotations

import pytest
from django.http import Http404

from schakel.access import policy
from schakel.dialogue.models import TableStatus
from schakel.dialogue.selectors.tables import dialogue_table_get, dialogue_tables_for
from tests.conftest import World
from tests.dialogue.helpers import make_table

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("status", list(TableStatus))
def test_each_role_per_status(world: World, status: TableStatus) -> None:
    table = make_table(world.nurse, participant=world.teacher, status=status)
    chair, participant, outsider = (world.actor(p) for p in (
        world.nurse, world.teacher, world.outsider))
    assert policy.may_read_dialogue_table(chair, table)
    assert policy.may_read_dialogue_table(participant, table)
    assert not policy.may_read_dialogue_table(outsider, table)
    assert bool(policy.may_change_dialogue_table(chair, table)) == (
        status != TableStatus.ADOPTED)
    assert not policy.may_change_dialogue_table(participant, table)
    assert bool(policy.may_comment_on_dialogue_table(participant, table)) == (
        status == TableStatus.IN_REVIEW)
    assert not policy.may_comment_on_dialogue_table(outsider, table)
    assert policy.may_create_dialogue_table(outsider)


def test_outsiders_get_404_and_lists_hold_only_ones_own(world: World) -> None:
    table = make_table(world.nurse, participant=world.teacher)
    make_table(world.outsider, title="Andere tafel")
    with pytest.raises(Http404):
        dialogue_table_get(actor=world.actor(world.outsider), table_id=table.pk)
    assert dialogue_tables_for(actor=world.actor(world.teacher)) == [table]
    page = dialogue_table_get(actor=world.actor(world.teacher), table_id=table.pk)
    assert not page.may_change
