"""The demo's finished routes, walked through the services: with a report (help and Veilig
Thuis, the legal ground recorded) and without (help only)."""

from __future__ import annotations

import itertools

import pytest

from schakel.consent.models import LegalGround, LegalGroundKind
from schakel.demo.meldcode import demo_meldcode_route_finished
from schakel.meldcode.models import RouteStatus
from tests.meldcode.conftest import MeldcodeWorld

pytestmark = pytest.mark.django_db


def test_a_finished_route_with_a_report(mc: MeldcodeWorld) -> None:
    route = demo_meldcode_route_finished(case=mc.world.case, runner=mc.runner,
                                         officer=mc.officer, veilig_thuis=mc.veilig_thuis,
                                         report=True)
    assert route.status == RouteStatus.FINISHED
    steps = list(route.steps.order_by("step"))
    assert [s.step for s in steps] == [1, 2, 3, 4, 5]
    assert steps[3].unsafety is True
    assert steps[4].help_organised
    assert steps[4].reported
    assert mc.officer.full_name in steps[1].findings
    assert LegalGround.objects.filter(kind=LegalGroundKind.MELDCODE,
                                      organisation=mc.veilig_thuis).count() == 3
    assert all(a.performed_on <= b.performed_on for a, b in itertools.pairwise(steps))
    # A second load changes nothing.
    again = demo_meldcode_route_finished(case=mc.world.case, runner=mc.runner,
                                         officer=mc.officer, veilig_thuis=mc.veilig_thuis,
                                         report=True)
    assert again == route
    assert LegalGround.objects.count() == 3


def test_a_finished_route_with_help_only(mc: MeldcodeWorld) -> None:
    route = demo_meldcode_route_finished(case=mc.world.case, runner=mc.runner,
                                         officer=mc.officer, veilig_thuis=mc.veilig_thuis,
                                         report=False)
    decision = route.steps.get(step=5)
    assert route.status == RouteStatus.FINISHED
    assert decision.help_organised
    assert not decision.reported
    assert route.steps.get(step=4).unsafety is False
    assert not LegalGround.objects.exists()
