"""One import of an export file: who, when, which profile, how far it got, and what it found
wrong, row by row (kept so the report can be downloaded after the tab was closed)."""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage
from django.db import models
from django.utils.translation import gettext_lazy as _


def upload_storage() -> Storage:
    """Where uploaded files wait for the job (a path the web and worker processes share)."""
    return FileSystemStorage(location=settings.SCHAKEL_ATTENDANCE_UPLOAD_ROOT)


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    CHECKING = "checking", _("Checking the rows")
    WRITING = "writing", _("Importing")
    # Errors found and the user did not (yet) choose to import the valid rows: nothing written.
    HAS_ERRORS = "has_errors", _("Errors found, nothing imported")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Failed")


class AttendanceImport(models.Model):
    profile = models.ForeignKey(
        "attendance.ImportProfile", on_delete=models.PROTECT, related_name="imports",
        verbose_name=_("import profile"))
    school = models.ForeignKey(
        "organisations.School", on_delete=models.CASCADE, related_name="attendance_imports")
    imported_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT,
        related_name="attendance_imports", verbose_name=_("imported by"))
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    file = models.FileField(_("file"), storage=upload_storage, upload_to="%Y/%m/", max_length=300)
    file_name = models.CharField(_("file name"), max_length=255)
    # What the reader assumed: "utf-8", "utf-8-sig" (with BOM), "cp1252" or "xlsx".
    encoding = models.CharField(_("encoding"), max_length=20, blank=True)
    delimiter = models.CharField(_("separator"), max_length=1, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    # The user chose to import the valid rows of a file with errors.
    import_valid_rows = models.BooleanField(_("import the valid rows"), default=False)
    # While checking: an estimate (line breaks; blank lines and quoted line breaks count);
    # then the rows read.
    total_rows = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    processed_rows = models.PositiveIntegerField(_("rows done"), default=0)
    created_count = models.PositiveIntegerField(_("new"), default=0)
    updated_count = models.PositiveIntegerField(_("changed"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    refused_count = models.PositiveIntegerField(_("refused rows"), default=0)
    skipped_count = models.PositiveIntegerField(_("rows that are no absence"), default=0)
    failure = models.TextField(_("failure"), blank=True)
    # The (school id, school week "YYYY-MM-DD") partitions whose records this import created
    # or changed: what the engine recomputes, and the Parquet files that were rewritten.
    touched_partitions = models.JSONField(_("school weeks changed"), default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["school", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def is_running(self) -> bool:
        return self.status in {ImportStatus.QUEUED, ImportStatus.CHECKING, ImportStatus.WRITING}

    @property
    def encoding_label(self) -> str:
        """What the reader assumed, in words for the page."""
        return str({
            "utf-8": _("CSV, read as UTF-8"),
            "utf-8-sig": _("CSV, read as UTF-8 (with byte order mark)"),
            "cp1252": _("CSV, read as Windows-1252 (not UTF-8); check the accented letters"),
            "xlsx": _("Excel workbook"),
        }.get(self.encoding, ""))

    @property
    def percent(self) -> int:
        if not self.total_rows:
            return 0
        return min(100, round(100 * self.processed_rows / self.total_rows))


class ImportRowError(models.Model):
    """One problem in the file: line 0 for the file as a whole (encoding, columns, sheets),
    otherwise the line of the file (the header is line 1)."""

    attendance_import = models.ForeignKey(
        AttendanceImport, on_delete=models.CASCADE, related_name="row_errors")
    line = models.PositiveIntegerField(_("line"))
    column = models.CharField(_("column"), max_length=100, blank=True)
    message = models.CharField(_("message"), max_length=500)

    class Meta:
        ordering = ["attendance_import", "line", "id"]

    def __str__(self) -> str:
        return f"{self.line}: {self.message}"
