"""A closed case is read-only: every service refuses with a ValidationError (not a 404, the
case is still readable) and nothing changes; outsiders still get the 404."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from schakel.access.actor import Actor
from schakel.cases.models import AgreementStatus, Case, EscalationLevel
from schakel.cases.selectors import case_get
from schakel.cases.services.lifecycle import (
    case_close,
    case_escalate,
    case_involve,
    case_set_coordinator,
    involvement_end,
)
from schakel.cases.services.plan import (
    agreement_create,
    agreement_set_status,
    classroom_advice_give,
    consultation_record,
    intervention_record,
    plan_step_save,
)
from tests.conftest import World, assert_nothing_changed
from tests.factories import (
    AgreementFactory,
    InvolvementFactory,
    ProfessionalFactory,
    days_ago,
    days_ahead,
    today,
)

Call = Callable[[Actor, Case, dict[str, Any]], object]

SERVICES: dict[str, Call] = {
    "case_involve": lambda a, c, x: case_involve(
        actor=a, case=c, professional=x["newcomer"], part="Hulp"),
    "involvement_end": lambda a, c, x: involvement_end(
        actor=a, involvement=x["involvement"], end_date=today()),
    "case_set_coordinator": lambda a, c, x: case_set_coordinator(
        actor=a, case=c, professional=x["worker"]),
    "case_escalate": lambda a, c, x: case_escalate(
        actor=a, case=c, level=EscalationLevel.SOT, reason="Vast"),
    "case_close": lambda a, c, x: case_close(actor=a, case=c, reason="Nogmaals"),
    "consultation_record": lambda a, c, x: consultation_record(
        actor=a, case=c, signals_seen="Signalen"),
    "plan_step_save": lambda a, c, x: plan_step_save(
        actor=a, case=c, step=1, content="Tekst"),
    "agreement_create": lambda a, c, x: agreement_create(
        actor=a, case=c, description="Bellen", owner=x["worker"], due_date=days_ahead(7)),
    "agreement_set_status": lambda a, c, x: agreement_set_status(
        actor=a, agreement=x["agreement"], status=AgreementStatus.DONE),
    "intervention_record": lambda a, c, x: intervention_record(
        actor=a, case=c, description="Training", provider="Aanbieder",
        start_date=days_ago(3)),
    "classroom_advice_give": lambda a, c, x: classroom_advice_give(
        actor=a, case=c, advice="Vaste plek"),
}


@pytest.fixture
def closed(world: World) -> tuple[Case, dict[str, Any]]:
    worker = ProfessionalFactory()
    extra: dict[str, Any] = {
        "worker": worker,
        "newcomer": ProfessionalFactory(),
        "involvement": InvolvementFactory(case=world.case, professional=worker),
        "agreement": AgreementFactory(case=world.case, owner=worker),
    }
    case_close(actor=world.actor(world.nurse), case=world.case, reason="Doelen bereikt")
    case = Case.objects.get(pk=world.case.pk)
    extra["involvement"].refresh_from_db()
    extra["agreement"].refresh_from_db()
    return case, extra


@pytest.mark.parametrize("service", SERVICES.values(), ids=SERVICES.keys())
def test_a_closed_case_refuses_every_change(world: World, closed, db_snapshot, service):
    case, extra = closed
    before = db_snapshot()
    with pytest.raises(ValidationError):
        service(world.actor(world.nurse), case, extra)
    assert_nothing_changed(before)


@pytest.mark.parametrize("service", SERVICES.values(), ids=SERVICES.keys())
def test_a_stale_copy_of_a_closed_case_changes_nothing(world: World, db_snapshot, service):
    """The case was closed after the caller loaded it: the lock inside the service sees it."""
    worker = ProfessionalFactory()
    extra: dict[str, Any] = {
        "worker": worker, "newcomer": ProfessionalFactory(),
        "involvement": InvolvementFactory(case=world.case, professional=worker),
        "agreement": AgreementFactory(case=world.case, owner=worker),
    }
    stale = Case.objects.get(pk=world.case.pk)
    case_close(actor=world.actor(world.nurse), case=world.case, reason="Klaar")
    before = db_snapshot()
    with pytest.raises(ValidationError):
        service(world.actor(world.nurse), stale, extra)
    assert_nothing_changed(before)


@pytest.mark.parametrize("service", SERVICES.values(), ids=SERVICES.keys())
def test_outsiders_still_get_404_on_a_closed_case(world: World, closed, db_snapshot,
                                                  service):
    case, extra = closed
    before = db_snapshot()
    with pytest.raises(Http404):
        service(world.actor(world.outsider), case, extra)
    assert_nothing_changed(before, denied_rows=1)


def test_a_closed_case_stays_readable(world: World, closed):
    case, _ = closed
    read, decision = case_get(actor=world.actor(world.nurse), case_id=case.pk)
    assert read.is_closed
    assert decision
