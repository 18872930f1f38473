"""Panels of the cases app (see `http.panels`): the places on the case page where higher
apps add their part (`CASE_NOTICES` in the overview, `CASE_SECTIONS` after the sections),
and the cases section of the child's page."""

from __future__ import annotations

from dataclasses import dataclass

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.cases.models import Case
from schakel.cases.selectors import case_existence_for_child
from schakel.children.models import Child
from schakel.children.panels import CHILD_SECTIONS
from schakel.http.panels import Panel, PanelSlot


@dataclass(frozen=True)
class CasePage:
    """The case a panel is asked about, with the decisions the case page already made."""

    case: Case
    read: policy.Decision
    can_contribute: bool


CASE_NOTICES: PanelSlot[CasePage] = PanelSlot("notices in the case overview")
CASE_SECTIONS: PanelSlot[CasePage] = PanelSlot("sections at the end of the case page")


def child_cases(actor: Actor, child: Child) -> Panel:
    """The cases whose existence the actor may see, with a link only to readable ones."""
    cases = list(case_existence_for_child(actor=actor, child_id=child.pk))
    readable = policy.readable_case_ids(actor, [case.pk for case in cases])
    return Panel("cases/panels/child_cases.html",
                 {"cases": [(case, case.pk in readable) for case in cases]})


CHILD_SECTIONS.register(child_cases, order=20)
