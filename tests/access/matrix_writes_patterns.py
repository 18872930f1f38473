"""The write URLs of the rode draad in the role x URL matrix (see `matrix_write`): the core
team escalates or closes the world's discussed class pattern."""

from __future__ import annotations

from schakel.patterns.models import Pattern
from tests.access.matrix_world import MatrixWorld
from tests.access.matrix_write import Write


def _pattern_state(w: MatrixWorld) -> object:
    return tuple(Pattern.objects.filter(pk=w.id("pattern_id")).values_list(
        "status", "escalation_note"))


PATTERN_WRITES: dict[str, Write] = {
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    # Escalation to management with a note: the school's core team.
    "patterns:detail": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"note": "Veel signalen over gedrag; graag collectieve aanpak."},
        effect=_pattern_state),
    "patterns:status": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"action": "closed"},
        effect=_pattern_state),
}
