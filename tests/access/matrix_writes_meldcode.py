"""The write URLs of the Meldcode route in the role x URL matrix (see `matrix_write`): the
POH runs the world's route; the coordinator starts one of her own."""

from __future__ import annotations

from schakel.meldcode.models import MeldcodeRoute, MeldcodeStepRecord
from tests.access.matrix_write import Write, rows, today

MELDCODE_WRITES: dict[str, Write] = {
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    # Whoever contributes to the case; the POH runs an unfinished route on it already.
    "meldcode:start": Write(
        outcomes="sign 404! 404! 302+ 200  404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"signal": ""},
        effect=rows(MeldcodeRoute, case_id="case_id")),
    # Step 1 of the POH's route: only she records it (the aandachtsfunctionaris reads it).
    "meldcode:step": Write(
        outcomes="sign 404! 404! 404! 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"performed_on": today(),
                           "findings": "Signalen in kaart gebracht met de mentor."},
        effect=rows(MeldcodeStepRecord, route_id="route_id")),
}
