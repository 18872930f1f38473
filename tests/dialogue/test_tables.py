"""Writes of a dialogue table: the status table, bad input refused with nothing stored, nothing
changed after adoption, the policy's 404 (logged) for anyone but the chair."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Outcome
from schakel.dialogue.models import Domain, TableStatus, Valence
from schakel.dialogue.services.tables import (
    dialogue_adopt,
    dialogue_review_start,
    dialogue_table_create,
    dialogue_table_update,
    factor_add,
    history_event_add,
    participant_add,
    recommendation_add,
    review_comment_add,
)
from schakel.dialogue.workflow import TRANSITIONS, may_follow
from tests.conftest import World
from tests.dialogue.helpers import dialogue_rows, factor, make_table

pytestmark = pytest.mark.django_db


def test_the_status_table_goes_one_way() -> None:
    assert may_follow(TableStatus.DRAFT, TableStatus.IN_REVIEW)
    assert may_follow(TableStatus.IN_REVIEW, TableStatus.ADOPTED)
    assert not may_follow(TableStatus.DRAFT, TableStatus.ADOPTED)
    assert not may_follow(TableStatus.IN_REVIEW, TableStatus.DRAFT)
    assert TRANSITIONS[TableStatus.ADOPTED] == frozenset()


def test_a_table_is_created_reviewed_commented_and_adopted(world: World) -> None:
    chair = world.actor(world.nurse)
    table = dialogue_table_create(actor=chair, title="Casus VO", level="vo")
    assert table.chair == world.nurse
    assert table.status == TableStatus.DRAFT
    participant_add(actor=chair, table=table, perspective="professional", role="Mentor",
                    professional=world.teacher)
    history_event_add(actor=chair, table=table, moment="groep 5", description="IQ-test")
    history_event_add(actor=chair, table=table, moment="", description="Plusgroep")
    assert [e.order for e in table.history.all()] == [1, 2]
    helped = factor_add(actor=chair, table=table, domain=Domain.FAMILY,
                        valence=Valence.HELPING, text="Ouders zijn gemotiveerd")
    factor_add(actor=chair, table=table, domain=Domain.FAMILY, valence=Valence.HELPING,
               text="Ouders zijn proactief", parent=helped)
    recommendation_add(actor=chair, table=table, audience="school", text="Deel verwachtingen.")
    dialogue_table_update(actor=chair, table=table, title="Casus VO", level="vo",
                          description="Jonge adolescent.", goal_realisation="Afname klachten.")
    with pytest.raises(ValidationError):
        dialogue_adopt(actor=chair, table=table)  # not from draft
    table = dialogue_review_start(actor=chair, table=table)
    review_comment_add(actor=world.actor(world.teacher), table=table, text="Klopt.")
    dialogue_adopt(actor=chair, table=table)
    table.refresh_from_db()
    assert table.status == TableStatus.ADOPTED
    assert table.adopted_at is not None
    codes = set(AccessEvent.objects.filter(object_type="dialogue.dialoguetable")
                .values_list("event_code", flat=True))
    assert {EventCode.DIALOGUE_CREATE, EventCode.DIALOGUE_CHANGE, EventCode.DIALOGUE_REVIEW,
            EventCode.DIALOGUE_COMMENT, EventCode.DIALOGUE_ADOPT} <= codes
    assert not AccessEvent.objects.filter(object_type="dialogue.dialoguetable",
                                          child_id__isnull=False).exists()


@pytest.mark.parametrize("fields", [
    {"domain": "", "valence": Valence.HELPING, "text": "Iets"},
    {"domain": Domain.FAMILY, "valence": "", "text": "Iets"},
    {"domain": Domain.FAMILY, "valence": Valence.HELPING, "text": "  "},
])
def test_a_factor_without_domain_valence_or_text_is_refused(
        world: World, fields: dict[str, str]) -> None:
    table = make_table(world.nurse)
    before = dialogue_rows()
    with pytest.raises(ValidationError) as error:
        factor_add(actor=world.actor(world.nurse), table=table, domain=fields["domain"],
                   valence=fields["valence"], text=fields["text"])
    assert error.value.message_dict
    assert dialogue_rows() == before


def test_a_cause_must_be_of_the_same_table(world: World) -> None:
    table, other = make_table(world.nurse), make_table(world.nurse, title="Ander")
    elsewhere = factor(other, "Elders")
    before = dialogue_rows()
    with pytest.raises(ValidationError) as error:
        factor_add(actor=world.actor(world.nurse), table=table, domain=Domain.FAMILY,
                   valence=Valence.OBSTRUCTING, text="Oorzaak", parent=elsewhere)
    assert "parent" in error.value.message_dict
    assert dialogue_rows() == before
    # A cause of either valence, in the same table, is fine.
    here = factor(table, "Hier", valence=Valence.HELPING)
    cause = factor_add(actor=world.actor(world.nurse), table=table, domain=Domain.FAMILY,
                       valence=Valence.OBSTRUCTING, text="Oorzaak", parent=here)
    assert cause.parent == here


def test_nothing_changes_after_adoption(world: World) -> None:
    table = make_table(world.nurse, status=TableStatus.ADOPTED, participant=world.teacher)
    before = dialogue_rows()
    with pytest.raises(ValidationError, match="adopted; it can no longer be changed"):
        history_event_add(actor=world.actor(world.nurse), table=table, moment="",
                          description="Later")
    with pytest.raises(ValidationError, match="adopted"):
        dialogue_review_start(actor=world.actor(world.nurse), table=table)
    with pytest.raises(ValidationError, match="adopted"):
        factor_add(actor=world.actor(world.nurse), table=table, domain=Domain.FAMILY,
                   valence=Valence.HELPING, text="Later")
    with pytest.raises(Http404):  # a participant may read it, never change it
        history_event_add(actor=world.actor(world.teacher), table=table, moment="",
                          description="Later")
    assert dialogue_rows() == before
    assert AccessEvent.objects.filter(event_code=EventCode.DIALOGUE_CHANGE,
                                      outcome=Outcome.DENIED).count() == 1


def test_review_needs_a_description(world: World) -> None:
    table = make_table(world.nurse)
    table.description = ""
    table.save()
    with pytest.raises(ValidationError):
        dialogue_review_start(actor=world.actor(world.nurse), table=table)
    table.refresh_from_db()
    assert table.status == TableStatus.DRAFT


def test_only_the_chair_changes_and_only_participants_comment(world: World) -> None:
    table = make_table(world.nurse, participant=world.teacher, status=TableStatus.IN_REVIEW)
    before = dialogue_rows()
    for professional in (world.teacher, world.outsider):
        with pytest.raises(Http404):
            recommendation_add(actor=world.actor(professional), table=table,
                               audience="school", text="Iets")
    with pytest.raises(Http404):
        review_comment_add(actor=world.actor(world.outsider), table=table, text="Ik ook")
    assert dialogue_rows() == before
    review_comment_add(actor=world.actor(world.teacher), table=table, text="Aanvulling")
    assert table.comments.count() == 1


def test_a_participant_without_account_may_not_be_a_parent_with_an_account(
        world: World) -> None:
    table = make_table(world.nurse)
    before = dialogue_rows()
    with pytest.raises(ValidationError) as error:
        participant_add(actor=world.actor(world.nurse), table=table, perspective="parent",
                        role="Moeder", professional=world.teacher)
    assert "professional" in error.value.message_dict
    assert dialogue_rows() == before
