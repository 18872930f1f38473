"""`manage.py backup_create [--to DIR]`: a backup of the database (docs/backups.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from schakel.backups.dumps import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the database (SQLite online backup, or pg_dump in custom format)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--to", default=str(settings.SCHAKEL_BACKUP_DIR),
                            help="the folder the backup and its manifest go into")
        parser.add_argument("--database", default="default")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            target = backup_create(directory=Path(options["to"]), using=options["database"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Backup written: {target} (manifest {target.with_suffix('.json')})")
