"""The engine's parameters, with their defaults and where each comes from."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, kw_only=True)
class EngineSettings:
    """Thresholds of the attendance rules (REFERENCE.md "School attendance", "Response to
    Intervention"). Keep them configurable: the Wet terugdringen schoolverzuim (Kamerstuk 36663)
    may change the reporting rules."""

    as_of: date
    # Leerplichtwet art. 21a: 16 hours of unauthorised absence within 4 consecutive school weeks.
    report_minutes: int = 960
    report_weeks: int = 4
    # True: the threshold is reached at 16 hours (>=); False: only beyond it (>).
    report_inclusive: bool = True
    # Lateness counts towards the 16 hours only when the school's profile says so.
    report_counts_late: bool = False
    # DUO: long-term relative absence is more than 4 consecutive weeks.
    long_term_weeks: int = 4
    # MISD EWS and others: no percentage before 15-21 enrolled school days.
    min_enrolled_days: int = 15
    # Bands (PowerSchool Attendance Intervention Suite; EveryDay Labs): under 5 % satisfactory,
    # 5-10 % watch, 10-20 % moderate chronic, 20 %+ severe chronic.
    band_watch: float = 0.05
    band_moderate: float = 0.10
    band_severe: float = 0.20
    # Attendance Works "3 tiers": tier 2 from 10 % (this or the prior year) or a reporting
    # event; tier 3 from 20 % (this or the prior year), long-term absence, or no improvement
    # after 6 weeks in tier 2.
    tier2_rate: float = 0.10
    tier3_rate: float = 0.20
    tier2_prior_rate: float = 0.10
    tier3_prior_rate: float = 0.20
    no_improvement_weeks: int = 6
    # Seed 004 Bijlage H: tier 1 suffices for at least 80 % of the pupils.
    school_flag_share: float = 0.80

    def __post_init__(self) -> None:
        if self.report_weeks < 1 or self.report_minutes < 1:
            raise ValueError("report_weeks and report_minutes must be positive")
        if self.long_term_weeks < 1 or self.no_improvement_weeks < 1:
            raise ValueError("long_term_weeks and no_improvement_weeks must be positive")
        if self.min_enrolled_days < 0:
            raise ValueError("min_enrolled_days must not be negative")
        if not 0 <= self.band_watch <= self.band_moderate <= self.band_severe <= 1:
            raise ValueError("the bands must rise from 0 to 1")
        if not 0 <= self.tier2_rate <= self.tier3_rate <= 1:
            raise ValueError("the tier rates must rise from 0 to 1")
        if not 0 <= self.tier2_prior_rate <= self.tier3_prior_rate <= 1:
            raise ValueError("the prior-year tier rates must rise from 0 to 1")
        if not 0 <= self.school_flag_share <= 1:
            raise ValueError("school_flag_share is a fraction")

    def sql_parameters(self) -> dict[str, str]:
        """The parameters as SQL literals, for the ${name} placeholders of the SQL files."""
        return {
            "as_of": f"DATE '{self.as_of.isoformat()}'",
            "report_minutes": str(int(self.report_minutes)),
            "report_weeks": str(int(self.report_weeks)),
            "report_cmp": ">=" if self.report_inclusive else ">",
            "report_counts_late": "TRUE" if self.report_counts_late else "FALSE",
            "long_term_weeks": str(int(self.long_term_weeks)),
            "min_enrolled_days": str(int(self.min_enrolled_days)),
            "band_watch": repr(float(self.band_watch)),
            "band_moderate": repr(float(self.band_moderate)),
            "band_severe": repr(float(self.band_severe)),
            "tier2_rate": repr(float(self.tier2_rate)),
            "tier3_rate": repr(float(self.tier3_rate)),
            "tier2_prior_rate": repr(float(self.tier2_prior_rate)),
            "tier3_prior_rate": repr(float(self.tier3_prior_rate)),
            "no_improvement_weeks": str(int(self.no_improvement_weeks)),
            "school_flag_share": repr(float(self.school_flag_share)),
        }
