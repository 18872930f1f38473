"""The Markdown report of `load.py`: one row per step, one per request of each step, the
errors, and the targets."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

TARGET_P95_MS = 500
TARGET_USERS = 64
TARGET_SYNC_S = 5.0
NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}


@dataclass
class Step:
    database: str
    kind: str  # "pages" or "api"
    users: int
    think: str  # "1,3" (seconds, uniform) or "0"
    sync_index: int = 0
    rows: list[dict[str, str]] = field(default_factory=list)
    failures: list[dict[str, str]] = field(default_factory=list)
    workers: int = 0
    rss_max_mb: float = 0.0
    rss_total_max_mb: float = 0.0

    @property
    def total(self) -> dict[str, str]:
        return next(r for r in self.rows if r["Name"] == "Aggregated")

    @property
    def think_text(self) -> str:
        return "none" if self.think == "0" else f"{self.think.replace(',', ' to ')} s"

    def head(self) -> str:
        return (f"| {NAMES[self.database]} | {self.kind} | {self.users} | {self.think_text} |")


def _number(row: dict[str, str], column: str) -> float:
    """A figure of Locust's CSV; "N/A" (no request of the kind) as infinity."""
    value = row.get(column, "")
    return float("inf") if value in ("", "N/A") else float(value)


def _ms(row: dict[str, str], column: str) -> str:
    value = row.get(column, "")
    return "-" if value in ("", "N/A") else f"{float(value):,.0f}"


def _figures(row: dict[str, str]) -> str:
    return (f"{int(row['Request Count']):,} | {float(row['Requests/s']):.1f} | "
            f"{_ms(row, '50%')} | {_ms(row, '95%')} | {_ms(row, '99%')} | "
            f"{_ms(row, 'Max Response Time')} | {int(row['Failure Count']):,} |")


def _target_lines(steps: list[Step]) -> list[str]:
    lines = []
    at_target = [s for s in steps if s.database == "postgresql" and s.kind == "pages"
                 and s.users == TARGET_USERS and s.think != "0"]
    if at_target:
        total = at_target[0].total
        p95, errors = _number(total, "95%"), int(total["Failure Count"])
        met = p95 <= TARGET_P95_MS and errors == 0
        lines.append(f"- Pages, PostgreSQL, {TARGET_USERS} users with think time: p95 "
                     f"{p95:,.0f} ms and {errors} errors (target p95 ≤ {TARGET_P95_MS} ms, 0 "
                     f"errors) — {'met' if met else 'NOT met'}.")
    else:
        lines.append(f"- Pages at {TARGET_USERS} users: not measured in this run.")
    if not any(r["Name"].startswith("pupil sync") and int(r["Request Count"])
               for s in steps if s.kind == "api" for r in s.rows):
        lines.append("- Pupil sync: no synchronisation finished in this run.")
    syncs = [(s, r) for s in steps if s.database == "postgresql" and s.kind == "api"
             for r in s.rows if r["Name"].startswith("pupil sync")]
    if syncs:
        alone = [_number(r, "Max Response Time") / 1000 for s, r in syncs if s.users == 1]
        worst = max(_number(r, "Max Response Time") / 1000 for _s, r in syncs)
        if alone:
            lines.append(
                f"- Pupil sync of 1,500 pupils, PostgreSQL, alone (1 API user): at most "
                f"{max(alone):.1f} s (target < {TARGET_SYNC_S:.0f} s) — "
                f"{'met' if max(alone) < TARGET_SYNC_S else 'NOT met'}; slowest in any step "
                f"(beside the signal clients): {worst:.1f} s.")
    return lines


def report_text(runs: list[dict[str, Any]], *, total_s: float, command: str, duration: int,
                sizes: str, machine: str) -> str:
    steps: list[Step] = [step for run in runs for step in run["steps"]]
    workers = max((s.workers for s in steps), default=0)
    lines = [
        "# Load test (Locust against the production configuration)",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} with `{command}`; the whole run took "
        f"{total_s / 60:.1f} min (region generation included). {machine}. Locust ran on the "
        "same machine and took CPU from the server too.",
        "",
        f"Region: {sizes}. gunicorn with `deploy/gunicorn.conf.py` and "
        f"`schakel.settings.production` ({workers} sync workers, one thread each), a "
        "`db_worker` beside it; requests straight to gunicorn with `X-Forwarded-Proto: https`. "
        f"Each step ran {duration} s (users started at users/4 per second; at the end each "
        "user finished its request), after 10 s of warm-up. "
        "RSS: the gunicorn workers' resident memory, sampled every second: the largest "
        "worker, and all workers together.",
        "",
    ]
    for run in runs:
        generation = run["generation"]
        made = ("reused from an earlier run" if "reused" in generation else
                f"generated in {sum(v for k, v in generation.items() if k != 'migrate'):.0f} s")
        signal = sum(1 for p in run["pages"] if p["signal"])
        lines.append(
            f"- {NAMES[run['database']]}: region {made}; page users are {len(run['pages'])} "
            f"different generated professionals nearest the median number of open cases "
            f"({run['median_cases']:g}), {signal} of them may raise a signal; "
            f"in the gunicorn log: 'database is locked' {run['locked']} times, WORKER TIMEOUT "
            f"(a request killed after 30 s) {run['timeouts']} times.")
    lines += [
        "",
        "| database | scenario | users | think time | requests | requests/s | median (ms) | "
        "p95 (ms) | p99 (ms) | max (ms) | errors | RSS, largest worker (MB) | RSS, all "
        "workers (MB) |",
        "|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [f"{s.head()} {_figures(s.total)} {s.rss_max_mb:.0f} | "
              f"{s.rss_total_max_mb:.0f} |" for s in steps]
    lines += ["", "Per request:", "",
              "| database | scenario | users | think time | request | requests | "
              "requests/s | median (ms) | p95 (ms) | p99 (ms) | max (ms) | errors |",
              "|---|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    lines += [f"{s.head()} {r['Name']} | {_figures(r)}" for s in steps for r in s.rows
              if r["Name"] != "Aggregated"]
    failures = [(s, f) for s in steps for f in s.failures]
    lines += ["", "Errors:" if failures else "Errors: none.", ""]
    lines += [f"- {NAMES[s.database]}, {s.kind}, {s.users} users, {s.think_text}: "
              f"{f['Occurrences']} times {f['Method']} {f['Name']}: {f['Error'][:200]}"
              for s, f in failures[:20]]
    lines += ["", "Targets (issue 11; `benchmarks/README.md`):", "", *_target_lines(steps), ""]
    return "\n".join(lines)
