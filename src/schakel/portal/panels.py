"""What parents and the young person added in the portal, as a section of the professionals'
case page (see `http.panels`); and the places on the portal's own pages where higher apps add
what concerns the family (the meetings they are invited to)."""

from __future__ import annotations

from schakel.access.actor import Actor
from schakel.cases.models import Case
from schakel.cases.panels import CASE_SECTIONS, CasePage
from schakel.http.panels import Panel, PanelSlot
from schakel.portal.selectors.family import PortalHome
from schakel.portal.selectors.professionals import case_portal_voice

# Sections of the portal's home page and of a case's page in the portal.
PORTAL_HOME_SECTIONS: PanelSlot[PortalHome] = PanelSlot("portal_home")
PORTAL_CASE_SECTIONS: PanelSlot[Case] = PanelSlot("portal_case")


def portal_voice(actor: Actor, page: CasePage) -> Panel | None:
    voice = case_portal_voice(actor=actor, case=page.case, read=page.read)
    if voice is None:
        return None
    return Panel("portal/panels/case_voice.html", {"voice": voice, "case": page.case})


CASE_SECTIONS.register(portal_voice, order=10)
