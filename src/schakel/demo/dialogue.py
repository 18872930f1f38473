"""The three case-specific dialogue tables of seed 001 (PO, VO, MBO) and their adopted
synthesis, built through the dialogue services as a chair would: the description, the
history, the goal realisation and the factors as the seed reports them (the numbers of the
"(1c,2c,3c)" notation say in which table a factor was named, the "c" whether in relation to
that case), each table reviewed and adopted; then the synthesis, its equal factors merged,
its conclusions and recommendations, adopted.

Two liberties: the seed names no participants, so each table gets the roles its text
mentions; and a possible cause is kept only in a table that named its factor (the seed puts
one cause of table 3 under "Gebrek aan verklarende analyse (1c)"; it is left out, since a
cause belongs to a factor of its own table).

Idempotent: a synthesis of the chair with this title is returned as it is. The demo loader
calls it with the municipality's policy officer (`beleid.demo`) as chair."""

from __future__ import annotations

from schakel.access.actor import Actor
from schakel.demo.dialogue_seed import (
    COULD_BE_BETTER,
    FACTORS,
    METHOD,
    RECOMMENDATIONS,
    TABLES,
    TITLE,
    WENT_WELL,
    F,
)
from schakel.dialogue.models import DialogueTable, Factor, Synthesis
from schakel.dialogue.services.synthesis import (
    synthesis_adopt,
    synthesis_create,
    synthesis_merge,
    synthesis_recommendation_add,
    synthesis_update,
)
from schakel.dialogue.services.tables import (
    dialogue_adopt,
    dialogue_review_start,
    dialogue_table_create,
    dialogue_table_update,
    factor_add,
    history_event_add,
    participant_add,
)
from schakel.transactions import composed_services

__all__ = ["TITLE", "demo_dialogue_synthesis"]


def _mentions(notation: str) -> dict[int, bool]:
    """"1c,2c,3" → {1: True, 2: True, 3: False}."""
    found: dict[int, bool] = {}
    for part in notation.replace(" ", "").split(","):
        if part:
            found[int(part.rstrip("c"))] = part.endswith("c")
    return found


def _add(actor: Actor, tables: list[DialogueTable], item: F, number: int,
         parent: Factor | None, domain: str, valence: str) -> None:
    specific = _mentions(item.notation).get(number)
    if specific is None:
        return
    added = factor_add(actor=actor, table=tables[number - 1], domain=domain, valence=valence,
                       text=item.text, case_specific=specific, parent=parent)
    for cause in item.causes:
        _add(actor, tables, cause, number, added, domain, cause.valence or valence)


def demo_dialogue_synthesis(*, actor: Actor) -> Synthesis:
    """The seed-001 tables and synthesis, chaired by `actor` (a professional)."""
    chair = actor.require_professional()
    existing = Synthesis.objects.filter(chair=chair, title=TITLE).first()
    if existing is not None:
        return existing
    with composed_services():
        tables: list[DialogueTable] = []
        for seed in TABLES:
            table = dialogue_table_create(actor=actor, title=seed.title, level=seed.level)
            table = dialogue_table_update(actor=actor, table=table, title=seed.title,
                                          level=seed.level, description=seed.child,
                                          goal_realisation=seed.goal)
            for step in seed.history.split(" → "):
                history_event_add(actor=actor, table=table, moment="", description=step)
            for perspective, role in seed.participants:
                participant_add(actor=actor, table=table, perspective=perspective, role=role)
            tables.append(table)
        for domain, valence, items in FACTORS:
            for item in items:
                for number in sorted(_mentions(item.notation)):
                    _add(actor, tables, item, number, None, domain, valence)
        adopted = [dialogue_adopt(actor=actor, table=dialogue_review_start(
            actor=actor, table=table)) for table in tables]
        synthesis = synthesis_create(actor=actor, title=TITLE, tables=adopted)
        groups: dict[tuple[str, str, str], list[int]] = {}
        for row in synthesis.rows.order_by("pk"):
            groups.setdefault((row.domain, row.valence, row.text), []).append(row.pk)
        for row_ids in groups.values():
            if len(row_ids) > 1:
                synthesis_merge(actor=actor, synthesis=synthesis, row_ids=row_ids)
        synthesis = synthesis_update(actor=actor, synthesis=synthesis, title=TITLE,
                                     method=METHOD, went_well="\n".join(WENT_WELL),
                                     could_be_better="\n".join(COULD_BE_BETTER))
        for audience, texts in RECOMMENDATIONS:
            for text in texts:
                synthesis_recommendation_add(actor=actor, synthesis=synthesis,
                                             audience=audience, text=text)
        return synthesis_adopt(actor=actor, synthesis=synthesis)
