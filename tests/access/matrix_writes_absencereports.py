"""The write URLs of the truancy reports in the role x URL matrix (see `matrix_write`)."""

from __future__ import annotations

from schakel.absencereports.models import AbsenceReport
from tests.access.matrix_write import Write, rows, today

ABSENCE_REPORT_WRITES: dict[str, Write] = {
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    # The school's core team completes and confirms the world's draft; nobody else reads it.
    "absencereports:edit": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"suspected_reason": "Spijbelt met vrienden",
                           "school_action": "Gesprek met Tina en haar moeder",
                           "municipal_action_wanted": "on"},
        effect=rows(AbsenceReport, pk="report_id")),
    "absencereports:confirm": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {},
        effect=rows(AbsenceReport, pk="report_id")),
    # A draft is not sent or answered yet: the status table refuses, the form comes back.
    "absencereports:sent": Write(
        outcomes="sign 200* 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"sent_on": today()},
        effect=rows(AbsenceReport, pk="report_id"),
        no_writer="the world's report is a draft; tests/absencereports/test_reports.py sends "
                  "a confirmed one"),
    "absencereports:answer": Write(
        outcomes="sign 200* 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"answer": "in_behandeling", "answered_on": today(),
                           "closing_reason": ""},
        effect=rows(AbsenceReport, pk="report_id"),
        no_writer="the world's report is a draft; tests/absencereports/test_reports.py "
                  "answers a sent one"),
}
