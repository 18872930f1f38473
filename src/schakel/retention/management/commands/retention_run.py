"""`manage.py retention_run [--dry-run] [--today YYYY-MM-DD]`: apply the retention rules.

Schedule it daily (cron or a systemd timer, see the README). It prints one line per category;
a dry run changes and stores nothing.
"""

from __future__ import annotations

import datetime as dt
from argparse import ArgumentParser, ArgumentTypeError
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from schakel.retention.models import ActionOutcome
from schakel.retention.services import retention_run


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ArgumentTypeError(f"not a date (YYYY-MM-DD): {value}") from exc


class Command(BaseCommand):
    help = "Delete or anonymise what has passed its retention period; report the access log."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--dry-run", action="store_true",
                            help="Show what would be done; change nothing.")
        parser.add_argument("--today", type=_iso_date, default=None,
                            help="Run as on this day (YYYY-MM-DD); default: today.")

    def handle(self, *args: Any, **options: Any) -> None:
        report = retention_run(today=options["today"], dry_run=options["dry_run"])
        run_id = report.run.pk if report.run is not None else "?"
        heading = "Dry run" if report.dry_run else f"Retention run #{run_id}"
        self.stdout.write(f"{heading} for {report.today.isoformat()}")
        failed = 0
        for result in report.results:
            verb = result.action if not report.dry_run else f"would {result.action}"
            ids = f" ids {result.first_id}-{result.last_id}" if result.count else ""
            line = (f"  {result.category}: {result.count} record(s) started on or before "
                    f"{result.cutoff.isoformat()}, {verb}{ids}; "
                    f"{result.children_count} child(ren)")
            if result.outcome == ActionOutcome.FAILED:
                failed += 1
                self.stderr.write(f"{line} FAILED: {result.error}")
            else:
                self.stdout.write(line)
        if not report.results:
            self.stdout.write("  no active retention rules")
        if failed:
            raise CommandError(f"{failed} categor{'y' if failed == 1 else 'ies'} failed")
