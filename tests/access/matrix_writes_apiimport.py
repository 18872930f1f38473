"""The write URLs of the imports (EDEXML on the page and through the API, attendance through
the API) in the role x URL matrix (see `matrix_write`). The matrix's roles are sessions: the
API takes tokens only (401), and no role is the functional administrator of a school's board
who uploads EDEXML on the page; those writes are tested in tests/children and tests/api, and
every API URL with every client and scope in tests/api/test_client_matrix.py."""

from __future__ import annotations

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from schakel.attendance.models import AttendanceImport
from schakel.children.models import Enrolment
from tests.access.matrix_write import Write, rows
from tests.access.matrix_writes_attendance import MAGISTER_FILE

_EDEXML = Path(__file__).parent.parent / "children" / "edexml" / "valid.xml"
_SESSIONS = "the API signs in systems with tokens only; sessions get 401 (tests/api)"


def _edexml() -> SimpleUploadedFile:
    return SimpleUploadedFile("export.xml", _EDEXML.read_bytes(), "application/xml")


APIIMPORT_WRITES: dict[str, Write] = {
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    "children:edexml_upload": Write(
        outcomes="sign 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"file": _edexml()},
        effect=rows(Enrolment),
        no_writer="the functional administrator of the school's board uploads EDEXML; the "
                  "matrix world has none (tests/children/test_edexml_import.py)"),
    "api:pupil_edexml": Write(
        outcomes="401  401  401  401  401  401  401  401  401  401  401  401  404  404",
        payload=lambda w: {"bestand": _edexml()},
        effect=rows(Enrolment),
        no_writer=_SESSIONS),
    "api:attendance_imports": Write(
        outcomes="401  401  401  401  401  401  401  401  401  401  401  401  404  404",
        payload=lambda w: {"profiel": w.id("import_profile_id"),
                           "importeur": w.id("professional_id"),
                           "bestand": SimpleUploadedFile(
                               "absenties.csv",
                               MAGISTER_FILE.format(pupil="1", day="01-09-2026").encode(),
                               content_type="text/csv")},
        effect=rows(AttendanceImport),
        no_writer=_SESSIONS),
}
