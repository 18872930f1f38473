"""What the chronology shows: the kinds a reader filters on (`Kind`, the checkboxes) and the
entry types of each (`EntryType`: a case is opened and closed, a consent given and
withdrawn), with the object each entry is about (for the access log)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    SIGNALS = "signals", _("Signals")
    CASES = "cases", _("Cases opened and closed")
    PLAN = "plan", _("Plan versions")
    AGREEMENTS = "agreements", _("Agreements")
    INTERVENTIONS = "interventions", _("Help given")
    CONSULTATIONS = "consultations", _("Consultations")
    NOTES = "notes", _("Conversation notes")
    HANDOVERS = "handovers", _("Hand-overs")
    MEASURES = "measures", _("Measures")
    CONSENTS = "consents", _("Consents given and withdrawn")
    MEETINGS = "meetings", _("Meetings")


class EntryType(models.TextChoices):
    SIGNAL = "signal", _("Signal")
    CASE_OPENED = "case_opened", _("Case opened")
    CASE_CLOSED = "case_closed", _("Case closed")
    PLAN_VERSION = "plan_version", _("Plan")
    AGREEMENT = "agreement", _("Agreement")
    INTERVENTION = "intervention", _("Help given")
    CONSULTATION = "consultation", _("Consultation")
    NOTE = "note", _("Conversation note")
    HANDOVER = "handover", _("Hand-over")
    MEASURE = "measure", _("Measure")
    CONSENT_GIVEN = "consent_given", _("Consent given")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Consent withdrawn")
    MEETING = "meeting", _("Meeting")


KIND_OF: dict[EntryType, Kind] = {
    EntryType.SIGNAL: Kind.SIGNALS,
    EntryType.CASE_OPENED: Kind.CASES,
    EntryType.CASE_CLOSED: Kind.CASES,
    EntryType.PLAN_VERSION: Kind.PLAN,
    EntryType.AGREEMENT: Kind.AGREEMENTS,
    EntryType.INTERVENTION: Kind.INTERVENTIONS,
    EntryType.CONSULTATION: Kind.CONSULTATIONS,
    EntryType.NOTE: Kind.NOTES,
    EntryType.HANDOVER: Kind.HANDOVERS,
    EntryType.MEASURE: Kind.MEASURES,
    EntryType.CONSENT_GIVEN: Kind.CONSENTS,
    EntryType.CONSENT_WITHDRAWN: Kind.CONSENTS,
    EntryType.MEETING: Kind.MEETINGS,
}

# The object an entry is about, as the access log names it (`Subject.object_type`).
OBJECT_TYPE: dict[EntryType, str] = {
    EntryType.SIGNAL: "signals.signal",
    EntryType.CASE_OPENED: "cases.case",
    EntryType.CASE_CLOSED: "cases.case",
    EntryType.PLAN_VERSION: "cases.planstepentry",
    EntryType.AGREEMENT: "cases.agreement",
    EntryType.INTERVENTION: "cases.intervention",
    EntryType.CONSULTATION: "cases.consultation",
    EntryType.NOTE: "notes.conversationnote",
    EntryType.HANDOVER: "handover.handover",
    EntryType.MEASURE: "children.measure",
    EntryType.CONSENT_GIVEN: "consent.consent",
    EntryType.CONSENT_WITHDRAWN: "consent.consent",
    EntryType.MEETING: "meetings.meeting",
}
