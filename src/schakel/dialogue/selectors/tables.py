"""Reads of one dialogue table and of the tables a professional reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject
from schakel.dialogue.models import DialogueTable, Factor, Participant, Valence


def table_subject(table_id: int) -> Subject:
    """An anonymised table is no child's data: its rows name no child."""
    return Subject("dialogue.dialoguetable", str(table_id), None)


@dataclass
class FactorNode:
    factor: Factor
    causes: list[FactorNode] = field(default_factory=list)


@dataclass(frozen=True)
class TablePage:
    table: DialogueTable
    helping: list[FactorNode]
    obstructing: list[FactorNode]
    may_change: bool
    may_comment: bool
    factors: list[Factor]  # every factor, to choose a parent from


def factor_forest(factors: list[Factor]) -> list[FactorNode]:
    """The factors as trees: each top-level factor with its causes, in id order."""
    nodes = {factor.pk: FactorNode(factor) for factor in factors}
    roots: list[FactorNode] = []
    for factor in factors:
        node = nodes[factor.pk]
        if factor.parent_id is not None and factor.parent_id in nodes:
            nodes[factor.parent_id].causes.append(node)
        else:
            roots.append(node)
    return roots


def _fetch(table_id: int) -> DialogueTable | None:
    return (DialogueTable.objects.select_related("chair__organisation")
            .prefetch_related(
                "history",
                Prefetch("participants",
                         queryset=Participant.objects.select_related("professional")),
                Prefetch("factors", queryset=Factor.objects.prefetch_related("named_by")),
                "recommendations",
                "comments__author__organisation")
            .filter(pk=table_id).first())


def dialogue_table_get(*, actor: Actor, table_id: int) -> TablePage:
    """A table with its sections, for the chair and the professional participants; anything
    else is 404 (refusal logged)."""
    table = _fetch(table_id)
    decision = policy.may_read_dialogue_table(actor, table) if table else policy.DENY
    enforce(actor, decision, event_code=EventCode.DIALOGUE_READ, action=Action.READ,
            subject=table_subject(table_id))
    assert table is not None  # noqa: S101 - enforce refused a missing table
    factors = list(table.factors.all())
    forest = factor_forest(factors)
    return TablePage(
        table=table,
        helping=[node for node in forest if node.factor.valence == Valence.HELPING],
        obstructing=[node for node in forest if node.factor.valence == Valence.OBSTRUCTING],
        may_change=bool(policy.may_change_dialogue_table(actor, table)),
        may_comment=bool(policy.may_comment_on_dialogue_table(actor, table)),
        factors=factors)


def dialogue_table_for_change(*, actor: Actor, table_id: int,
                              event_code: EventCode) -> DialogueTable:
    """A table for its chair to change (the service says so when it is adopted); anything
    else is 404 (refusal logged under the change's `event_code`)."""
    table = DialogueTable.objects.select_related("chair").filter(pk=table_id).first()
    decision = policy.may_open_dialogue_table_for_change(actor, table) if table else policy.DENY
    enforce(actor, decision, event_code=event_code, action=Action.UPDATE,
            subject=table_subject(table_id))
    assert table is not None  # noqa: S101 - enforce refused a missing table
    return table


def dialogue_tables_for(*, actor: Actor) -> list[DialogueTable]:
    """The tables the actor chairs or took part in with their account."""
    return list(DialogueTable.objects.filter(policy.dialogue_tables_visible_q(actor))
                .select_related("chair").distinct().order_by("-created_at", "-pk"))


def adopted_tables_for(*, actor: Actor) -> list[DialogueTable]:
    """The adopted tables the actor reads: what a synthesis can be made of."""
    return [table for table in dialogue_tables_for(actor=actor) if table.is_adopted]


