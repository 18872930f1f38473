"""The size and seed of a generated region."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.utils import timezone

USERNAME_PREFIX = "gen-"
# BRIN codes of generated schools start with "G"; the demo world uses "00DM..".
BRIN_PREFIX = "G"
# Education numbers of generated pupils start with 2; the demo world's with 1.
EDUCATION_NUMBER_BASE = 200_000_000
CASE_REFERENCE_PREFIX = "GEN-"


@dataclass(frozen=True)
class RegionSize:
    """Defaults: the Twente of seed 004, about 90,000 pupils in about 300 school locations."""

    schools: int = 300
    pupils: int = 90_000
    professionals: int = 3_000
    cases: int = 9_000
    audit_rows: int = 1_000_000
    signals: int = 20_000
    seed: int = 1
    batch_size: int = 5_000
    today: dt.date | None = None  # defaults to today; fixed in tests

    def day(self) -> dt.date:
        return self.today or timezone.localdate()

    def rng(self, phase: str) -> random.Random:
        """One generator per phase, so that changing one count leaves the other phases
        as they were."""
        return random.Random(f"{self.seed}:{phase}")

    def staff_per_school(self) -> int:
        """School staff per school (its contact point included); the rest of the
        professionals work in care, the municipality, welfare and child protection."""
        return max(1, min(6, self.professionals // (2 * max(1, self.schools))))

    def validate(self) -> list[str]:
        problems = []
        if self.schools < 3:
            problems.append("at least 3 schools (one PO, one VO, one MBO)")
        if self.pupils < self.schools:
            problems.append("at least one pupil per school")
        if self.professionals - self.staff_per_school() * self.schools < 2:
            problems.append("at least two care professionals besides the school staff")
        if self.cases > self.pupils:
            problems.append("no more cases than pupils")
        if self.batch_size < 1:
            problems.append("a positive batch size")
        if min(self.cases, self.audit_rows, self.signals) < 0:
            problems.append("no negative counts")
        return problems
