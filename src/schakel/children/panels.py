"""The places on the child's page where higher apps add their sections (see `http.panels`):
the child's signals (`signals`) and cases (`cases`)."""

from __future__ import annotations

from schakel.children.models import Child
from schakel.http.panels import PanelSlot

CHILD_SECTIONS: PanelSlot[Child] = PanelSlot("sections of the child's page")
