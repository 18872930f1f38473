from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from schakel.demo.people import DEMO_PASSWORD
from schakel.demo.portal import DemoFamilyMissing, demo_portal_load


class Command(BaseCommand):
    help = (
        "Give the demo families portal accounts (moeder.demo, tina.demo, lotte.demo, "
        "vader.demo), record that Tina and her mother consented in the portal to sharing care "
        "content with the GGD, and let Jayden's father (no custody) ask for information. Run "
        "after demo_load. Idempotent: running it again changes nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            signins = demo_portal_load()
        except DemoFamilyMissing as error:
            raise CommandError(_("The demo family is missing; run `manage.py demo_load` "
                                 "first.")) from error
        if options["verbosity"] > 0:
            self.stdout.write(_("Portal for parents and young people: /portaal/ "
                                "(password %(password)s)") % {"password": DEMO_PASSWORD})
            for signin in signins:
                self.stdout.write(f"  {signin.username:<14} {signin.name} ({signin.role})")
