"""An attachment in the demo: the school's letter to Tina's parents, a PDF, on the mentor's
conversation note in Tina's case (in Bas's case when Tina's file has none). It goes through
`attachment_add` like any upload, so it is scanned by a real ClamAV daemon: the one on
`SCHAKEL_CLAMD_SOCKET` when it answers (`make run` starts it), otherwise one started for the
moment with the local EICAR-only database (`attachments.localclamd`). Without ClamAV installed
the demo loads without the attachment and says so — it never stores a file unscanned."""

from __future__ import annotations

import io
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.test.utils import override_settings
from weasyprint import HTML  # type: ignore[import-untyped]

from schakel.access import policy
from schakel.attachments import localclamd, scanner
from schakel.attachments.models import Attachment
from schakel.attachments.services import attachment_add
from schakel.cases.models import Case, CaseStatus
from schakel.consent.models import InformationCategory
from schakel.demo.stories.common import Cast
from schakel.notes.models import ConversationNote

LETTER_NAME = "Brief aan ouders - afspraken na het gesprek.pdf"
LETTER = """<html lang="nl"><body style="font-family: sans-serif">
<h1>Esrand College &mdash; Mentoraat brugklas</h1>
<p>Beste ouders van Tina,</p>
<p>Dank voor het gesprek van vorige week. Zoals afgesproken meldt Tina zich een maand lang
elke ochtend om 8.25 uur bij mij. Over vier weken kijken we samen met Tina hoe het gaat; de
zorgco&ouml;rdinator sluit dan aan.</p>
<p>Met vriendelijke groet,<br>de mentor</p>
</body></html>"""
WRITERS = ("mentor.demo", "zorgcoordinator.demo", "jvk.demo")


@contextmanager
def _scanner_up() -> Iterator[bool]:
    if scanner.ping():
        yield True
        return
    with tempfile.TemporaryDirectory(prefix="schakel-demo-clamd-") as directory:
        socket_path = Path(directory) / "clamd.sock"
        try:
            process = localclamd.start(Path(directory), socket_path, foreground=True,
                                       stream_max_bytes=settings.SCHAKEL_ATTACHMENT_MAX_BYTES)
        except (localclamd.ClamdMissing, OSError) as exc:
            sys.stderr.write(f"Demo: no attachment, ClamAV is not available ({exc}).\n")
            yield False
            return
        try:
            with override_settings(SCHAKEL_CLAMD_SOCKET=str(socket_path)):
                yield True
        finally:
            process.terminate()
            process.wait(timeout=30)


def attachments_story(cast: Cast, bas_case: Case, tina_case: Case | None) -> None:
    case = tina_case if tina_case is not None and tina_case.status != CaseStatus.CLOSED else (
        bas_case)
    if Attachment.objects.filter(case=case).exists():
        return
    writer = next((cast.actor(name) for name in WRITERS
                   if policy.may_add_attachment(cast.actor(name), case,
                                                InformationCategory.SCHOOL)), None)
    if writer is None:
        return
    note = (ConversationNote.objects.filter(case=case, author=writer.professional)
            .order_by("pk").first())
    with _scanner_up() as up:
        if not up:
            return
        attachment_add(actor=writer, case=case, content=_letter(), name=LETTER_NAME,
                       category=InformationCategory.SCHOOL if note is None else "", note=note)


def _letter() -> io.BytesIO:
    return io.BytesIO(HTML(string=LETTER).write_pdf())
