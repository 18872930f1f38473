"""The coded basis of an access (NEN 7513) from the ground the access policy decided on.

A decision's ground as logged (`Decision.log_ground`) is the relationship, then the sources
used across organisations: "involved; consent #12", "coordinator; file_holder",
"log_administrator", "emergency; emergency #3". The coded basis is the strongest of them:
an emergency access is one whatever else holds; a consent or legal ground used across
organisations is the basis of that access (Jeugdwet 7.3.11); the organisation's own file or
an involvement is the treatment relationship; the log and accounts are administration; the
portal is the client's own file (a parent without custody reads on BW 1:377c, a legal
ground)."""

from __future__ import annotations

import re

from schakel.access.policy import GROUND_CONSENT, Ground
from schakel.audit.models import Basis
from schakel.consent.models import LegalGroundKind

# A system client acts for its own organisation's administration (the pupil administration).
_ADMINISTRATION = frozenset({
    Ground.LOG_ADMINISTRATOR, Ground.ACCOUNT_ADMINISTRATOR, Ground.SYSTEM_CLIENT})
_OWN_DATA = frozenset({
    Ground.PARENT_WITH_CUSTODY, Ground.YOUNG_PERSON, Ground.SHARED_BY_YOUNG_PERSON})
_PORTAL_LEGAL = frozenset({Ground.PARENT_WITHOUT_CUSTODY})


def ground_parts(ground: str) -> tuple[str, list[str]]:
    """The relationship and the kinds of the sources of a logged ground ("consent",
    "truancy_reporting", "file_holder"), without their numbers."""
    relationship, _sep, rest = ground.partition("; ")
    kinds = [part.strip().partition(" #")[0] for part in re.split(r"[;,]", rest)
             if part.strip()]
    return relationship.strip(), kinds


def basis_of(ground: str, *, portal: bool = False) -> str:
    """The `Basis` value of a logged ground; "" for no ground (a refusal). `portal`: the
    actor is a parent or young person, not a professional."""
    if not ground:
        return ""
    relationship, kinds = ground_parts(ground)
    if relationship == Ground.EMERGENCY or Ground.EMERGENCY in kinds:
        return Basis.EMERGENCY
    if relationship in _ADMINISTRATION:
        return Basis.ADMINISTRATION
    if relationship in _PORTAL_LEGAL:
        return Basis.LEGAL_GROUND
    if relationship in _OWN_DATA or portal:
        return Basis.OWN_DATA
    if GROUND_CONSENT in kinds:
        return Basis.CONSENT
    if any(kind in LegalGroundKind.values for kind in kinds):
        return Basis.LEGAL_GROUND
    return Basis.TREATMENT
