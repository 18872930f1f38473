"""The write URL of attachments in the role x URL matrix (see `matrix_write`): a real upload,
scanned by the tests' clamd."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from schakel.attachments.models import Attachment
from tests.access.matrix_write import Write, rows

ATTACHMENT_WRITES: dict[str, Write] = {
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    # Those who write in the case and read its care content.
    "attachments:add": Write(
        outcomes="sign 404! 404! 302+ 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"category": "care", "note": "", "file": SimpleUploadedFile(
            "Verslag GGD.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")},
        effect=rows(Attachment, case_id="case_id")),
}
