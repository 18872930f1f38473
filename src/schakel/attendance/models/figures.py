"""The engine's figures, stored per pupil and school week (ATTENDANCE_CONTRACT.md, outputs),
so pages read precomputed numbers and the access policy filters them in SQL. The engine glue
rewrites the rows of the pupils and weeks an import touched."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class WeeklyAttendance(models.Model):
    """`weekly`: one pupil at one school in one school week."""

    child = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, related_name="weekly_attendance")
    school = models.ForeignKey(
        "organisations.School", on_delete=models.CASCADE, related_name="weekly_attendance")
    school_week = models.DateField(_("school week"))
    week_seq = models.PositiveIntegerField(_("school week number"))
    school_year = models.CharField(_("school year"), max_length=9)
    scheduled_minutes = models.PositiveIntegerField(_("scheduled minutes"))
    # Every kind but late and cancelled.
    absent_minutes = models.PositiveIntegerField(_("absent minutes"))
    authorised_minutes = models.PositiveIntegerField(_("authorised minutes"))
    unauthorised_minutes = models.PositiveIntegerField(_("unauthorised minutes"))
    sick_minutes = models.PositiveIntegerField(_("sick minutes"))
    late_minutes = models.PositiveIntegerField(_("minutes late"))
    late_count = models.PositiveIntegerField(_("times late"))

    class Meta:
        ordering = ["school", "school_week", "child"]
        indexes = [models.Index(fields=["school", "school_week"]),
                   models.Index(fields=["child", "school_week"])]
        constraints = [models.UniqueConstraint(
            fields=["child", "school", "school_week"], name="one_weekly_row")]


class ReportingEvent(models.Model):
    """`reporting_events`: Leerplichtwet art. 21a, 16 hours of unauthorised absence within 4
    consecutive school weeks; `seq` counts the events of a pupil at a school (the count
    restarts after each)."""

    child = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, related_name="attendance_reporting_events")
    school = models.ForeignKey(
        "organisations.School", on_delete=models.CASCADE,
        related_name="attendance_reporting_events")
    seq = models.PositiveIntegerField(_("number"))
    window_start = models.DateField(_("window from"))
    window_end = models.DateField(_("window until"))
    unauthorised_minutes = models.PositiveIntegerField(_("unauthorised minutes"))

    class Meta:
        ordering = ["school", "child", "seq"]
        indexes = [models.Index(fields=["school", "window_end"])]
        constraints = [models.UniqueConstraint(
            fields=["child", "school", "seq"], name="one_reporting_event_per_seq")]


class LongTermAbsence(models.Model):
    """`long_term`: absent every school day of more than `long_term_weeks` consecutive school
    weeks (DUO: langdurig relatief verzuim)."""

    child = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, related_name="long_term_absences")
    school = models.ForeignKey(
        "organisations.School", on_delete=models.CASCADE, related_name="long_term_absences")
    first_week = models.DateField(_("first school week"))
    last_week = models.DateField(_("last school week"))
    weeks = models.PositiveIntegerField(_("weeks"))

    class Meta:
        ordering = ["school", "child", "first_week"]
        indexes = [models.Index(fields=["school", "last_week"])]
        constraints = [models.UniqueConstraint(
            fields=["child", "school", "first_week"], name="one_long_term_absence_per_start")]


class AttendanceTier(models.Model):
    """`tiers`: the Response-to-Intervention tier of a pupil in a school week, its band and
    the reasons (codes of the engine)."""

    class Band(models.TextChoices):
        UNDER_5 = "under_5", _("under 5 %")
        WATCH_5_10 = "watch_5_10", _("5 to 10 % (watch)")
        FROM_10_TO_20 = "10_20", _("10 to 20 %")
        FROM_20 = "20_plus", _("20 % or more")

    child = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, related_name="attendance_tiers")
    school = models.ForeignKey(
        "organisations.School", on_delete=models.CASCADE, related_name="attendance_tiers")
    school_week = models.DateField(_("school week"))
    tier = models.PositiveSmallIntegerField(
        _("tier"), choices=[(1, "1"), (2, "2"), (3, "3")])
    band = models.CharField(_("band"), max_length=10, choices=Band.choices, blank=True)
    # A list of codes; JSON so that SQLite (development) stores it as PostgreSQL does.
    reasons = models.JSONField(_("reasons"), default=list, blank=True)

    class Meta:
        ordering = ["school", "school_week", "child"]
        indexes = [models.Index(fields=["school", "school_week", "tier"]),
                   models.Index(fields=["child", "school_week"])]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "school", "school_week"], name="one_tier_per_week"),
            models.CheckConstraint(condition=models.Q(tier__in=[1, 2, 3]), name="tier_1_2_3"),
        ]


class SchoolAttendanceFlag(models.Model):
    """`school_flags`: a school is flagged when fewer than 80 % of its pupils are in tier 1
    (seed 004 Bijlage H), as of the week computed."""

    school = models.ForeignKey(
        "organisations.School", on_delete=models.CASCADE, related_name="attendance_flags")
    school_week = models.DateField(_("school week"))
    pupils = models.PositiveIntegerField(_("pupils"))
    tier1_share = models.FloatField(_("share in tier 1"))
    flagged = models.BooleanField(_("flagged"))

    class Meta:
        ordering = ["school", "-school_week"]
        constraints = [models.UniqueConstraint(
            fields=["school", "school_week"], name="one_school_flag_per_week")]




class AttendanceRate(models.Model):
    """`rates`: a pupil's absence rate at a school over a school year and its last 4 and 8
    school weeks up to the day computed; NULL before enough enrolled school days."""

    child = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, related_name="attendance_rates")
    school = models.ForeignKey(
        "organisations.School", on_delete=models.CASCADE, related_name="attendance_rates")
    school_year = models.CharField(_("school year"), max_length=9)
    enrolled_days = models.PositiveIntegerField(_("enrolled school days"))
    rate_year = models.FloatField(_("absence this school year"), null=True)
    rate_4w = models.FloatField(_("absence in the last 4 weeks"), null=True)
    rate_8w = models.FloatField(_("absence in the last 8 weeks"), null=True)

    class Meta:
        ordering = ["school", "child", "school_year"]
        constraints = [models.UniqueConstraint(
            fields=["child", "school", "school_year"], name="one_rate_per_year")]


class AttendancePattern(models.Model):
    """`patterns`: per weekday (1 Monday .. 5 Friday) what a pupil missed over the school days
    computed (this school year and the one before)."""

    child = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, related_name="attendance_patterns")
    school = models.ForeignKey(
        "organisations.School", on_delete=models.CASCADE, related_name="attendance_patterns")
    weekday = models.PositiveSmallIntegerField(_("weekday"))
    absent_minutes = models.PositiveIntegerField(_("absent minutes"))
    first_lesson_count = models.PositiveIntegerField(_("first lessons missed"))
    last_lesson_count = models.PositiveIntegerField(_("last lessons missed"))
    next_to_weekend_count = models.PositiveIntegerField(_("days missed next to a weekend"))
    next_to_holiday_count = models.PositiveIntegerField(_("days missed next to a holiday"))
    late_count = models.PositiveIntegerField(_("times late"))

    class Meta:
        ordering = ["school", "child", "weekday"]
        constraints = [models.UniqueConstraint(
            fields=["child", "school", "weekday"], name="one_pattern_per_weekday")]
