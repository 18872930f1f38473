"""Plain words for the rows of the access log: what was done with which part of a child's
file, on which ground and basis. The privacy officer's viewer and the parents' log in the
portal both read them from here, so a code is put into words once."""

from __future__ import annotations

import re

from django.apps import apps
from django.utils.functional import Promise
from django.utils.translation import gettext as _, gettext_lazy

from schakel.access.policy import ROLE_PARENT, ROLE_YOUNG_PERSON, Ground
from schakel.audit.basis import basis_of, ground_parts
from schakel.audit.models import AccessEvent, Action, Basis, Outcome
from schakel.consent.models import LegalGroundKind

OBJECT_LABELS: dict[str, Promise] = {
    "audit.accessevent": gettext_lazy("the access log"),
    "cases.case": gettext_lazy("the case"),
    "cases.handover": gettext_lazy("a hand-over"),  # rows from before 2 December 2026
    "children.child": gettext_lazy("the child's details"),
    "children.measure": gettext_lazy("a measure"),
    "children.search": gettext_lazy("a search for children (its kind, not its text)"),
    "consent.consent": gettext_lazy("consent"),
    "consent.legalground": gettext_lazy("a legal ground"),
    "handover.handover": gettext_lazy("a hand-over"),
    "portal.correctionrequest": gettext_lazy("a correction request"),
    "portal.pendingconsent": gettext_lazy("consent waiting for a signature"),
    "retention.destructionrequest": gettext_lazy("a destruction request"),
    "retention.retentionaction": gettext_lazy("the end of a retention period"),
    "signals.signal": gettext_lazy("a signal"),
    "patterns.pattern": gettext_lazy("a rode draad"),
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
    Ground.INVITED: gettext_lazy("invited to the meeting"),
    Ground.TRUANCY_REPORTING: gettext_lazy("truancy report (Leerplichtwet art. 21a)"),
    Ground.HANDOVER_SENDER: gettext_lazy("sent the hand-over"),
    Ground.HANDOVER_RECEIVER: gettext_lazy("received the hand-over"),
    Ground.MELDCODE_RUNNER: gettext_lazy("runs the Meldcode route"),
    Ground.MELDCODE_OFFICER: gettext_lazy("Meldcode officer (aandachtsfunctionaris)"),
    Ground.DIALOGUE_CHAIR: gettext_lazy("chair of the dialogue table"),
    Ground.DIALOGUE_PARTICIPANT: gettext_lazy("took part in the dialogue table"),
    Ground.PROFESSIONAL: gettext_lazy("a professional"),
    Ground.POLICY_OFFICER: gettext_lazy("policy officer of the school's municipality"),
    Ground.STEERING_GROUP: gettext_lazy("steering group of the school"),
    Ground.MANAGEMENT: gettext_lazy("management of the school"),
    Ground.TEAM_MEMBER: gettext_lazy("member of the team"),
    Ground.EMERGENCY: gettext_lazy("emergency access"),
    Ground.LISTED: gettext_lazy("shown in a list of what they may see"),
    "file_holder": gettext_lazy("organisation that holds the file"),
    "awaiting_consent": gettext_lazy("waiting for consent (no content)"),
}

BASIS_CSS: dict[str, str] = {
    Basis.EMERGENCY: "log-row--emergency",
}
DENIED_CSS = "log-row--denied"


def object_label(object_type: str) -> str:
    """E.g. "the case"; an unknown type by its model's name, else as stored."""
    label = OBJECT_LABELS.get(object_type)
    if label is not None:
        return str(label)
    try:
        return str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return object_type


def what_text(event: AccessEvent) -> str:
    """E.g. "Read: the case"; a refused attempt says so."""
    action = Action(event.action).label if event.action in Action.values else event.action
    text = f"{action}: {object_label(event.object_type)}"
    if event.outcome == Outcome.DENIED:
        text += " " + _("(refused)")
    return text


def _source_text(part: str) -> str:
    kind, _sep, _number = part.partition(" #")
    if kind == "consent":
        return _("with consent")
    if kind in LegalGroundKind.values:
        return str(LegalGroundKind(kind).label)
    return str(GROUND_LABELS.get(kind, part))


def ground_text(ground: str, *, outcome: str = Outcome.SUCCESS) -> str:
    """E.g. "involved in the case; with consent"; a refusal had no ground."""
    if outcome == Outcome.DENIED:
        return _("none: access was refused")
    if not ground:
        return _("not recorded")
    relationship, _kinds = ground_parts(ground)
    rest = ground.partition("; ")[2]
    words = [str(GROUND_LABELS.get(relationship, relationship))]
    words += [_source_text(part.strip()) for part in re.split(r"[;,]", rest) if part.strip()]
    return "; ".join(dict.fromkeys(words))


def basis_value(event: AccessEvent) -> str:
    """The row's coded basis; for rows from before it was recorded, derived from the ground
    the same way the writer codes it."""
    if event.outcome == Outcome.DENIED:
        return ""
    return event.basis or basis_of(
        event.ground, portal=not event.organisation_name and event.user_function in _PORTAL)


# The roles the portal writes as the user's function (`policy.portal`).
_PORTAL = frozenset({ROLE_PARENT, ROLE_YOUNG_PERSON})


def basis_label(event: AccessEvent) -> str:
    value = basis_value(event)
    return str(Basis(value).label) if value in Basis.values else ""


def row_css(event: AccessEvent) -> str:
    """The class of a row that needs the reader's eye: a refusal or an emergency access."""
    if event.outcome == Outcome.DENIED:
        return DENIED_CSS
    return BASIS_CSS.get(basis_value(event), "")
