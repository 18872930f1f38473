"""`manage.py audit_db_grants --app-role NAME [--apply]`: the privileges of the running
application's PostgreSQL role (run as the owner role, after `migrate`): everything on every
table but the access log, where INSERT and SELECT only. Prints the statements; `--apply` runs
them."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from schakel.audit.roles import app_role_grants


class Command(BaseCommand):
    help = "Grant the application's database role what it needs, and on the log only INSERT/SELECT."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--app-role", required=True)
        parser.add_argument("--apply", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("Database roles are for PostgreSQL (production).")
        statements = app_role_grants(role=options["app_role"],
                                     tables=connection.introspection.table_names())
        with connection.cursor() as cursor:
            for statement in statements:
                self.stdout.write(statement.as_string(cursor.connection) + ";")
                if options["apply"]:
                    cursor.execute(statement)
