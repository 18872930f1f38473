"""`manage.py backup_restore FILE --yes`: replace the database with a backup, then check that
the access log came back as it was at the backup (docs/backups.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from schakel.backups.dumps import BackupError, backup_restore, restored_log_matches


class Command(BaseCommand):
    help = "Restore the database from a backup made by backup_create."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("backup")
        parser.add_argument("--yes", action="store_true",
                            help="confirm that the database's present content is replaced")
        parser.add_argument("--database", default="default")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["yes"]:
            raise CommandError("A restore replaces everything in the database: add --yes.")
        try:
            manifest = backup_restore(backup=Path(options["backup"]),
                                      using=options["database"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if not restored_log_matches(manifest, using=options["database"]):
            raise CommandError("Restored, but the access log does not match the backup's "
                               "manifest: do not use this database; run audit_verify.")
        self.stdout.write(
            f"Restored the backup of {manifest.created_at}: {manifest.log_rows} access-log "
            "rows, chain head as in the manifest. Run `manage.py audit_verify` next.")
