"""The demo's school profiles show figures: the monitor of every demo school, read by the
municipality's policy officer and the school's core team, with small counts suppressed."""

from __future__ import annotations

import pytest
from django.utils import timezone

from schakel.access.actor import actor_for_user
from schakel.accounts.models import User
from schakel.aggregates import Shown
from schakel.demo.loader import demo_world_load
from schakel.schoolprofile.models import MonitorSnapshot
from schakel.schoolprofile.selectors import school_profile_get

pytestmark = pytest.mark.django_db


def test_the_demo_schools_have_their_monitor_figures() -> None:
    world = demo_world_load()
    assert MonitorSnapshot.objects.count() == 3
    officer = actor_for_user(User.objects.get(username="beleid.demo"))
    school = world.cast.places.schools["vo"]
    profile = school_profile_get(actor=officer, school_id=school.pk,
                                 today=timezone.localdate())
    pupils = next(part for part in profile.monitor if part.total.key == "leerlingen")
    assert pupils.total.text == "864"
    shown = {row.label: row.figures[0].shown for row in pupils.rows}
    assert shown["Enschede"] == Shown.SMALL
    assert shown["Hof van Twente"] == Shown.HIDDEN
    assert profile.tier_rows, "the attendance tiers of the completed weeks"
    core = actor_for_user(User.objects.get(username="zorgcoordinator.demo"))
    assert school_profile_get(actor=core, school_id=school.pk, today=timezone.localdate())
