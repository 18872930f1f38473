"""The write URLs of the preventiematrix in the role x URL matrix (see `matrix_write`): the
school's core team (the IB'er) keeps the world's matrix; anyone else's write is the logged
404. The policy officer and the steering group are not in this world; tests/prevention/
test_policy.py has them."""

from __future__ import annotations

from schakel.prevention.models import PreventionMatrix, PreventionOffer, RankedItem, RegieAgreement
from tests.access.matrix_write import Write, rows

KEEPER = "sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404"

PREVENTION_WRITES: dict[str, Write] = {
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    "prevention:ranked_add": Write(
        outcomes=KEEPER,
        payload=lambda w: {"kind": "desired", "rank": "", "text": "Iedereen voelt zich veilig"},
        effect=rows(RankedItem)),
    "prevention:ranked_edit": Write(
        outcomes=KEEPER,
        payload=lambda w: {"rank": "2", "text": "Te laat komen en kort verzuim"},
        effect=rows(RankedItem, id="ranked_id")),
    "prevention:ranked_remove": Write(
        outcomes=KEEPER,
        payload=lambda w: {},
        effect=rows(RankedItem)),
    "prevention:offer_add": Write(
        outcomes=KEEPER,
        payload=lambda w: {"sector": "informal", "level": "selective",
                           "name": "Maatjesproject", "provider": "", "description": ""},
        effect=rows(PreventionOffer)),
    "prevention:offer_remove": Write(
        outcomes=KEEPER,
        payload=lambda w: {},
        effect=rows(PreventionOffer)),
    "prevention:ambition_edit": Write(
        outcomes=KEEPER,
        payload=lambda w: {"what": "Minder verzuim", "how": "Samen", "who": "Kernteam"},
        effect=rows(PreventionMatrix, school_id="school_id")),
    "prevention:regie_add": Write(
        outcomes=KEEPER,
        payload=lambda w: {"subject": "Evaluatie", "holder": "Stuurgroep", "agreement": ""},
        effect=rows(RegieAgreement)),
    "prevention:regie_remove": Write(
        outcomes=KEEPER,
        payload=lambda w: {},
        effect=rows(RegieAgreement)),
}
