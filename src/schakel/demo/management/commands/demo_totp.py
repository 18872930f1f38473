"""Print the current sign-in code of a demo professional (demo only)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.accounts.models import User
from schakel.demo.totp import DemoOnlyError, demo_totp_device


class Command(BaseCommand):
    help = "Print the current 6-digit code of a demo professional's authenticator."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = User.objects.get(username=options["username"])
            device = demo_totp_device(user=user)
        except DemoOnlyError as error:
            raise CommandError(str(error)) from error
        except (User.DoesNotExist, TOTPDevice.DoesNotExist) as error:
            raise CommandError(
                f"{options['username']} is not a demo professional with an authenticator; "
                "run `manage.py demo_enroll_totp` first.") from error
        now = time.time()
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits,
                    drift=device.drift)
        valid = device.step - int(now - device.t0) % device.step
        self.stdout.write(f"{code:0{device.digits}d}")
        if options["verbosity"] >= 2:
            self.stderr.write(f"valid for another {valid} s")
