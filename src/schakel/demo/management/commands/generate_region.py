from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from schakel.demo.generator import RegionAlreadyGenerated, RegionSize, region_generate

DEFAULTS = RegionSize()


class Command(BaseCommand):
    help = (
        "Generate a region of realistic size for analytics and load tests: schools (PO/VO/MBO), "
        "pupils with families and enrolments, professionals, teams, cases with their content, "
        "signals and an access log. LOAD DATA: written in bulk, not through the services, so "
        "the access policy and notifications are bypassed. Deterministic for a seed and a day; "
        "does not clash with the demo world (usernames gen-..., BRIN G....). Needs a database "
        "without an earlier generated region."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        for name, default, text in (
            ("schools", DEFAULTS.schools, "school locations"),
            ("pupils", DEFAULTS.pupils, "pupils"),
            ("professionals", DEFAULTS.professionals, "professionals (school staff and care)"),
            ("cases", DEFAULTS.cases, "cases"),
            ("audit-rows", DEFAULTS.audit_rows, "access-log rows"),
            ("signals", DEFAULTS.signals, "signals"),
            ("seed", DEFAULTS.seed, "random seed"),
            ("batch-size", DEFAULTS.batch_size, "rows per insert"),
        ):
            parser.add_argument(f"--{name}", type=int, default=default,
                                help=f"{text} (default {default})")

    def handle(self, *args: Any, **options: Any) -> None:
        size = RegionSize(
            schools=options["schools"], pupils=options["pupils"],
            professionals=options["professionals"], cases=options["cases"],
            audit_rows=options["audit_rows"], signals=options["signals"],
            seed=options["seed"], batch_size=options["batch_size"],
        )
        verbose = options["verbosity"] > 0

        def progress(phase: str, seconds: float) -> None:
            if verbose:
                self.stdout.write(f"  {phase}: {seconds:.1f} s")

        try:
            counts = region_generate(size, progress=progress)
        except (ValueError, RegionAlreadyGenerated) as exc:
            raise CommandError(str(exc)) from exc
        if verbose:
            self.stdout.write("Generated: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
