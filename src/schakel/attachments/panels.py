"""Attachments as a section of the case page (see `http.panels`)."""

from __future__ import annotations

from schakel.access.actor import Actor
from schakel.attachments.selectors import case_attachments
from schakel.cases.panels import CASE_SECTIONS, CasePage
from schakel.http.panels import Panel


def case_attachments_section(actor: Actor, page: CasePage) -> Panel | None:
    if not page.read:
        return None
    return Panel("attachments/panels/case_attachments.html", {
        "attachments": case_attachments(actor=actor, case=page.case, read=page.read),
        "case": page.case, "may_add": page.can_contribute and not page.case.is_closed})


CASE_SECTIONS.register(case_attachments_section, order=25)
