from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from schakel.demo.loader import demo_world_load


class Command(BaseCommand):
    help = (
        "Load the demo world of seed 004 (the Twente family, their schools and the "
        "professionals around them). Idempotent: running it again changes nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        world = demo_world_load()
        if options["verbosity"] > 0:
            self.stdout.write(
                _("Demo world ready: %(n)s professionals, case %(ref)s (%(title)s).")
                % {"n": len(world.professionals), "ref": world.bas_case.reference,
                   "title": world.bas_case.title})
