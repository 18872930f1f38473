"""Check the hash chain of the access log; exit status 1 names the first broken row."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from schakel.audit.anchors import anchor_append, anchor_latest, anchor_path
from schakel.audit.selectors import access_log_verify


class Command(BaseCommand):
    help = "Verify that no row of the access log was changed, removed or reordered."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--chunk-size", type=int, default=10_000)
        parser.add_argument("--database", default="default")
        parser.add_argument("--anchor", action="store_true",
                            help="When intact, write the chain head as a new anchor.")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        anchor = anchor_latest()
        report = access_log_verify(chunk_size=options["chunk_size"], using=options["database"],
                                   anchor=anchor)
        seconds = time.monotonic() - started
        if report.first_break is not None:
            raise CommandError(
                f"Access log chain broken at row id {report.first_break.row_id}: "
                f"{report.first_break.reason}. {report.rows} rows before it are intact.")
        self.stdout.write(
            f"Access log intact: {report.rows} rows verified in {seconds:.1f} s; "
            f"last hash {report.last_hash or '(empty log)'}; "
            + (f"checked against the anchor of {anchor.written_at}." if anchor
               else "no anchor yet."))
        if options["anchor"]:
            anchor_append(rows=report.rows, last_id=report.last_id, last_hash=report.last_hash)
            self.stdout.write(f"Anchor written to {anchor_path()}.")
