"""The status table of a dialogue table: draft → in review (the participants read the report
and comment) → adopted (vastgesteld, read-only from then on). The services check every change
against `TRANSITIONS`; nothing goes back once adopted."""

from __future__ import annotations

from schakel.dialogue.models import TableStatus

TRANSITIONS: dict[TableStatus, frozenset[TableStatus]] = {
    TableStatus.DRAFT: frozenset({TableStatus.IN_REVIEW}),
    TableStatus.IN_REVIEW: frozenset({TableStatus.ADOPTED}),
    TableStatus.ADOPTED: frozenset(),
}


def may_follow(current: str, new: TableStatus) -> bool:
    return new in TRANSITIONS[TableStatus(current)]
