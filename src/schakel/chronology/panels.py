"""A link to the chronology on the child's page (see `http.panels`)."""

from __future__ import annotations

from schakel.access.actor import Actor
from schakel.children.models import Child
from schakel.children.panels import CHILD_SECTIONS
from schakel.http.panels import Panel


def child_chronology_link(actor: Actor, child: Child) -> Panel:
    """The child's page is shown only to whoever may read the child (`child_get`), which is
    the chronology's own rule: the link reads nothing."""
    return Panel("chronology/panels/child_link.html", {"child": child})


CHILD_SECTIONS.register(child_chronology_link, order=5)
