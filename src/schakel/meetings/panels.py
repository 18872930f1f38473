"""On the case page: the minutes of meetings kept in the case and the meetings about it, with
a link to plan an MDO; in the portal, on the home page and a case's page, the invitations of
the parent or young person (see `http.panels`)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from schakel.access.actor import Actor
from schakel.cases.models import Case
from schakel.cases.panels import CASE_SECTIONS, CasePage
from schakel.http.panels import Panel
from schakel.meetings.selectors import case_meetings
from schakel.meetings.selectors.family import portal_invitations
from schakel.portal.panels import PORTAL_CASE_SECTIONS, PORTAL_HOME_SECTIONS
from schakel.portal.selectors.family import PortalHome


def case_meetings_section(actor: Actor, page: CasePage) -> Panel | None:
    if not page.read:
        return None
    found = case_meetings(case=page.case)
    return Panel("meetings/panels/case_meetings.html", {
        "found": found, "case": page.case,
        "may_plan": page.can_contribute and not page.case.is_closed})


CASE_SECTIONS.register(case_meetings_section, order=30)


def portal_home_invitations(actor: Actor, home: PortalHome) -> Panel | None:
    invitations = portal_invitations(actor=actor)
    if not invitations:
        return None
    return Panel("meetings/family/panels/invitations.html", {"invitations": invitations})


def portal_case_invitations(actor: Actor, case: Case) -> Panel | None:
    invitations = portal_invitations(actor=actor, case=case)
    if not invitations:
        return None
    return Panel("meetings/family/panels/case_invitations.html",
                 {"invitations": invitations, "anchor": "meetings",
                  "anchor_label": _("Meetings")})


PORTAL_HOME_SECTIONS.register(portal_home_invitations, order=10)
PORTAL_CASE_SECTIONS.register(portal_case_invitations, order=10)
