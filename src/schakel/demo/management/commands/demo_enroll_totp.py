"""Give every demo professional an authenticator (demo only; refuses when DEBUG is off)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from schakel.accounts.selectors import demo_professional_users
from schakel.demo.signins import signin_second_factor_line
from schakel.demo.totp import DemoOnlyError, demo_totp_enrol


class Command(BaseCommand):
    help = "Give every demo professional (username *.demo) a TOTP authenticator whose secret " \
           "derives from SECRET_KEY, so that `demo_totp <username>` can show the code."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            count = demo_totp_enrol(users=demo_professional_users())
        except DemoOnlyError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] >= 1:
            self.stdout.write(ngettext(
                "%(count)s demo professional has an authenticator.",
                "%(count)s demo professionals have an authenticator.", count,
            ) % {"count": count} + " " + signin_second_factor_line())
