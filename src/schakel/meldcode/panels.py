"""The Meldcode routes as a section of the case page (see `http.panels`): shown only to whoever
may start a route on the case or sees one of its routes. The routes listed are those the
reader may read; the other professionals of the case see nothing of them, not even that they
exist (the section then shows only the start form, or nothing)."""

from __future__ import annotations

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.cases.panels import CASE_SECTIONS, CasePage
from schakel.http.panels import Panel
from schakel.meldcode.selectors import case_meldcode_routes


def case_meldcode_section(actor: Actor, page: CasePage) -> Panel | None:
    if not page.read:
        return None
    may_start = bool(policy.may_start_meldcode_route(actor, page.case, read=page.read))
    routes = case_meldcode_routes(actor=actor, case=page.case)
    if not may_start and not routes:
        return None
    # The start button posts without a signal; the start page offers the case's signals.
    return Panel("meldcode/panels/case_routes.html", {
        "routes": routes, "case": page.case, "may_start": may_start})


CASE_SECTIONS.register(case_meldcode_section, order=35)
