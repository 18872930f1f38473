"""Plain words for the rows of the access log, as parents and young people read them: what
was done with which part of the file, and on which ground."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext as _, gettext_lazy

from schakel.access.policy import Ground
from schakel.audit.models import AccessEvent, Action, Outcome
from schakel.consent.models import LegalGroundKind

OBJECT_LABELS: dict[str, Promise] = {
    "cases.case": gettext_lazy("the case"),
    "children.child": gettext_lazy("the child's details"),
    "children.measure": gettext_lazy("a measure"),
    "consent.consent": gettext_lazy("consent"),
    "consent.legalground": gettext_lazy("a legal ground"),
    "signals.signal": gettext_lazy("a signal"),
    "audit.accessevent": gettext_lazy("the access log"),
    "portal.pendingconsent": gettext_lazy("consent waiting for a signature"),
    "portal.correctionrequest": gettext_lazy("a correction request"),
}

GROUND_LABELS: dict[str, Promise] = {
    Ground.COORDINATOR: gettext_lazy("coordinator of the case"),
    Ground.INVOLVED: gettext_lazy("involved in the case"),
    Ground.CORE_TEAM: gettext_lazy("core team of the school"),
    Ground.RAISED_BY: gettext_lazy("raised the signal"),
    Ground.LOG_ADMINISTRATOR: gettext_lazy("log administrator"),
    Ground.MEASURE_ORGANISATION: gettext_lazy("carries out the measure"),
    Ground.ACCOUNT_ADMINISTRATOR: gettext_lazy("account administrator"),
    Ground.PARENT_WITH_CUSTODY: gettext_lazy("parent with custody"),
    Ground.PARENT_WITHOUT_CUSTODY: gettext_lazy("parent without custody"),
    Ground.YOUNG_PERSON: gettext_lazy("the young person"),
    Ground.SHARED_BY_YOUNG_PERSON: gettext_lazy("shared by the young person"),
    "file_holder": gettext_lazy("organisation that holds the file"),
}


def what_text(event: AccessEvent) -> str:
    """E.g. "Read: the case"; a refused attempt says so."""
    action = Action(event.action).label if event.action in Action.values else event.action
    thing = OBJECT_LABELS.get(event.object_type, event.object_type)
    text = f"{action}: {thing}"
    if event.outcome == Outcome.DENIED:
        text += " " + _("(refused)")
    return text


def _basis_text(part: str) -> str:
    kind, _sep, _number = part.partition(" #")
    if kind == "consent":
        return _("with consent")
    if kind in LegalGroundKind.values:
        return str(LegalGroundKind(kind).label)
    return str(GROUND_LABELS.get(kind, part))


def ground_text(ground: str) -> str:
    """E.g. "involved in the case; with consent"."""
    if not ground:
        return "—"
    relationship, _sep, basis = ground.partition("; ")
    words = [str(GROUND_LABELS.get(relationship, relationship))]
    words += [_basis_text(part.strip()) for part in basis.split(",") if part.strip()]
    return "; ".join(words)
