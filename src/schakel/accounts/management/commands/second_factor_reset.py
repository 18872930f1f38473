"""Remove an account's authenticator and recovery codes (lost phone)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.http import Http404

from schakel.access.actor import actor_for_user
from schakel.accounts.models import User
from schakel.accounts.services import second_factor_reset


class Command(BaseCommand):
    help = "Remove a user's authenticator and recovery codes and end their sessions (logged); " \
           "they set up a new authenticator at their next sign-in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--by", required=True,
                            help="username of the account administrator (a superuser)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = User.objects.get(username=options["username"])
            actor = actor_for_user(User.objects.get(username=options["by"]))
            second_factor_reset(actor=actor, user=user)
        except User.DoesNotExist as error:
            raise CommandError("Unknown username.") from error
        except Http404 as error:
            raise CommandError(f"{options['by']} may not manage accounts.") from error
        self.stdout.write(f"The second factor of {user.username} has been reset.")
