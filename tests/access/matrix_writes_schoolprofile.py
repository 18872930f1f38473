"""The write URL of the school profile in the role x URL matrix (see `matrix_write`)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from schakel.organisations.models import School
from schakel.schoolprofile.models import MonitorSnapshot
from tests.access.matrix_write import Write, rows

MONITOR_FILE = (
    "brin;peildatum;onderdeel;categorie;aantal\n"
    "{brin};01-10-2026;leerlingen;totaal;120\n"
    "{brin};01-10-2026;herkomstgemeente;Hengelo;120\n")


def _file(school_id: int) -> SimpleUploadedFile:
    brin = School.objects.get(pk=school_id).brin
    return SimpleUploadedFile("monitor.csv", MONITOR_FILE.format(brin=brin).encode(),
                              content_type="text/csv")


SCHOOL_PROFILE_WRITES: dict[str, Write] = {
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    # The school's core team imports its school's monitor figures; the other school's core
    # team gets the form back with the row refused (nothing stored).
    "schoolprofile:import": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 200  404! 404! 404  404",
        payload=lambda w: {"file": _file(w.id("school_id"))},
        effect=rows(MonitorSnapshot)),
}
