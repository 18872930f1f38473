from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from schakel.demo.signins import (
    DEFAULT_ADDRESS,
    signin_open_line,
    signin_password_line,
    signin_rows,
    signin_second_factor_line,
    signin_table,
)


class Command(BaseCommand):
    help = "Print the demo sign-ins: who they are and what they can see, and the password."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--address", default=DEFAULT_ADDRESS,
            help="Where the server listens, [addr:]port as for runserver (make run: HOST; "
                 "default: %(default)s)")

    def handle(self, *args: Any, **options: Any) -> None:
        rows = signin_rows()
        if not rows:
            self.stdout.write(_("No demo sign-ins; run `manage.py demo_load` first."))
            return
        self.stdout.write(signin_table(rows))
        self.stdout.write("")
        self.stdout.write(signin_password_line())
        self.stdout.write(signin_second_factor_line())
        self.stdout.write(_("Parents and young people sign in at /portaal/ (see above)."))
        self.stdout.write(signin_open_line(options["address"]))
