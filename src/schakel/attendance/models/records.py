"""The absence records and the import profile that maps a school's export onto them."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _


class AbsenceKind(models.TextChoices):
    """The canonical kinds of the engine (ATTENDANCE_CONTRACT.md): every school code maps on
    one of these. `cancelled`: the school cancelled the lesson, which leaves the scheduled
    time (REFERENCE.md, absence rate)."""

    ABSENT = "absent", _("Absent")
    LATE = "late", _("Late")
    SICK = "sick", _("Sick")
    REMOVED = "removed", _("Removed from the lesson")
    EXEMPT = "exempt", _("Exempt")
    CANCELLED = "cancelled", _("Lesson cancelled")


class Layout(models.TextChoices):
    """The source layouts the import reads (docs/attendance.md describes each)."""

    MAGISTER = "magister", _("Magister (per lesson)")
    SOMTODAY = "somtoday", _("Somtoday (per registration)")
    PARNASSYS = "parnassys", _("ParnasSys (per half day)")
    SCHAKEL = "schakel", _("Schakel format")


def school_week_of(day: dt.date) -> dt.date:
    """The Monday of the ISO week of `day`: the `school_week` partition of the records."""
    return day - dt.timedelta(days=day.weekday())


class ImportProfile(models.Model):
    """How one school's export from one source is read: its layout and its codes.

    `code_mapping` maps a school-specific code (as in the file, compared without case and
    surrounding spaces) to `{"kind": <AbsenceKind>, "authorised": true | false | null}`;
    null takes the authorised flag from the row itself (Magister's and Somtoday's
    *geoorloofd*). The lesson and half-day lengths turn lessons and dagdelen into minutes
    where the file gives no times."""

    school = models.ForeignKey(
        "organisations.School", on_delete=models.CASCADE, related_name="attendance_profiles",
        verbose_name=_("school"))
    name = models.CharField(_("name"), max_length=100)
    layout = models.CharField(_("layout"), max_length=10, choices=Layout.choices)
    code_mapping = models.JSONField(_("code mapping"), default=dict, blank=True)
    lesson_minutes = models.PositiveSmallIntegerField(_("minutes per lesson"), default=50)
    lessons_per_day = models.PositiveSmallIntegerField(_("lessons per day"), default=9)
    morning_minutes = models.PositiveSmallIntegerField(_("minutes in the morning"), default=180)
    afternoon_minutes = models.PositiveSmallIntegerField(
        _("minutes in the afternoon"), default=120)

    class Meta:
        ordering = ["school", "name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "name"], name="one_profile_name_per_school"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_layout_display()})"


class AbsenceRecord(models.Model):
    """One absence of one pupil: a lesson (per-lesson sources), a half day or a day (lesson
    None). `record_key` is the natural key from the source (layout, school, the source's id
    or what identifies the row), so importing a file or an overlapping period again finds the
    same rows and changes nothing."""

    record_key = models.CharField(_("key"), max_length=200, unique=True)
    child = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, related_name="absence_records")
    school = models.ForeignKey(
        "organisations.School", on_delete=models.CASCADE, related_name="absence_records")
    day = models.DateField(_("day"))
    school_week = models.DateField(_("school week"))  # the Monday; the Parquet partition
    lesson = models.PositiveSmallIntegerField(_("lesson"), null=True, blank=True)
    start_time = models.TimeField(_("from"), null=True, blank=True)
    end_time = models.TimeField(_("until"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=AbsenceKind.choices)
    authorised = models.BooleanField(_("authorised"))
    minutes = models.PositiveIntegerField(_("minutes"))
    source_code = models.CharField(_("code in the source"), max_length=30, blank=True)
    attendance_import = models.ForeignKey(
        "attendance.AttendanceImport", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="records", verbose_name=_("last changed by import"))

    class Meta:
        ordering = ["school", "day", "lesson"]
        indexes = [
            models.Index(fields=["school", "school_week"]),
            models.Index(fields=["child", "day"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__isnull=True) | models.Q(start_time__isnull=True)
                | models.Q(end_time__gte=models.F("start_time")),
                name="absence_ends_after_start"),
            models.CheckConstraint(
                condition=models.Q(kind__in=AbsenceKind.values), name="absence_kind_known"),
        ]

    def __str__(self) -> str:
        return self.record_key

    def comparable(self) -> tuple[object, ...]:
        """What a re-import compares: the same key with these values is unchanged."""
        return (self.child_id, self.school_id, self.day, self.lesson, self.start_time,
                self.end_time, self.kind, self.authorised, self.minutes, self.source_code)
