"""The Meldcode world on top of `tests.conftest.World`: the school's IB'er (the file holder's
professional) is involved in Bas's case and runs the route; the school has an
aandachtsfunctionaris and a privacy officer; there is a Veilig Thuis."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from schakel.meldcode.models import MeldcodeRoute, MeldcodeStepRecord, RouteStep
from schakel.meldcode.services import meldcode_route_start, meldcode_step_record
from schakel.organisations.models import Organisation, Professional
from tests.conftest import World
from tests.factories import InvolvementFactory, OrganisationFactory, ProfessionalFactory, actor_for


@dataclass
class MeldcodeWorld:
    world: World
    runner: Professional
    officer: Professional
    privacy: Professional
    veilig_thuis: Organisation

    def start(self) -> MeldcodeRoute:
        return meldcode_route_start(actor=actor_for(self.runner), case=self.world.case)


def days_ago(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


ANSWERS_SAFE = {"suspicion": True, "unsafety": False, "can_help": True, "help_accepted": True,
                "help_suffices": True}
ANSWERS_UNSAFE = {**ANSWERS_SAFE, "unsafety": True}


def step_input(step: int, **overrides: Any) -> dict[str, Any]:
    """A valid input for `step` (the decision: help organised)."""
    fields: dict[str, Any] = {"step": step, "performed_on": days_ago(10 - step),
                              "findings": f"Bevindingen van stap {step}."}
    if step == RouteStep.WEIGHING:
        fields["answers"] = ANSWERS_SAFE
    if step == RouteStep.DECISION:
        fields["help_organised"] = True
    fields.update(overrides)
    return fields


def record(mc: MeldcodeWorld, route: MeldcodeRoute, step: int,
           **overrides: Any) -> MeldcodeStepRecord:
    return meldcode_step_record(actor=actor_for(mc.runner), route=route,
                                **step_input(step, **overrides))


def walk_to(mc: MeldcodeWorld, route: MeldcodeRoute, last: int, **weighing: Any) -> None:
    """Record steps 1 to `last` (step 4 with `weighing` answers if given)."""
    for step in range(1, last + 1):
        extra = {"answers": weighing["answers"]} if step == 4 and weighing else {}
        record(mc, route, step, **extra)


@pytest.fixture
def mc(world: World) -> MeldcodeWorld:
    runner = world.core_member
    InvolvementFactory(case=world.case, professional=runner)
    officer = ProfessionalFactory(support_coordinator=True, organisation=world.school.organisation,
                                  is_meldcode_officer=True, full_name="Aafke Aandacht")
    privacy = ProfessionalFactory(log_administrator=True, organisation=world.school.organisation,
                                  full_name="Pim Privacy")
    veilig_thuis = OrganisationFactory(safety=True, name="Veilig Thuis Twente")
    return MeldcodeWorld(world, runner, officer, privacy, veilig_thuis)
