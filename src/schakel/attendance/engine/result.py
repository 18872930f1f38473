from dataclasses import dataclass

import pyarrow as pa


@dataclass(frozen=True)
class EngineResult:
    """The engine's outputs as Arrow tables (columns: ATTENDANCE_CONTRACT, queries.OUTPUTS)."""

    weekly: pa.Table
    rates: pa.Table
    reporting_events: pa.Table
    long_term: pa.Table
    patterns: pa.Table
    tiers: pa.Table
    school_flags: pa.Table

    def tables(self) -> dict[str, pa.Table]:
        return {
            "weekly": self.weekly,
            "rates": self.rates,
            "reporting_events": self.reporting_events,
            "long_term": self.long_term,
            "patterns": self.patterns,
            "tiers": self.tiers,
            "school_flags": self.school_flags,
        }
