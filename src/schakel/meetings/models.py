"""The team at the table (seed 004 §3, Bijlage D): meetings of a school's team — the
kernteam's regular meeting, the spoedoverleg, the MDO with parents and young person, a
consultation, the steering group — with an agenda filled from the data, minutes in which each
child's part belongs to that child's case, and decisions that become agreements.

A meeting's title and invitation never name a child: the agenda items do, and each participant
sees only the items the access policy lets them see."""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingKind(models.TextChoices):
    CORE_TEAM = "core_team", _("Core team meeting")
    URGENT = "urgent", _("Urgent consultation")
    MDO = "mdo", _("MDO with parents")
    CONSULTATION = "consultation", _("Consultation")
    STEERING = "steering", _("Steering group meeting")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    CANCELLED = "cancelled", _("Cancelled")


class Meeting(models.Model):
    school = models.ForeignKey(
        "organisations.School", on_delete=models.PROTECT, related_name="meetings")
    kind = models.CharField(_("kind of meeting"), max_length=20, choices=MeetingKind.choices)
    starts_at = models.DateTimeField(_("starts"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    location = models.CharField(_("location"), max_length=200, blank=True)
    video_link = models.URLField(_("video link"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    organiser = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="meetings_organised")
    # An MDO, consultation or spoedoverleg about one child's case.
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, null=True, blank=True, related_name="meetings")
    # The lege stoel: a guest of the second ring invited for one question.
    empty_chair_guest = models.ForeignKey(
        "organisations.Professional", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("guest on the empty chair"))
    empty_chair_purpose = models.CharField(_("why the guest comes"), max_length=300, blank=True)
    # iCalendar (RFC 5545): one UID for the meeting's life, SEQUENCE up on every change.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    minutes_adopted_at = models.DateTimeField(_("minutes adopted"), null=True, blank=True)
    minutes_adopted_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_at", "-id"]
        indexes = [models.Index(fields=["school", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        """What invitations and lists call the meeting: its kind and the school, no child."""
        return f"{MeetingKind(self.kind).label} {self.school.name}"

    @property
    def ends_at(self) -> dt.datetime:
        return self.starts_at + dt.timedelta(minutes=self.duration_minutes)

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def minutes_adopted(self) -> bool:
        return self.minutes_adopted_at is not None


class Participant(models.Model):
    """Who is invited: a professional, a parent (guardian) or the young person."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    professional = models.ForeignKey(
        "organisations.Professional", on_delete=models.CASCADE, null=True, blank=True,
        related_name="meeting_participations")
    guardian = models.ForeignKey(
        "children.Guardian", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    young_person = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, null=True, blank=True, related_name="+")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(professional__isnull=False, guardian__isnull=True,
                             young_person__isnull=True)
                    | models.Q(professional__isnull=True, guardian__isnull=False,
                               young_person__isnull=True)
                    | models.Q(professional__isnull=True, guardian__isnull=True,
                               young_person__isnull=False)),
                name="participant_is_one_person"),
            models.UniqueConstraint(fields=["meeting", "professional"],
                                    name="professional_invited_once"),
            models.UniqueConstraint(fields=["meeting", "guardian"], name="guardian_invited_once"),
            models.UniqueConstraint(fields=["meeting", "young_person"],
                                    name="young_person_invited_once"),
        ]

    @property
    def is_family(self) -> bool:
        return self.professional_id is None


class AgendaItem(models.Model):
    """One item of the agenda. `source` is the code of the agenda source that proposed it
    (`meetings.agenda`), or "manual". An item about a child links the signal, case, agreement
    or child it is about; its heading never names the child."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(default=0)
    source = models.CharField(max_length=40)
    heading = models.CharField(_("item"), max_length=200)
    note = models.TextField(_("note"), blank=True)
    child = models.ForeignKey(
        "children.Child", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    signal = models.ForeignKey(
        "signals.Signal", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    agreement = models.ForeignKey(
        "cases.Agreement", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # The four questions of a consultation (seed 004, Bijlage D) answered at this item, kept
    # in the case as its consultation.
    consultation = models.OneToOneField(
        "cases.Consultation", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="agenda_item")

    class Meta:
        ordering = ["meeting", "position", "id"]

    @property
    def is_about_a_child(self) -> bool:
        return self.child_id is not None


class MinutesEntry(models.Model):
    """A part of the minutes: about one child's case (stored with that case, read as the case
    is read) or, without a case, about no child. After adoption an entry is never changed: a
    correction is a new entry that replaces it, with who and why."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="minutes")
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, null=True, blank=True,
        related_name="meeting_minutes")
    text = models.TextField(_("minutes"))
    replaces = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaced_by")
    correction_reason = models.TextField(_("reason for the correction"), blank=True)
    author = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "id"]


class DecisionKind(models.TextChoices):
    AGREEMENT = "agreement", _("Agreement in the case")
    COLLECTIVE = "collective", _("Collective action (class or school)")


class Decision(models.Model):
    """A decision of the meeting: an agreement on a case (created in the case, owner and due
    date) or a collective action at class or school level."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    minutes_entry = models.ForeignKey(
        MinutesEntry, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions")
    kind = models.CharField(max_length=12, choices=DecisionKind.choices)
    description = models.TextField(_("what"))
    agreement = models.OneToOneField(
        "cases.Agreement", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    owner = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+",
        verbose_name=_("who"))
    due_date = models.DateField(_("by when"))
    school_class = models.ForeignKey(
        "organisations.SchoolClass", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("class (empty: the whole school)"))
    created_by = models.ForeignKey(
        "organisations.Professional", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "id"]


class DayPart(models.TextChoices):
    """When a spoedoverleg fits around school (seed 004 Bijlage D: "vroeg in de ochtend of laat
    op de middag")."""

    EARLY_MORNING = "early", _("Early morning (7:45-8:15)")
    LATE_AFTERNOON = "late", _("Late afternoon (16:30-17:00)")


class Availability(models.Model):
    """When a professional can usually join a short online meeting."""

    professional = models.ForeignKey(
        "organisations.Professional", on_delete=models.CASCADE, related_name="availability")
    weekday = models.PositiveSmallIntegerField(_("weekday"))  # Monday 0 … Friday 4
    day_part = models.CharField(_("part of the day"), max_length=8, choices=DayPart.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["professional", "weekday", "day_part"],
                                    name="availability_once"),
            models.CheckConstraint(condition=models.Q(weekday__lte=4), name="school_days_only"),
        ]
