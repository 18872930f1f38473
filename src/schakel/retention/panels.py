"""The Verwijsindex question on the case page's overview (see `http.panels`)."""

from __future__ import annotations

from schakel.access.actor import Actor
from schakel.cases.panels import CASE_NOTICES, CasePage
from schakel.http.panels import Panel
from schakel.retention.selectors import verwijsindex_question_due


def verwijsindex_prompt(actor: Actor, page: CasePage) -> Panel | None:
    if not (page.can_contribute and verwijsindex_question_due(page.case)):
        return None
    return Panel("retention/panels/verwijsindex_prompt.html", {"case": page.case})


CASE_NOTICES.register(verwijsindex_prompt, order=10)
