"""The write URLs of the attendance import in the role x URL matrix (see `matrix_write`)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from schakel.attendance.models import AttendanceImport, ImportProfile
from tests.access.matrix_write import Write, rows

MAGISTER_FILE = (
    "Id;Stamnummer;Start;Eind;Lesuur;Geoorloofd;Verantwoordingtype;Code\r\n"
    "1;{pupil};{day} 08:30;{day} 09:20;1;nee;1;A\r\n")

ATTENDANCE_WRITES: dict[str, Write] = {
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    # Uploading: the school's core team. The other school's core team has the form, without
    # this school's profile among its choices (the form again, nothing stored).
    "attendance:import": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 200  404! 404! 404  404",
        payload=lambda w: {"profile": w.id("import_profile_id"), "file": SimpleUploadedFile(
            "absenties.csv", MAGISTER_FILE.format(pupil="1", day="01-09-2026").encode(),
            content_type="text/csv")},
        effect=rows(AttendanceImport)),
    # A new profile: for one's own school (the other school's core team has only its own
    # school to choose).
    "attendance:profile_create": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 200  404! 404! 404  404",
        payload=lambda w: {"school": w.id("school_id"), "layout": "somtoday",
                           "name": "Somtoday locatie Noord"},
        effect=rows(ImportProfile)),
    # The world's import found errors; importing its valid rows queues it again.
    "attendance:import_valid_rows": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {},
        effect=rows(AttendanceImport, pk="attendance_import_id")),
}
