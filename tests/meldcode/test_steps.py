"""The five steps in the order of `STEP_ORDER`: each once, none skipped, recorded with date,
who and findings; anything out of order is a Dutch ValidationError and stores nothing."""

from __future__ import annotations

import itertools

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from hypothesis import HealthCheck, given, settings, strategies as st

from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent
from schakel.meldcode.models import MeldcodeRoute, MeldcodeStepRecord, RouteStatus, RouteStep
from schakel.meldcode.services import meldcode_route_start, meldcode_step_record
from schakel.meldcode.steps import STEP_ORDER, next_step
from tests.factories import CaseFactory, SignalFactory, actor_for
from tests.meldcode.conftest import (
    MeldcodeWorld,
    days_ago,
    record,
    step_input,
    walk_to,
)

pytestmark = pytest.mark.django_db

ORDER = [int(step) for step in STEP_ORDER]


def test_the_order_is_the_meldcode_s() -> None:
    assert ORDER == [1, 2, 3, 4, 5]
    assert next_step([]) == RouteStep.SIGNALS
    assert next_step([1, 2]) == RouteStep.CONVERSATION
    assert next_step(ORDER) is None


def test_five_steps_in_order_finish_the_route(mc: MeldcodeWorld) -> None:
    route = mc.start()
    assert route.status == RouteStatus.OPEN
    walk_to(mc, route, 5)
    route.refresh_from_db()
    assert route.status == RouteStatus.FINISHED
    assert route.finished_at is not None
    steps = list(route.steps.order_by("step"))
    assert [s.step for s in steps] == ORDER
    assert all(s.recorded_by == mc.runner and s.findings for s in steps)
    assert steps[3].unsafety is False
    assert steps[3].suspicion is True
    logged = AccessEvent.objects.filter(event_code=EventCode.MELDCODE_STEP,
                                        child_id=mc.world.child.pk, user_id=mc.runner.user_id)
    assert logged.count() == 5
    assert AccessEvent.objects.filter(event_code=EventCode.MELDCODE_START).count() == 1


def _attempt(mc: MeldcodeWorld, route: MeldcodeRoute, step: int) -> bool:
    try:
        record(mc, route, step)
    except ValidationError:
        return False
    return True


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(ORDER).filter(lambda order: order != ORDER))
def test_any_other_order_is_refused_and_stores_nothing(mc: MeldcodeWorld,
                                                        order: list[int]) -> None:
    """Walking the steps in `order`: each step that is not the next one is refused, and the
    refusal leaves the route as it was."""
    route = MeldcodeRoute.objects.create(case=mc.world.case, runner=mc.runner,
                                         started_at=timezone.now())
    refused = 0
    for step in order:
        before = list(route.steps.values_list("step", flat=True).order_by("step"))
        expected = next_step(before)
        accepted = _attempt(mc, route, step)
        after = list(route.steps.values_list("step", flat=True).order_by("step"))
        assert accepted == (step == expected)
        assert after == (sorted([*before, step]) if accepted else before)
        refused += not accepted
    assert refused >= 1
    route.refresh_from_db()
    assert route.status == RouteStatus.OPEN


def test_a_skipped_step_says_which_comes_first(mc: MeldcodeWorld) -> None:
    route = mc.start()
    with pytest.raises(ValidationError) as refusal:
        record(mc, route, 3)
    assert "first record step 1" in str(refusal.value)
    assert not route.steps.exists()


def test_a_step_is_recorded_once(mc: MeldcodeWorld) -> None:
    route = mc.start()
    record(mc, route, 1)
    with pytest.raises(ValidationError, match="recorded already"):
        record(mc, route, 1)
    assert route.steps.count() == 1


def test_a_finished_route_takes_no_step(mc: MeldcodeWorld) -> None:
    route = mc.start()
    walk_to(mc, route, 5)
    route.refresh_from_db()
    with pytest.raises(Http404):  # only an unfinished route is recorded in
        record(mc, route, 5)
    assert route.steps.count() == 5


@pytest.mark.parametrize(("step", "overrides", "field"), [
    (1, {"findings": "  "}, "findings"),
    (1, {"performed_on": days_ago(-1)}, "performed_on"),
    (4, {"answers": {"suspicion": True}}, "unsafety"),
    (5, {"help_organised": False}, "help_organised"),
])
def test_bad_input_is_refused_beside_its_field(mc: MeldcodeWorld, step: int,
                                               overrides: dict[str, object], field: str) -> None:
    route = mc.start()
    walk_to(mc, route, step - 1)
    with pytest.raises(ValidationError) as refusal:
        record(mc, route, step, **overrides)
    assert field in refusal.value.message_dict
    assert route.steps.count() == step - 1


def test_a_step_cannot_lie_before_the_previous_one(mc: MeldcodeWorld) -> None:
    route = mc.start()
    record(mc, route, 1, performed_on=days_ago(3))
    with pytest.raises(ValidationError) as refusal:
        record(mc, route, 2, performed_on=days_ago(5))
    assert "performed_on" in refusal.value.message_dict
    assert route.steps.count() == 1


def test_only_the_runner_records_a_step(mc: MeldcodeWorld) -> None:
    route = mc.start()
    for other in (mc.officer, mc.privacy, mc.world.nurse):
        with pytest.raises(Http404):
            meldcode_step_record(actor=actor_for(other), route=route, **step_input(1))
    assert not MeldcodeStepRecord.objects.exists()
    assert AccessEvent.objects.filter(event_code=EventCode.MELDCODE_STEP,
                                      outcome="denied").count() == 3


def test_starting_from_a_signal_of_the_case(mc: MeldcodeWorld) -> None:
    signal = SignalFactory(school=mc.world.school, child=mc.world.child,
                           raised_by=mc.world.teacher, case=mc.world.case)
    route = meldcode_route_start(actor=actor_for(mc.runner), case=mc.world.case, signal=signal)
    assert route.signal == signal
    assert route.case == mc.world.case


def test_a_signal_without_this_case_is_refused(mc: MeldcodeWorld) -> None:
    """The world's signal is linked to no case: the route belongs to the child's case, so
    the signal is linked to it first."""
    with pytest.raises(ValidationError) as refusal:
        meldcode_route_start(actor=actor_for(mc.runner), case=mc.world.case,
                             signal=mc.world.signal)
    assert "signal" in refusal.value.message_dict
    assert not MeldcodeRoute.objects.exists()


def test_one_unfinished_route_per_runner_and_case(mc: MeldcodeWorld) -> None:
    mc.start()
    with pytest.raises(ValidationError, match="continue that one"):
        mc.start()
    assert MeldcodeRoute.objects.count() == 1


def test_a_family_case_takes_no_route(mc: MeldcodeWorld) -> None:
    family_case = CaseFactory(child=None, family=mc.world.family, school=mc.world.school,
                              coordinator=mc.runner, opened_by=mc.runner)
    with pytest.raises(ValidationError, match="one child"):
        meldcode_route_start(actor=actor_for(mc.runner), case=family_case)
    assert not MeldcodeRoute.objects.exists()


def test_whoever_may_not_contribute_starts_none(mc: MeldcodeWorld) -> None:
    for other in (mc.officer, mc.world.teacher, mc.world.outsider):
        with pytest.raises(Http404):
            meldcode_route_start(actor=actor_for(other), case=mc.world.case)
    assert not MeldcodeRoute.objects.exists()


def test_the_order_table_is_complete() -> None:
    assert set(STEP_ORDER) == set(RouteStep)
    assert all(a < b for a, b in itertools.pairwise(ORDER))
