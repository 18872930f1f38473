"""Deactivate an account and end all its sessions."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.http import Http404

from schakel.access.actor import actor_for_user
from schakel.accounts.models import User
from schakel.accounts.services import user_deactivate


class Command(BaseCommand):
    help = "Deactivate an account and end its sessions at once (logged)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--by", required=True,
                            help="username of the account administrator (a superuser)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = User.objects.get(username=options["username"])
            actor = actor_for_user(User.objects.get(username=options["by"]))
            ended = user_deactivate(actor=actor, user=user)
        except User.DoesNotExist as error:
            raise CommandError("Unknown username.") from error
        except Http404 as error:
            raise CommandError(f"{options['by']} may not manage accounts.") from error
        self.stdout.write(f"{user.username} deactivated; {ended} session(s) ended.")
