"""Dialogue tables (Dialoogtafels) and their synthesis: who starts, reads, changes, comments.

- Any professional starts a dialogue table (and chairs it) or a synthesis of adopted tables
  they read.
- A table is read by its chair and by the participants who are professionals with an account
  (`Participant.professional`); nobody else, not even that it exists.
- The chair changes it (adds history, participants, factors, recommendations; sends it to the
  participants; adopts it) until it is adopted (vastgesteld); afterwards it is read-only.
- The professional participants comment while it is in review.
- A synthesis is read by its chair and by the chairs of its tables; its chair changes it until
  it is adopted.

A table's source case is never part of any decision here: proposing a description from a case
is a read of that case, decided by `cases.may_read_case`.
"""

from __future__ import annotations

from django.db.models import Q

from schakel.access.actor import Actor
from schakel.access.policy.core import DENY, Decision, Ground
from schakel.dialogue.models import DialogueTable, Synthesis, TableStatus


def may_create_dialogue_table(actor: Actor) -> Decision:
    if actor.professional is None:
        return DENY
    return Decision(True, Ground.PROFESSIONAL)


def may_read_dialogue_table(actor: Actor, table: DialogueTable) -> Decision:
    professional = actor.professional
    if professional is None:
        return DENY
    if table.chair_id == professional.pk:
        return Decision(True, Ground.DIALOGUE_CHAIR)
    if table.participants.filter(professional=professional).exists():
        return Decision(True, Ground.DIALOGUE_PARTICIPANT)
    return DENY


def may_change_dialogue_table(actor: Actor, table: DialogueTable) -> Decision:
    """The chair, until the table is adopted."""
    professional = actor.professional
    if professional is None or table.chair_id != professional.pk or table.is_adopted:
        return DENY
    return Decision(True, Ground.DIALOGUE_CHAIR)


def may_open_dialogue_table_for_change(actor: Actor, table: DialogueTable) -> Decision:
    """Open a change of the table: its chair, whatever the status (once adopted, the service
    tells them it is read-only, `may_change_dialogue_table`); anyone else is refused."""
    professional = actor.professional
    if professional is None or table.chair_id != professional.pk:
        return DENY
    return Decision(True, Ground.DIALOGUE_CHAIR)


def may_comment_on_dialogue_table(actor: Actor, table: DialogueTable) -> Decision:
    """A professional participant, while the table is in review."""
    professional = actor.professional
    if professional is None or table.status != TableStatus.IN_REVIEW:
        return DENY
    if table.participants.filter(professional=professional).exists():
        return Decision(True, Ground.DIALOGUE_PARTICIPANT)
    return DENY


def dialogue_tables_visible_q(actor: Actor) -> Q:
    """The tables `may_read_dialogue_table` allows, as a filter on `DialogueTable`."""
    professional = actor.professional
    if professional is None:
        return Q(pk__in=[])
    return Q(chair=professional) | Q(participants__professional=professional)


def may_create_synthesis(actor: Actor, tables: list[DialogueTable]) -> Decision:
    """Any professional, of adopted tables each of which they may read."""
    if actor.professional is None:
        return DENY
    if not all(table.is_adopted and may_read_dialogue_table(actor, table) for table in tables):
        return DENY
    return Decision(True, Ground.PROFESSIONAL)


def may_read_synthesis(actor: Actor, synthesis: Synthesis) -> Decision:
    professional = actor.professional
    if professional is None:
        return DENY
    if synthesis.chair_id == professional.pk:
        return Decision(True, Ground.DIALOGUE_CHAIR)
    if synthesis.tables.filter(chair=professional).exists():
        return Decision(True, Ground.DIALOGUE_CHAIR)
    return DENY


def may_change_synthesis(actor: Actor, synthesis: Synthesis) -> Decision:
    professional = actor.professional
    if professional is None or synthesis.chair_id != professional.pk or synthesis.is_adopted:
        return DENY
    return Decision(True, Ground.DIALOGUE_CHAIR)


def may_open_synthesis_for_change(actor: Actor, synthesis: Synthesis) -> Decision:
    """Its chair, whatever the status (see `may_open_dialogue_table_for_change`)."""
    professional = actor.professional
    if professional is None or synthesis.chair_id != professional.pk:
        return DENY
    return Decision(True, Ground.DIALOGUE_CHAIR)


def syntheses_visible_q(actor: Actor) -> Q:
    professional = actor.professional
    if professional is None:
        return Q(pk__in=[])
    return Q(chair=professional) | Q(tables__chair=professional)
