"""What parents and the young person added in the portal, as a section of the professionals'
case page (see `http.panels`)."""

from __future__ import annotations

from schakel.access.actor import Actor
from schakel.cases.panels import CASE_SECTIONS, CasePage
from schakel.http.panels import Panel
from schakel.portal.selectors.professionals import case_portal_voice


def portal_voice(actor: Actor, page: CasePage) -> Panel | None:
    voice = case_portal_voice(actor=actor, case=page.case)
    if voice is None:
        return None
    return Panel("portal/panels/case_voice.html", {"voice": voice, "case": page.case})


CASE_SECTIONS.register(portal_voice, order=10)
