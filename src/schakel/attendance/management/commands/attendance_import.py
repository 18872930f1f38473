"""`manage.py attendance_import FILE --profile ID --user USERNAME [--import-valid-rows]`:
the import of the web page, run in this process with a progress bar on the terminal. The
user is the professional on whose name the import runs (a member of the school's core team:
the same policy as the page)."""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from schakel.access.actor import actor_for_user
from schakel.accounts.models import User
from schakel.attendance.models import AttendanceImport, ImportProfile, ImportStatus
from schakel.attendance.services.run import attendance_import_run
from schakel.attendance.services.start import attendance_import_start

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Import an attendance export (CSV or XLSX) with an import profile."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--profile", type=int, required=True, help="Import profile id.")
        parser.add_argument("--user", required=True,
                            help="Username of the core-team member who imports.")
        parser.add_argument("--import-valid-rows", action="store_true",
                            help="Import the valid rows of a file with errors.")

    def _bar(self, attendance_import: AttendanceImport) -> None:
        done = attendance_import.processed_rows
        total = attendance_import.total_rows
        if attendance_import.status == ImportStatus.WRITING:
            line = f"\rwriting {done} rows ..."
        elif total:
            filled = round(BAR_WIDTH * min(done, total) / total)
            line = f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} rows checked"
        else:
            line = f"\r{done} rows checked"
        self.stdout.write(line, ending="")
        self.stdout.flush()

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"no such file: {path}")
        user = User.objects.filter(username=options["user"]).first()
        profile = ImportProfile.objects.filter(pk=options["profile"]).first()
        if user is None or profile is None:
            raise CommandError("unknown user or profile")
        actor = actor_for_user(user)
        try:
            with path.open("rb") as handle:
                attendance_import = attendance_import_start(
                    actor=actor, profile=profile, file=File(handle), file_name=path.name,
                    import_valid_rows=options["import_valid_rows"], enqueue=False)
        except Http404 as exc:
            raise CommandError(
                f"{user.username} may not import attendance for {profile.school.name}") from exc
        status = attendance_import_run(import_id=attendance_import.pk, progress=self._bar)
        attendance_import.refresh_from_db()
        self.stdout.write("")
        self.stdout.write(
            f"import #{attendance_import.pk}: {status}; {attendance_import.encoding_label}; "
            f"{attendance_import.total_rows or 0} rows, {attendance_import.created_count} new, "
            f"{attendance_import.updated_count} changed, "
            f"{attendance_import.unchanged_count} unchanged, "
            f"{attendance_import.refused_count} refused")
        for error in attendance_import.row_errors.all()[:20]:
            sys.stderr.write(f"  line {error.line} {error.column}: {error.message}\n")
        if status != ImportStatus.DONE:
            raise CommandError(f"nothing imported ({status}); see the errors above")
