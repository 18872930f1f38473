"""The case status transitions, as an explicit table checked inside the services."""

from __future__ import annotations

from django.utils.translation import gettext as _

from schakel.cases.models import CaseStatus


class TransitionNotAllowed(Exception):
    pass


TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.OPEN: frozenset({CaseStatus.ESCALATED, CaseStatus.CLOSED}),
    CaseStatus.ESCALATED: frozenset({CaseStatus.OPEN, CaseStatus.ESCALATED, CaseStatus.CLOSED}),
    CaseStatus.CLOSED: frozenset(),
}


def check_transition(current: str, target: CaseStatus) -> None:
    if target not in TRANSITIONS[CaseStatus(current)]:
        raise TransitionNotAllowed(
            _("A case that is %(current)s cannot become %(target)s.")
            % {"current": CaseStatus(current).label, "target": target.label}
        )
