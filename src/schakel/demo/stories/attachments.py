"""An attachment in the demo: the GGD's letter to the parents, a PDF, in Tina's case when her
file has one (else in Bas's). It goes through `attachment_add` like any upload, so it is
scanned by a real ClamAV daemon: the one on `SCHAKEL_CLAMD_SOCKET` when it answers (`make run`
starts it), otherwise one started for the moment with the local EICAR-only database
(`attachments.localclamd`). Without ClamAV installed the demo loads without the attachment
and says so — it never stores a file unscanned."""

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

LETTER_NAME = "Brief GGD aan ouders - slaap en schermgebruik.pdf"
LETTER = """<html lang="nl"><body style="font-family: sans-serif">
<h1>GGD Twente &mdash; Jeugdgezondheidszorg</h1>
<p>Beste ouders,</p>
<p>Naar aanleiding van ons gesprek sturen wij u de afspraken over slaap en schermgebruik:
een vaste bedtijd, geen scherm in het laatste uur voor het slapen, en over twee weken bellen
wij u om te horen hoe het gaat.</p>
<p>Met vriendelijke groet,<br>de jeugdverpleegkundige</p>
</body></html>"""
WRITERS = ("zorgcoordinator.demo", "mentor.demo", "jvk.demo")


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


def attachments_story(cast: Cast, bas_case: Case) -> None:
    tina_case = (Case.objects.filter(child=cast.children["tina"])
                 .exclude(status=CaseStatus.CLOSED).order_by("pk").first())
    case = tina_case or bas_case
    if Attachment.objects.filter(case=case).exists():
        return
    writer = next((cast.actor(name) for name in WRITERS
                   if policy.may_add_attachment(cast.actor(name), case,
                                                InformationCategory.CARE)), None)
    if writer is None:
        return
    with _scanner_up() as up:
        if not up:
            return
        attachment_add(actor=writer, case=case, content=_letter(), name=LETTER_NAME,
                       category=InformationCategory.CARE)


def _letter() -> io.BytesIO:
    return io.BytesIO(HTML(string=LETTER).write_pdf())
