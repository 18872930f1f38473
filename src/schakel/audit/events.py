"""The events of the access log: every code a row can have, with its meaning in plain words.

The values are what the rows store, so a value never changes once written: a new meaning gets
a new code. The writer (`audit.writer`) accepts only these, so a mistyped code fails when it is
written instead of leaving a row nobody can interpret."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventCode(models.TextChoices):
    ACCESS_LOG_EXPORT = "access_log.export", _("Exported a child's access log")
    ACCESS_LOG_READ = "access_log.read", _("Read the access log")

    ACCOUNT_DEACTIVATE = "account.deactivate", _("Deactivated an account")
    ACCOUNT_MFA_RESET = "account.mfa_reset", _("Reset the second factor of an account")

    ABSENCE_REPORT = "absence_report.read", _("Read a truancy report (verzuimmelding)")
    ABSENCE_REPORT_CHANGE = "absence_report.change", _(
        "Changed a truancy report (verzuimmelding)")
    ABSENCE_REPORT_DRAFT = "absence_report.draft", _(
        "Drafted a truancy report from the attendance figures")
    ABSENCE_REPORT_EXPORT = "absence_report.export", _(
        "Exported truancy reports (verzuimmelding)")
    ABSENCE_REPORT_LIST = "absence_report.list", _("Saw truancy reports in a list")

    ATTENDANCE_FIGURES = "attendance.figures", _("Read a pupil's attendance figures")
    ATTENDANCE_FIGURES_LIST = "attendance.figures_list", _(
        "Saw the attendance figures of a class or school")
    ATTENDANCE_IMPORT = "attendance.import", _(
        "Imported absence records from a school's administration system")
    ATTENDANCE_IMPORT_UPLOAD = "attendance.import_upload", _(
        "Uploaded an attendance export for import")
    ATTENDANCE_PROFILE_CHANGE = "attendance.profile_change", _(
        "Set up an import profile for attendance exports")
    ATTENDANCE_IMPORT_VIEW = "attendance.import_view", _(
        "Viewed an attendance import (progress and errors)")

    CASE_AGREEMENT = "case.agreement", _("Recorded an agreement")
    CASE_ATTACHMENT = "case.attachment", _("Added an attachment")
    CASE_ATTACHMENT_DOWNLOAD = "case.attachment_download", _("Downloaded an attachment")
    CASE_AGREEMENT_LIST = "case.agreement_list", _("Saw own agreements in a list")
    CASE_AGREEMENT_STATUS = "case.agreement_status", _("Changed the status of an agreement")
    CASE_CLASSROOM_ADVICE = "case.classroom_advice", _("Gave classroom advice")
    CASE_CLOSE = "case.close", _("Closed the case")
    CASE_CONSULTATION = "case.consultation", _("Recorded a consultation")
    CASE_NOTE = "case.note", _("Wrote a conversation note")
    CASE_NOTE_CORRECT = "case.note_correct", _("Corrected a conversation note")
    CASE_PLAN_PRINT = "case.plan_print", _("Printed the plan for the meeting with the parents")
    CASE_EMERGENCY_ACCESS = "case.emergency_access", _(
        "Claimed emergency access to the case (break the glass)")
    CASE_ESCALATE = "case.escalate", _("Escalated the case")
    CASE_EXISTENCE = "case.existence", _(
        "Saw the cases of the child (reference, status, coordinator)")
    CASE_HANDOVER_ACCEPT = "case.handover_accept", _("Accepted a hand-over")
    CASE_HANDOVER_LIST = "case.handover_list", _("Saw a hand-over in a list")
    CASE_HANDOVER_OFFER = "case.handover_offer", _("Offered a hand-over")
    CASE_HANDOVER_READ = "case.handover_read", _("Read a hand-over package")
    CASE_HANDOVER_RETURN = "case.handover_return", _("Returned a hand-over")
    CASE_HANDOVER_STATUS = "case.handover_status", _("Viewed the status of a hand-over")
    CASE_HANDOVER_WITHDRAW = "case.handover_withdraw", _("Withdrew a hand-over")
    CASE_INTERVENTION = "case.intervention", _("Recorded help given")
    CASE_INVOLVE = "case.involve", _("Involved a professional in the case")
    CASE_INVOLVEMENT_END = "case.involvement_end", _("Ended an involvement in the case")
    CASE_LIST = "case.list", _("Saw the case in a list")
    CASE_MATCH = "case.match", _("Was told that another professional is involved")
    CASE_OPEN = "case.open", _("Opened a case")
    CASE_PLAN_STEP = "case.plan_step", _("Filled in a step of the plan")
    CASE_SET_COORDINATOR = "case.set_coordinator", _("Changed the coordinator of the case")
    CASE_VERWIJSINDEX = "case.verwijsindex", _("Recorded the Verwijsindex answer")
    CASE_VERWIJSINDEX_READ = "case.verwijsindex.read", _("Viewed the Verwijsindex answer")
    CASE_VIEW = "case.view", _("Viewed the case")
    CASE_AWAITING_CONSENT = "case.awaiting_consent", _(
        "Saw that a case awaits consent (no content)")

    CHILD_CHRONOLOGY = "child.chronology", _("Read the chronology of the child")
    CHILD_CHRONOLOGY_PRINT = "child.chronology_print", _(
        "Printed the chronology of the child")
    CHILD_SEARCH = "child.search", _("Found the child in a search")
    # The search itself (the search box), by its kind; its text is not logged.
    CHILD_SEARCH_BIRTH_DATE = "child.search_birth_date", _(
        "Searched for children by date of birth")
    CHILD_SEARCH_NAME = "child.search_name", _("Searched for children by name")
    CHILD_SEARCH_PUPIL_NUMBER = "child.search_pupil_number", _(
        "Searched for children by pupil number")
    CHILD_SIBLINGS = "child.siblings", _("Saw the child as a brother or sister")
    CHILD_VIEW = "child.view", _("Viewed the details of the child")

    CONSENT_CHILD = "consent.child", _("Opened the consent page of the child")
    SHARING_CHECK_CHILDREN = "consent.check_children", _(
        "Searched a child for the sharing check")
    CONSENT_LIST = "consent.list", _("Viewed the consents of the child")
    CONSENT_RECORD = "consent.record", _("Recorded consent")
    CONSENT_SHARING_CHECK = "consent.sharing_check", _(
        "Checked whether information may be shared")
    CONSENT_WITHDRAW = "consent.withdraw", _("Recorded the withdrawal of consent")

    CUSTODY_END = "custody.end", _("Ended a period of custody")
    CUSTODY_LIST = "custody.list", _("Viewed the custody history of the child")
    CUSTODY_RECORD = "custody.record", _("Recorded a period of custody")

    DESTRUCTION_REQUEST_CARRY_OUT = "destruction_request.carry_out", _(
        "Carried out a destruction request")
    DESTRUCTION_REQUEST_DECIDE = "destruction_request.decide", _(
        "Decided on a destruction request")
    DESTRUCTION_REQUEST_FORM = "destruction_request.form", _(
        "Opened the form for a destruction request")
    DESTRUCTION_REQUEST_LIST = "destruction_request.list", _(
        "Saw a destruction request in a list")
    DESTRUCTION_REQUEST_OVERDUE = "destruction_request.overdue", _(
        "Viewed the overdue destruction requests")
    DESTRUCTION_REQUEST_READ = "destruction_request.read", _("Viewed a destruction request")
    DESTRUCTION_REQUEST_REGISTER = "destruction_request.register", _(
        "Registered a destruction request")
    DESTRUCTION_REQUEST_SEARCH = "destruction_request.search", _(
        "Found the child when looking for a destruction request")

    LEGAL_GROUND_END = "legal_ground.end", _("Ended a legal ground")
    LEGAL_GROUND_RECORD = "legal_ground.record", _("Recorded a legal ground")

    INFORMATION_REQUEST = "information_request.read", _(
        "Viewed a request for information of a parent without custody")
    INFORMATION_REQUEST_ANSWER = "information_request.answer", _(
        "Answered a request for information of a parent without custody")
    INFORMATION_REQUEST_LIST = "information_request.list", _(
        "Saw a request for information in a list")

    DIALOGUE_ADOPT = "dialogue.adopt", _("Adopted a dialogue table")
    DIALOGUE_CHANGE = "dialogue.change", _("Changed a dialogue table")
    DIALOGUE_COMMENT = "dialogue.comment", _("Commented on a dialogue table")
    DIALOGUE_CREATE = "dialogue.create", _("Created a dialogue table")
    DIALOGUE_PROPOSE = "dialogue.propose", _(
        "Read a case to propose the anonymised description of a dialogue table")
    DIALOGUE_READ = "dialogue.read", _("Read a dialogue table")
    DIALOGUE_REVIEW = "dialogue.review", _("Sent a dialogue table to its participants")
    DIALOGUE_SYNTHESIS_CHANGE = "dialogue.synthesis_change", _(
        "Changed a synthesis of dialogue tables")
    DIALOGUE_SYNTHESIS_CREATE = "dialogue.synthesis_create", _(
        "Created a synthesis of dialogue tables")
    DIALOGUE_SYNTHESIS_READ = "dialogue.synthesis_read", _(
        "Read a synthesis of dialogue tables")

    PATTERN_DETECT = "pattern.detect", _("Detected a rode draad in a class or school")
    PATTERN_STATUS = "pattern.status", _("Changed the status of a rode draad")
    PATTERN_ESCALATE = "pattern.escalate", _("Escalated a rode draad to management")
    PATTERN_LIST = "pattern.list", _("Saw rode draden in a list")
    PATTERN_READ = "pattern.read", _("Read a rode draad")

    MELDCODE_LIST = "meldcode.list", _("Saw Meldcode routes in a list")
    MELDCODE_READ = "meldcode.read", _("Read a Meldcode route")
    MELDCODE_START = "meldcode.start", _("Started a Meldcode route")
    MELDCODE_STEP = "meldcode.step", _("Recorded a step of a Meldcode route")

    MEASURE_END = "measure.end", _("Ended a measure")
    MEASURE_LIST = "measure.list", _("Viewed the measures of a child")
    MEASURE_START = "measure.start", _("Started a measure")

    PORTAL_ACCESS_LOG = "portal.access_log", _("Read the access log in the portal")
    PORTAL_CASE = "portal.case", _("Viewed the case in the portal")
    PORTAL_CHILD = "portal.child", _("Viewed the page of the child in the portal")
    PORTAL_CONSENT = "portal.consent", _("Viewed consent in the portal")
    PORTAL_CONSENT_COSIGN = "portal.consent_cosign", _("Signed consent as well in the portal")
    PORTAL_CONSENT_DECLINE = "portal.consent_decline", _("Declined consent in the portal")
    PORTAL_CONSENT_GIVE = "portal.consent_give", _("Gave consent in the portal")
    PORTAL_CONSENT_WITHDRAW = "portal.consent_withdraw", _("Withdrew consent in the portal")
    PORTAL_CONTRIBUTION = "portal.contribution", _("Added something to the plan in the portal")
    PORTAL_CORRECTION = "portal.correction", _("Viewed a correction request")
    PORTAL_CORRECTION_ANSWER = "portal.correction_answer", _("Answered a correction request")
    PORTAL_CORRECTION_REQUEST = "portal.correction_request", _(
        "Asked for a correction in the portal")
    PORTAL_CORRECTIONS = "portal.corrections", _("Saw a correction request in a list")
    PORTAL_ENTRY = "portal.entry", _("Viewed a part of the case in the portal")
    PORTAL_HOME = "portal.home", _("Saw the child on the home page of the portal")
    PORTAL_MEETING = "portal.meeting", _(
        "Viewed an invitation to a meeting in the portal (with its agenda and minutes)")
    PORTAL_INFORMATION = "portal.information", _(
        "Viewed own requests for information in the portal")
    PORTAL_INFORMATION_REQUEST = "portal.information_request", _(
        "Asked for information in the portal (parent without custody)")
    PORTAL_OWN_VIEW = "portal.own_view", _("Added an own view in the portal")
    PORTAL_PLAN_SIGN = "portal.plan_sign", _("Signed the plan in the portal")
    PORTAL_RELEASE = "portal.release", _("Showed a withheld part to the parents again")
    ORGANISATION_READ = "organisation.read", _(
        "Read an organisation or school through the API")

    PUPIL_SYNC = "pupil.sync", _(
        "Synchronised the pupils of a school from its pupil administration")
    PUPIL_SYNC_CHANGE = "pupil.sync_change", _(
        "Created, changed or ended a pupil's enrolment from the school's pupil administration")
    NOTIFICATION_SYSTEM_LIST = "notification.system_list", _(
        "Listed professionals' notifications (kind and link, no text) through the API")
    PUPIL_ADMINISTRATION_VIEW = "pupil.administration_view", _(
        "Opened the upload of a school's pupil administration (EDEXML)")

    PORTAL_SCHOOL_INFO = "portal.school_info", _("Viewed the school details in the portal")
    PORTAL_SHARE = "portal.share", _("Shared the case with the parents in the portal")
    PORTAL_VOICE = "portal.voice", _(
        "Saw what the parents or the young person added to the case")
    PORTAL_WITHHOLD = "portal.withhold", _("Withheld a part from the parents")
    PORTAL_WITHHOLD_LIST = "portal.withhold_list", _(
        "Viewed what the parents see of the case")

    GLOSSARY_CHANGE = "glossary.change", _("Changed the shared glossary")
    TEAM_CHANGE = "team.change", _("Changed the members or the charter of a team")
    PREVENTION_CHANGE = "prevention.change", _("Changed the prevention matrix of a school")
    PREVENTION_READ = "prevention.read", _("Read the prevention matrix of a school")
    TEAMDEV_READ = "teamdevelopment.read", _(
        "Read the team development of a team (distributions only)")
    TEAMDEV_SURVEY_ROUND = "teamdevelopment.survey_round", _(
        "Opened or closed a round of a team questionnaire")
    TEAMDEV_SURVEY_ANSWER = "teamdevelopment.survey_answer", _(
        "Filled in a round of a team questionnaire")
    TEAMDEV_SESSION_CREATE = "teamdevelopment.session_create", _(
        "Started a taart van ambities session")
    TEAMDEV_SESSION_CHANGE = "teamdevelopment.session_change", _(
        "Changed a taart van ambities session")
    SCHOOL_PROFILE_READ = "schoolprofile.read", _("Saw the school profile (aggregates)")
    SCHOOL_MONITOR_IMPORT = "schoolprofile.monitor_import", _(
        "Imported the regional monitor's figures of a school")
    SCHOOL_CALENDAR_CHANGE = "schoolcalendar.change", _("Changed the calendar of a school")

    MEETING_AGENDA = "meeting.agenda", _("Read the agenda of a meeting")
    MEETING_CHANGE = "meeting.change", _("Planned, changed or cancelled a meeting")
    MEETING_DECISION = "meeting.decision", _("Recorded a decision of a meeting")
    MEETING_MINUTES = "meeting.minutes", _("Read the minutes of a meeting")
    MEETING_MINUTES_WRITE = "meeting.minutes_write", _("Wrote or corrected minutes")
    MEETING_VIEW = "meeting.view", _("Viewed a meeting")

    RETENTION_PREVIEW = "retention.preview", _("Viewed what a retention run would do")
    RETENTION_RULE_UPDATE = "retention.rule_update", _("Changed a retention rule")
    RETENTION_RULES = "retention.rules", _("Viewed the retention rules")
    RETENTION_RUNS = "retention.runs", _("Viewed the retention runs")
    # Written by the retention run, one per category and action (`retention_event`).
    RETENTION_CASE_CONTENT_ANONYMISE = "retention.case_content.anonymise", _(
        "Anonymised the content of a case at the end of its retention period")
    RETENTION_CASE_CONTENT_DELETE = "retention.case_content.delete", _(
        "Deleted the content of a case at the end of its retention period")
    RETENTION_NOTIFICATION_ANONYMISE = "retention.notification.anonymise", _(
        "Anonymised notifications at the end of their retention period")
    RETENTION_NOTIFICATION_DELETE = "retention.notification.delete", _(
        "Deleted notifications at the end of their retention period")
    RETENTION_SCHOOL_SIGNAL_ANONYMISE = "retention.school_signal.anonymise", _(
        "Anonymised signals at the end of their retention period")
    RETENTION_SCHOOL_SIGNAL_DELETE = "retention.school_signal.delete", _(
        "Deleted signals at the end of their retention period")

    SIGNAL_LIST = "signal.list", _("Saw the signal in a list")
    SIGNAL_RAISE = "signal.raise", _("Raised a signal")
    SIGNAL_STATUS = "signal.status", _("Changed the status of a signal")
    SIGNAL_TRIAGE = "signal.triage", _(
        "Triaged a signal (who picks it up, urgency, the next core team meeting)")
    SIGNAL_TRIAGE_VIEW = "signal.triage_view", _("Opened the triage of a signal")
    SIGNAL_VIEW = "signal.view", _("Viewed a signal")


def retention_event(category: str, action: str) -> EventCode:
    """The code of deleting or anonymising one retention category; ValueError for a pair
    that has none."""
    return EventCode(f"retention.{category}.{action}")
