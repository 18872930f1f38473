"""The case status transitions: the table, and the services that follow it."""

from __future__ import annotations

import itertools

import pytest

from schakel.cases.models import Case, CaseStatus, EscalationLevel
from schakel.cases.services.lifecycle import case_close, case_escalate
from schakel.cases.workflow import TRANSITIONS, TransitionNotAllowed, check_transition
from tests.factories import CaseFactory, ProfessionalFactory, actor_for

ALLOWED = {
    (CaseStatus.OPEN, CaseStatus.ESCALATED),
    (CaseStatus.OPEN, CaseStatus.CLOSED),
    (CaseStatus.ESCALATED, CaseStatus.OPEN),
    (CaseStatus.ESCALATED, CaseStatus.ESCALATED),
    (CaseStatus.ESCALATED, CaseStatus.CLOSED),
}
PAIRS = list(itertools.product(CaseStatus, CaseStatus))


def test_the_table_covers_every_status():
    assert set(TRANSITIONS) == set(CaseStatus)


@pytest.mark.parametrize(("current", "target"), PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
def test_transition(current, target):
    if (current, target) in ALLOWED:
        check_transition(current.value, target)
    else:
        with pytest.raises(TransitionNotAllowed) as exc:
            check_transition(current.value, target)
        assert str(current.label) in str(exc.value)
        assert str(target.label) in str(exc.value)


def test_closed_is_final():
    assert TRANSITIONS[CaseStatus.CLOSED] == frozenset()


@pytest.mark.django_db
@pytest.mark.parametrize("start", [CaseStatus.OPEN, CaseStatus.ESCALATED])
def test_services_escalate_and_close_from_open_and_escalated(start):
    nurse = ProfessionalFactory()
    case = CaseFactory(status=start, coordinator=nurse, consented=True)
    case_escalate(actor=actor_for(nurse), case=case, level=EscalationLevel.SOT, reason="r")
    assert Case.objects.get(pk=case.pk).status == CaseStatus.ESCALATED
    case_close(actor=actor_for(nurse), case=case, reason="r")
    assert Case.objects.get(pk=case.pk).status == CaseStatus.CLOSED
