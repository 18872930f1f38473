"""The regional monitor's figures of the three demo schools (`data/monitor.csv`, reference
date 1 October), imported through the service by the municipality's policy officer, who
receives the monitor. Idempotent: a second load finds the snapshots unchanged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from schakel.access.actor import Actor
from schakel.schoolprofile.services import MonitorImportResult, school_monitor_import

MONITOR_CSV = Path(__file__).parent / "data" / "monitor.csv"


def demo_monitor_load(*, actor: Actor, today: dt.date) -> MonitorImportResult:
    content = MONITOR_CSV.read_bytes()
    # The demo's reference date is the last 1 October that has passed.
    year = today.year if (today.month, today.day) >= (10, 1) else today.year - 1
    content = content.replace(b"01-10-2026", f"01-10-{year}".encode())
    return school_monitor_import(actor=actor, content=content, file_name=MONITOR_CSV.name,
                                 today=today)
