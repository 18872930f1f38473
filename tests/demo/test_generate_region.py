"""The generated region: requested counts, deterministic, no clash with the demo world."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count

from schakel.access import policy
from schakel.access.actor import actor_for_user
from schakel.accounts.models import User
from schakel.audit.models import AccessEvent
from schakel.audit.selectors import access_log_verify
from schakel.cases.models import Agreement, Case, Involvement, PlanStepEntry
from schakel.children.models import Child
from schakel.consent.models import Consent
from schakel.demo.generator import RegionAlreadyGenerated, RegionSize, region_generate
from schakel.demo.loader import demo_world_load
from schakel.organisations.models import Professional, School, SchoolType
from schakel.signals.models import Signal

pytestmark = pytest.mark.django_db

TINY = RegionSize(schools=6, pupils=300, professionals=40, cases=30, audit_rows=500,
                  signals=60, seed=7, batch_size=50, today=dt.date(2026, 11, 20))


def _generated_counts() -> dict[str, int]:
    return {
        "schools": School.objects.filter(brin__startswith="G").count(),
        "pupils": Child.objects.filter(education_number__startswith="2").count(),
        "professionals": Professional.objects.filter(user__username__startswith="gen-").count(),
        "cases": Case.objects.filter(reference__startswith="GEN-").count(),
        "signals": Signal.objects.count(),
        "audit_rows": AccessEvent.objects.count(),
    }


def _fingerprint() -> str:
    """The generated region by natural keys (not primary keys, which differ per run)."""
    parts: list[object] = []
    for case in Case.objects.order_by("reference").select_related(
            "child", "family", "school", "coordinator__user"):
        parts.append((
            case.reference, case.title, case.status, case.school.brin, case.opened_at,
            case.child.education_number if case.child else case.family.name,  # type: ignore[union-attr]
            case.coordinator.user.username if case.coordinator else None,
            sorted(case.involvements.values_list("professional__user__username", "end_date")),
            sorted(case.agreements.values_list("owner__user__username", "due_date", "status")),
            case.plan_entries.count(),
        ))
    parts.append(list(Child.objects.order_by("education_number").values_list(
        "education_number", "first_name", "last_name", "birth_date")))
    parts.append(list(AccessEvent.objects.order_by("pk").values_list(
        "occurred_at", "event_code", "user_name", "object_type", "outcome")))
    parts.append(sorted(Signal.objects.values_list(
        "school__brin", "level", "theme__code", "status", "raised_at")))
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def test_the_requested_counts() -> None:
    counts = region_generate(TINY)
    expected = {"schools": 6, "pupils": 300, "professionals": 40, "cases": 30,
                "signals": 60, "audit_rows": 500}
    assert counts == expected
    assert _generated_counts() == expected
    types = set(School.objects.values_list("school_type", flat=True))
    assert types == {SchoolType.PO, SchoolType.VO, SchoolType.MBO}


def test_cases_have_a_team_agreements_and_a_plan() -> None:
    region_generate(TINY)
    sizes = Involvement.objects.values("case").annotate(n=Count("pk")).values_list("n", flat=True)
    assert set(sizes) <= set(range(2, 8))
    assert len(sizes) == TINY.cases
    for case in Case.objects.exclude(coordinator=None):
        assert case.involvements.filter(professional=case.coordinator,
                                        end_date__isnull=True).exists()
    for agreement in Agreement.objects.select_related("case"):
        assert agreement.case.involvements.filter(professional=agreement.owner_id).exists()
    assert Agreement.objects.exists()
    assert PlanStepEntry.objects.exists()
    assert access_log_verify().intact


def test_the_same_seed_gives_the_same_region() -> None:
    fingerprints = []
    for _ in range(2):
        with transaction.atomic():
            region_generate(TINY)
            fingerprints.append(_fingerprint())
            transaction.set_rollback(True)
    assert fingerprints[0] == fingerprints[1]
    with transaction.atomic():
        region_generate(RegionSize(**{**TINY.__dict__, "seed": 8}))
        assert _fingerprint() != fingerprints[0]
        transaction.set_rollback(True)


def test_a_second_region_in_the_same_database_is_refused() -> None:
    region_generate(TINY)
    with pytest.raises(RegionAlreadyGenerated):
        region_generate(TINY)


def test_the_region_and_the_demo_world_live_side_by_side() -> None:
    demo_world_load()
    demo_users = User.objects.count()
    call_command("generate_region", schools=5, pupils=100, professionals=30, cases=10,
                 audit_rows=100, signals=20, verbosity=0)
    assert User.objects.count() == demo_users + 30
    assert School.objects.filter(brin__startswith="00DM").count() == 3
    demo_world_load()  # still idempotent with the region next to it
    assert access_log_verify().intact


def test_impossible_sizes_are_a_command_error() -> None:
    with pytest.raises(CommandError, match="at least 3 schools"):
        call_command("generate_region", schools=2, pupils=10, verbosity=0)


def test_everyone_involved_may_read_their_case() -> None:
    """Consents for every organisation besides the school that holds the file."""
    region_generate(TINY)
    checked = 0
    for case in Case.objects.select_related("child", "family", "opened_by"):
        for involvement in case.involvements.filter(end_date__isnull=True).exclude(
                case__status="closed").select_related("professional__user"):
            assert policy.may_read_case(actor_for_user(involvement.professional.user), case)
            checked += 1
    assert checked > TINY.cases
    assert Consent.objects.exists()
    assert not Consent.objects.filter(signatures__isnull=True).exists()
