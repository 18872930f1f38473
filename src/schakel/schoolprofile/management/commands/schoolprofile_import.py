"""`manage.py schoolprofile_import FILE --user USERNAME`: the import of the upload page, on
the name of a core-team member or a municipality's policy officer (the same policy)."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from schakel.access.actor import actor_for_user
from schakel.accounts.models import User
from schakel.schoolprofile.services import school_monitor_import


class Command(BaseCommand):
    help = "Import the regional monitor's CSV of school figures (docs/schoolprofile.md)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--user", required=True, help="Username of the importer.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"no such file: {path}")
        user = User.objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError("unknown user")
        try:
            result = school_monitor_import(actor=actor_for_user(user),
                                           content=path.read_bytes(), file_name=path.name)
        except ValidationError as error:
            raise CommandError("nothing imported:\n" + "\n".join(error.messages)) from error
        self.stdout.write(f"{result.created} new, {result.replaced} replaced, "
                          f"{result.unchanged} unchanged")
