"""`manage.py legal_grounds_check`: report every recorded legal ground that breaks the rule of
its kind (`access.policy.GROUND_RULES`) or was recorded by its own receiving organisation.

Nothing is changed: the privacy officer reviews each one and ends it where it has no basis.
Exits with status 1 when it finds any, so that a scheduled run is noticed.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from schakel.consent.selectors import legal_grounds_breaking_rules


class Command(BaseCommand):
    help = "Report legal grounds that break their kind's rule (nothing is changed)."

    def handle(self, *args: Any, **options: Any) -> None:
        findings = legal_grounds_breaking_rules()
        for finding in findings:
            ground = finding.legal_ground
            self.stdout.write(
                f"legal ground #{ground.pk} ({ground.kind}, {ground.category}) for "
                f"{ground.organisation.name}, child #{ground.child_id}, recorded by "
                f"{ground.recorded_by.full_name}: {', '.join(finding.problems)}")
        if findings:
            raise CommandError(f"{len(findings)} legal ground(s) break their rule")
        self.stdout.write("every legal ground keeps its rule")
