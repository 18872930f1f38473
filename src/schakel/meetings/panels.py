"""On the case page: the minutes of meetings kept in the case and the meetings about it, with
a link to plan an MDO (see `http.panels`)."""

from __future__ import annotations

from schakel.access.actor import Actor
from schakel.cases.panels import CASE_SECTIONS, CasePage
from schakel.http.panels import Panel
from schakel.meetings.selectors import case_meetings


def case_meetings_section(actor: Actor, page: CasePage) -> Panel | None:
    if not page.read:
        return None
    found = case_meetings(case=page.case)
    return Panel("meetings/panels/case_meetings.html", {
        "found": found, "case": page.case,
        "may_plan": page.can_contribute and not page.case.is_closed})


CASE_SECTIONS.register(case_meetings_section, order=30)
