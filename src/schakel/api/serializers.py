"""What the API shows and accepts. Field names are Dutch, as the resources are; ids only,
never a name, BSN or onderwijsnummer in a URL."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from schakel.attendance.models import ImportStatus
from schakel.children.services.pupil_sync import PUPIL_SYNC_MAX_ROWS, RowResult
from schakel.notifications.models import Notification, NotificationKind
from schakel.organisations.models import Organisation, School, SchoolClass, SchoolType, Sector
from schakel.signals.models import Signal, SignalLevel, SignalStatus


class OrganisationSerializer(serializers.ModelSerializer[Organisation]):
    naam = serializers.CharField(source="name")
    sector = serializers.CharField()
    gemeente = serializers.CharField(source="municipality")
    regio = serializers.CharField(source="region.name")

    class Meta:
        model = Organisation
        fields = ["id", "naam", "sector", "gemeente", "regio"]


class SchoolClassSerializer(serializers.ModelSerializer[SchoolClass]):
    naam = serializers.CharField(source="name")
    schooljaar = serializers.CharField(source="school_year")

    class Meta:
        model = SchoolClass
        fields = ["id", "naam", "schooljaar"]


class SchoolSerializer(serializers.ModelSerializer[School]):
    naam = serializers.CharField(source="name")
    organisatie = serializers.IntegerField(source="organisation_id")
    brin = serializers.CharField()
    soort = serializers.CharField(source="school_type")
    gemeente = serializers.CharField(source="municipality")
    klassen = SchoolClassSerializer(source="classes", many=True)

    class Meta:
        model = School
        fields = ["id", "naam", "organisatie", "brin", "soort", "gemeente", "klassen"]


class OrganisationFilterSerializer(serializers.Serializer[dict[str, Any]]):
    """The query parameters of `organisaties`: a filter that is no value of its field is
    invalid input (400), not an empty page."""

    sector = serializers.ChoiceField(choices=Sector.values, required=False)


class SchoolFilterSerializer(serializers.Serializer[dict[str, Any]]):
    soort = serializers.ChoiceField(choices=SchoolType.values, required=False)
    brin = serializers.RegexField(r"^[0-9A-Za-z]{4}$|^[0-9A-Za-z]{6}$", required=False)


class PupilRowSerializer(serializers.Serializer[dict[str, Any]]):
    """A row as text: its content is checked per row by the service, so that one bad row
    is an error for that row, not for the batch."""

    leerlingnummer = serializers.CharField(max_length=50, allow_blank=True)
    onderwijsnummer = serializers.CharField(max_length=50, allow_blank=True, required=False,
                                            default="")
    voornaam = serializers.CharField(max_length=200, allow_blank=True)
    achternaam = serializers.CharField(max_length=200, allow_blank=True)
    geboortedatum = serializers.CharField(max_length=30, allow_blank=True)
    klas = serializers.CharField(max_length=100, allow_blank=True, required=False, default="")
    startdatum = serializers.CharField(max_length=30, allow_blank=True, required=False,
                                       default="")


class PupilSyncSerializer(serializers.Serializer[dict[str, Any]]):
    school = serializers.IntegerField(min_value=1)
    volledig = serializers.BooleanField(default=False)
    leerlingen = serializers.ListField(child=PupilRowSerializer(), allow_empty=True,
                                       max_length=PUPIL_SYNC_MAX_ROWS)


class PupilOutcomeSerializer(serializers.Serializer[Any]):
    leerlingnummer = serializers.CharField(source="pupil_number")
    resultaat = serializers.ChoiceField(source="result", choices=[r.value for r in RowResult])
    melding = serializers.CharField(source="message")
    leerling = serializers.IntegerField(source="child_id", allow_null=True)


class PupilSyncResultSerializer(serializers.Serializer[Any]):
    leerlingen = PupilOutcomeSerializer(source="rows", many=True)
    uitgeschreven = serializers.ListField(source="left", child=serializers.CharField())


class SignalCreateSerializer(serializers.Serializer[dict[str, Any]]):
    school = serializers.IntegerField(min_value=1)
    melder = serializers.IntegerField(
        min_value=1, help_text="The professional of the client's organisation who raised it.")
    niveau = serializers.ChoiceField(choices=SignalLevel.values)
    thema = serializers.SlugField(max_length=50)
    omschrijving = serializers.CharField(max_length=5000)
    leerling = serializers.IntegerField(min_value=1, required=False, allow_null=True,
                                        default=None)
    klas = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)
    buiten_school = serializers.BooleanField(default=False)


class SignalStatusSerializer(serializers.ModelSerializer[Signal]):
    """Only what the raising system needs: whether and how the signal was taken up."""

    status = serializers.ChoiceField(choices=SignalStatus.values)
    gemeld_op = serializers.DateTimeField(source="raised_at")
    school = serializers.IntegerField(source="school_id")
    niveau = serializers.CharField(source="level")

    class Meta:
        model = Signal
        fields = ["id", "status", "gemeld_op", "school", "niveau"]


class EdexmlUploadSerializer(serializers.Serializer[dict[str, Any]]):
    """The file as a form field (multipart/form-data); or send it as the body itself
    (`application/xml`)."""

    bestand = serializers.FileField(help_text="The EDEXML 2.1 export of one school.")


class EdexmlRowSerializer(serializers.Serializer[Any]):
    regel = serializers.IntegerField(source="line", help_text="The line of the leerling.")
    leerlingnummer = serializers.CharField(source="outcome.pupil_number")
    resultaat = serializers.ChoiceField(source="outcome.result",
                                        choices=[r.value for r in RowResult])
    melding = serializers.CharField(source="outcome.message")
    leerling = serializers.IntegerField(source="outcome.child_id", allow_null=True)


class EdexmlResultSerializer(serializers.Serializer[Any]):
    school = serializers.IntegerField(source="school.pk")
    schooljaar = serializers.CharField(source="file.school_year")
    leerlingen = EdexmlRowSerializer(source="rows", many=True)
    uitgeschreven = serializers.ListField(source="left", child=serializers.CharField())
    groepen = serializers.IntegerField(source="file.groups")
    leerkrachten = serializers.IntegerField(source="file.teachers")


class AttendanceImportStartSerializer(serializers.Serializer[dict[str, Any]]):
    profiel = serializers.IntegerField(
        min_value=1, help_text="The import profile (school and layout) of the file.")
    importeur = serializers.IntegerField(
        min_value=1, help_text="The professional of the client's organisation, in the core "
                               "team of the profile's school, in whose name it is imported.")
    bestand = serializers.FileField(help_text="The export: CSV or an Excel workbook.")
    geldige_rijen = serializers.BooleanField(
        default=False, help_text="Import the valid rows even when some rows are refused.")


# The progress of an import as the API names it: waiting, running, or finished well or not
# (`has_errors`: the file was checked and nothing imported, for its errors).
IMPORT_STATES: dict[str, str] = {
    ImportStatus.QUEUED: "queued", ImportStatus.CHECKING: "running",
    ImportStatus.WRITING: "running", ImportStatus.DONE: "done",
    ImportStatus.HAS_ERRORS: "failed", ImportStatus.FAILED: "failed",
}


class ImportErrorSerializer(serializers.Serializer[Any]):
    regel = serializers.IntegerField(source="line", help_text="0: the file as a whole.")
    kolom = serializers.CharField(source="column")
    melding = serializers.CharField(source="message")


class AttendanceImportStatusSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="attendance_import.pk")
    status = serializers.SerializerMethodField()
    fase = serializers.ChoiceField(source="attendance_import.status",
                                   choices=ImportStatus.values)
    school = serializers.IntegerField(source="attendance_import.school_id")
    profiel = serializers.IntegerField(source="attendance_import.profile_id")
    bestandsnaam = serializers.CharField(source="attendance_import.file_name")
    aangemaakt_op = serializers.DateTimeField(source="attendance_import.created_at")
    gestart_op = serializers.DateTimeField(source="attendance_import.started_at",
                                           allow_null=True)
    klaar_op = serializers.DateTimeField(source="attendance_import.finished_at",
                                         allow_null=True)
    rijen = serializers.IntegerField(source="attendance_import.total_rows", allow_null=True)
    verwerkt = serializers.IntegerField(source="attendance_import.processed_rows")
    nieuw = serializers.IntegerField(source="attendance_import.created_count")
    gewijzigd = serializers.IntegerField(source="attendance_import.updated_count")
    ongewijzigd = serializers.IntegerField(source="attendance_import.unchanged_count")
    geweigerd = serializers.IntegerField(source="attendance_import.refused_count")
    overgeslagen = serializers.IntegerField(source="attendance_import.skipped_count")
    fouten = ImportErrorSerializer(source="errors", many=True)

    @extend_schema_field(serializers.ChoiceField(choices=["queued", "running", "done",
                                                          "failed"]))
    def get_status(self, value: Any) -> str:
        return IMPORT_STATES[value["attendance_import"].status]


class NotificationFilterSerializer(serializers.Serializer[dict[str, Any]]):
    professional = serializers.IntegerField(min_value=1, required=False)
    ongelezen = serializers.BooleanField(required=False)


class NotificationSerializer(serializers.ModelSerializer[Notification]):
    """As content-free as the e-mail: that something waits, of which kind, where."""

    professional = serializers.IntegerField(source="professional_id")
    soort = serializers.ChoiceField(source="kind", choices=NotificationKind.values)
    link = serializers.CharField(help_text="The page in Schakel (ids only).")
    aangemaakt_op = serializers.DateTimeField(source="created_at")
    gelezen_op = serializers.DateTimeField(source="read_at", allow_null=True)

    class Meta:
        model = Notification
        fields = ["id", "professional", "soort", "link", "aangemaakt_op", "gelezen_op"]
