"""`manage.py attachments_scanner`: make sure a ClamAV daemon answers on
`SCHAKEL_CLAMD_SOCKET` for development (`make run`): when none does, start one in the
background in `var/clamd` with the local EICAR-only database (`attachments.localclamd`).
Production runs Debian's clamav-daemon with freshclam and never calls this."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from schakel.attachments import localclamd, scanner


class Command(BaseCommand):
    help = "Start a local ClamAV daemon for development unless one answers already."

    def handle(self, *args: Any, **options: Any) -> None:
        if scanner.ping():
            return
        socket_path = Path(settings.SCHAKEL_CLAMD_SOCKET)
        directory = Path(settings.BASE_DIR) / "var" / "clamd"
        try:
            localclamd.start(directory, socket_path, foreground=False,
                             stream_max_bytes=settings.SCHAKEL_ATTACHMENT_MAX_BYTES)
        except localclamd.ClamdMissing as exc:
            raise CommandError(
                f"No malware scanner ({exc}); install it with "
                "`apt-get install clamav-daemon clamav` (make system).") from exc
        self.stdout.write(f"ClamAV daemon started on {socket_path}.")
