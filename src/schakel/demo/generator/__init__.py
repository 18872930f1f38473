"""A generated region of realistic size for analytics and load tests (DESIGN §5).

This is load data: rows are written with `bulk_create` in batches, not through the services,
so nothing here is checked by the access policy or notified. Deterministic for a seed and a
day. Generated rows never clash with the demo world: BRIN codes start with "G", usernames
with "gen-", education numbers with 2, case references with "GEN-".
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

from django.db import transaction

from schakel.accounts.models import User
from schakel.demo.generator.audit_rows import audit_generate
from schakel.demo.generator.bulk import wide_sqlite_batches
from schakel.demo.generator.cases import cases_generate
from schakel.demo.generator.config import USERNAME_PREFIX, RegionSize
from schakel.demo.generator.consents import consents_generate
from schakel.demo.generator.organisations import organisations_generate
from schakel.demo.generator.pupils import pupils_generate
from schakel.demo.generator.signal_rows import signals_generate

__all__ = ["RegionAlreadyGenerated", "RegionSize", "region_generate"]


class RegionAlreadyGenerated(Exception):
    pass


def region_generate(size: RegionSize,
                    progress: Callable[[str, float], None] | None = None) -> dict[str, int]:
    """Generate the region in one transaction; returns the counts written."""
    problems = size.validate()
    if problems:
        raise ValueError("; ".join(problems))
    if User.objects.filter(username__startswith=USERNAME_PREFIX).exists():
        raise RegionAlreadyGenerated(
            "This database already holds a generated region; use a fresh database.")
    size = dataclasses.replace(size, today=size.day())
    report = progress or (lambda _phase, _seconds: None)
    started = time.monotonic()

    def step(phase: str) -> None:
        nonlocal started
        report(phase, time.monotonic() - started)
        started = time.monotonic()

    with transaction.atomic(), wide_sqlite_batches():
        region = organisations_generate(size)
        step("organisations, schools, professionals, teams")
        pupils = pupils_generate(region, size)
        step("families, pupils, guardians, enrolments")
        drafts = cases_generate(region, pupils, size)
        step("cases and their content")
        consents_generate(pupils, drafts, size)
        step("consents")
        signals = signals_generate(region, pupils, drafts, size)
        step("signals")
        audit = audit_generate(region, pupils, drafts, size)
        step("access log")
    return {
        "schools": len(region.schools), "pupils": sum(len(p) for p in pupils.by_school),
        "professionals": len(region.professionals), "cases": len(drafts),
        "signals": signals, "audit_rows": audit,
    }
