"""Conversation notes as a section of the case page, and the shared ones on the case's page
in the portal (see `http.panels`)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from schakel.access.actor import Actor
from schakel.cases.models import Case
from schakel.cases.panels import CASE_SECTIONS, CasePage
from schakel.http.panels import Panel
from schakel.notes.selectors import case_notes, portal_case_notes
from schakel.portal.panels import PORTAL_CASE_SECTIONS


def case_notes_section(actor: Actor, page: CasePage) -> Panel | None:
    if not page.read:
        return None
    rows = case_notes(actor=actor, case=page.case, read=page.read,
                      can_contribute=page.can_contribute)
    return Panel("notes/panels/case_notes.html", {
        "rows": rows, "case": page.case,
        "may_write": page.can_contribute and not page.case.is_closed})


def portal_notes_section(actor: Actor, case: Case) -> Panel | None:
    notes = portal_case_notes(actor=actor, case=case)
    if not notes:
        return None
    return Panel("notes/panels/portal_notes.html", {
        "notes": notes, "anchor": "notes", "anchor_label": _("Conversation notes")})


CASE_SECTIONS.register(case_notes_section, order=20)
PORTAL_CASE_SECTIONS.register(portal_notes_section, order=20)
