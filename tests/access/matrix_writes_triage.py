"""The write URL of the triage inbox in the role x URL matrix (see `matrix_write`)."""

from __future__ import annotations

from schakel.triage.models import SignalTriage, Urgency
from tests.access.matrix_write import Write, rows

TRIAGE_WRITES: dict[str, Write] = {
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    # The school's core team; the IB'er picks the signal up herself.
    "triage:signal": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"assignee": w.id("core_id"), "urgency": str(int(Urgency.THIS_WEEK)),
                           "for_next_meeting": "on"},
        effect=rows(SignalTriage, signal_id="signal_id")),
}
