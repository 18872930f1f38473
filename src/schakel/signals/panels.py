"""The signals section of the child's page (see `http.panels`)."""

from __future__ import annotations

from schakel.access.actor import Actor
from schakel.children.models import Child
from schakel.children.panels import CHILD_SECTIONS
from schakel.http.panels import Panel
from schakel.signals.selectors import signals_for_child


def child_signals(actor: Actor, child: Child) -> Panel:
    return Panel("signals/panels/child_signals.html",
                 {"signals": signals_for_child(actor=actor, child_id=child.pk)})


CHILD_SECTIONS.register(child_signals, order=10)
