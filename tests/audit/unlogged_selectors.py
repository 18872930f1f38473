"""The public selectors that are not logged reads, for `test_reads_logged`."""

from __future__ import annotations

# Public selectors that are not logged reads, each with why it returns no child's data (or
# returns only what a logged read of the same page already showed).
NOT_CHILD_DATA: dict[str, str] = {
    "absencereports.selectors.absence_reports_csv": (
        "formats reports that absence_reports_for_export read and logged"),
    "accounts.selectors.demo_professional_users": "sign-in accounts of the demo professionals",
    "accounts.selectors.has_second_factor": "sign-in state of a user",
    "accounts.selectors.professional_users_by_email": "sign-in accounts by e-mail address",
    "accounts.selectors.recovery_codes_left": "sign-in state of a user",
    "accounts.selectors.totp_device_confirmed": "sign-in state of a user",
    "accounts.selectors.totp_device_pending": "sign-in state of a user",
    "api.selectors.client_of_token": "the API client of a token: no child's data",
    "api.selectors.client_attendance_import_get": (
        "an import's status and counts and the problems of its file's rows, for the client "
        "that sent the file (as attendance_import_get for the uploader)"),
    "children.selectors.pupil_administration_schools": "schools only",
    "notifications.selectors.notifications_for_system": (
        "kinds, links (ids) and dates of professionals' notifications, never their text; "
        "each list is one access-log row of its own (notification.system_list)"),
    "observability.selectors.access_refusal_count": "a count of refusals, for the metrics",
    "observability.selectors.job_counts_by_queue_and_status": (
        "counts of jobs per queue and status, for the metrics"),
    "organisations.selectors.organisations_for_system": "organisations: no child's data",
    "organisations.selectors.organisation_for_system_get": "an organisation: no child's data",
    "organisations.selectors.schools_for_system": "schools and classes: no child's data",
    "organisations.selectors.school_for_system_get": "a school and its classes",
    "organisations.selectors.professional_for_system_get": (
        "a professional of the client's organisation: no child's data"),
    "attendance.selectors.attendance_import_get": (
        "an import's file name, status and counts: no child's record"),
    "attendance.selectors.import_error_report": (
        "the problems of an uploaded file's rows, as the uploader's own file holds them"),
    "attendance.selectors.import_first_errors": (
        "the problems of an uploaded file's rows, as the uploader's own file holds them"),
    "attendance.selectors.import_schools_for": "schools only",
    "schoolprofile.selectors.school_profile_get": (
        "suppressed aggregates only (docs/aggregates.md); the read is logged on the school"),
    "schoolprofile.selectors.school_profiles_for": "schools only",
    "schoolprofile.selectors.monitor_import_schools_for": "schools only",
    "schoolprofile.selectors.class_population": (
        "a count of a class's pupils, for refusing a small selection"),
    "attendance.selectors.figures.attention_rows": (
        "a read helper of school_figures and the agenda source; those log (the agenda per "
        "reader, as every agenda item)"),
    "attendance.selectors.import_profiles_for": "import profiles of schools: no child's data",
    "attendance.selectors.recent_imports_for": "file names, statuses and counts of imports",
    "audit.selectors.access_log_export_allowed": "a policy check for a form, reads no row",
    "audit.selectors.access_log_verify": "row ids and hashes of the chain check, no content",
    "attachments.selectors.case_attachments": (
        "attachments of a case the case page read and logged already (its `read` decision)"),
    "patterns.selectors.patterns_for": (
        "rode draden: theme, class and counts, no child's data (docs/patterns.md)"),
    "dialogue.selectors.tables.adopted_tables_for": (
        "anonymised dialogue tables: no child's data (docs/dialogue.md)"),
    "dialogue.selectors.tables.dialogue_table_for_change": (
        "an anonymised dialogue table, its source case never read"),
    "dialogue.selectors.tables.dialogue_table_get": (
        "an anonymised dialogue table, its source case never read"),
    "dialogue.selectors.tables.dialogue_tables_for": "anonymised dialogue tables",
    "dialogue.selectors.tables.factor_forest": "arranges factors already read",
    "dialogue.selectors.tables.table_subject": "the access-log subject of a table",
    "dialogue.selectors.synthesis.notation": "formats table numbers",
    "dialogue.selectors.synthesis.proposed_merges": "compares factors already read",
    "dialogue.selectors.synthesis.syntheses_for": "syntheses of anonymised dialogue tables",
    "dialogue.selectors.synthesis.synthesis_for_change": (
        "a synthesis of anonymised dialogue tables"),
    "dialogue.selectors.synthesis.synthesis_get": "a synthesis of anonymised dialogue tables",
    "dialogue.selectors.synthesis.synthesis_subject": "the access-log subject of a synthesis",
    "dialogue.selectors.synthesis.table_numbers": "numbers of the tables of a synthesis",
    "teamdevelopment.selectors.surveys.team_subject": "the access-log subject of a team",
    "teamdevelopment.selectors.surveys.survey_subject": "the access-log subject of a round",
    "teamdevelopment.selectors.surveys.survey_distribution": (
        "a team's answers about its collaboration, as a distribution: no child's data"),
    "teamdevelopment.selectors.surveys.team_development_get": (
        "a team's rounds and sessions: no child's data (docs/teamdevelopment.md)"),
    "teamdevelopment.selectors.surveys.team_for_development": "a team, no child's data",
    "teamdevelopment.selectors.surveys.teams_for": "the teams a professional is in",
    "teamdevelopment.selectors.surveys.survey_get": (
        "a round of a team questionnaire, as a distribution: no child's data"),
    "teamdevelopment.selectors.surveys.survey_for_change": "a round of a team questionnaire",
    "teamdevelopment.selectors.sessions.session_subject": (
        "the access-log subject of a taart van ambities"),
    "teamdevelopment.selectors.sessions.score_distribution": "marks already read",
    "teamdevelopment.selectors.sessions.ambition_session_get": (
        "a team's taart van ambities: notes about the collaboration, no child's data"),
    "teamdevelopment.selectors.sessions.ambition_session_for_change": (
        "a team's taart van ambities"),
    "teamdevelopment.selectors.sessions.session_meeting_choices": (
        "meetings of a school (their titles name no child)"),
    "teamdevelopment.selectors.sessions.session_participant_choices": (
        "the professionals of a team and a meeting"),
    "triage.selectors.core_team_members": "the professionals of a school's core team",
    "triage.selectors.school_days_between": "a count of school days of a school",
    "triage.selectors.signal_triage_of": (
        "the triage of a signal that signal_for_triage read and logged"),
    "triage.selectors.triage_inbox_count": "a count for the menu badge",
    "triage.selectors.untouched_limit": "a setting",
    "cases.selectors.case_child_ids": "ids of a case already read, for the access log",
    "cases.selectors.case_log_event": "writes the access log for services; returns nothing",
    "cases.selectors.case_subject": "the access-log subject of a case already read",
    "cases.selectors.case_subjects": "the access-log subjects of a case already read",
    "cases.selectors.case_url": "a URL",
    "cases.selectors.health_indicators": "warnings computed from a case already read",
    "cases.selectors.plan_steps": "the plan of a case already read (case_get), no query",
    "cases.selectors.schools_for_opening": "schools only",
    "cases.selectors.with_health": "annotates a queryset it is given, reads nothing",
    "chronology.selectors.chronology_for_print": (
        "logs itself: the print as an export (E) of the child and of each entry printed"),
    "consent.selectors.consenters_text": "names on a consent already read (consent_overview)",
    "consent.selectors.legal_ground_of_child": (
        "for the service that ends it (POST), which checks the policy and logs the change"),
    "consent.selectors.recipient_organisations": "organisations only",
    "demo.selectors.demo_professionals_reach": "counts and team names of demo professionals",
    "glossary.selectors.abbreviation_index": "the glossary: no child's data",
    "glossary.selectors.abbreviations_cache_key": "a cache key",
    "glossary.selectors.glossary_editor_check": "a policy check for the glossary form",
    "glossary.selectors.glossary_term_get": "a glossary term",
    "glossary.selectors.glossary_terms": "the glossary",
    "meetings.selectors.case_meetings": (
        "the minutes kept in a case already read (case_get, which logged the read)"),
    "meetings.selectors.family_balance": "counts of a meeting's participants already read",
    "meetings.selectors.invitable_professionals": "professionals (the sociale kaart)",
    "meetings.selectors.kinds_for": "the kinds of meeting",
    "meldcode.selectors.case_signals_for_route": (
        "the signals of a case the case page read and logged already, to start a route from"),
    "meldcode.selectors.route_subject": "the access-log subject of a route already read",
    "meldcode.selectors.veilig_thuis_organisations": "organisations of the safety sector",
    "notes.selectors.case_notes": (
        "notes of a case the case page read and logged already (its `read` decision)"),
    "notes.selectors.portal_case_notes": (
        "shared notes of a case the portal's case page read and logged already"),
    "meetings.selectors.family.portal_invitations": (
        "one's own invitations: kind, school, time and place, no child's data"),
    "meetings.selectors.item_subject": "a log subject of an item already read",
    "meetings.selectors.meeting_for_change": "a meeting's time and place, no child's data",
    "meetings.selectors.meeting_get": (
        "a meeting's kind, school, time and invitees (professionals; parents of an MDO are "
        "shown only to those invited or in the school's team), no child's data"),
    "meetings.selectors.meetings_for": "titles and times of meetings, no child's data",
    "meetings.selectors.own_availability": "one's own availability",
    "meetings.selectors.planning_schools": "schools only",
    "meetings.selectors.urgent_slots": "times and professionals",
    "schoolcalendar.selectors.school_calendar_get": "a school's calendar settings and days off",
    "schoolcalendar.selectors.school_calendar_settings": "a school's calendar settings",
    "schoolcalendar.selectors.school_days": "the school days of schools, for the engine",
    "schoolcalendar.selectors.school_years": "the school years",
    "prevention.selectors.matrix_subject": "the access-log subject of a school's matrix",
    "prevention.selectors.prevention_matrix_get": (
        "a school's preventiematrix: no child's data (docs/prevention.md)"),
    "prevention.selectors.prevention_offer_for_change": "an offer of a preventiematrix",
    "prevention.selectors.prevention_schools_for": "schools and their preventiematrix",
    "prevention.selectors.ranked_item_for_change": "a place of a preventiematrix's top 12",
    "prevention.selectors.regie_agreement_for_change": (
        "an agreement on regie of a preventiematrix"),
    "prevention.selectors.school_for_prevention_change": "a school",
    "teams.selectors.current_members": "a team's members (the sociale kaart)",
    "teams.selectors.membership_for_change": "a team membership",
    "teams.selectors.school_teams": "a school's teams (the sociale kaart)",
    "teams.selectors.team_for_change": "a team",
    "teams.selectors.team_get": "a team (the sociale kaart)",
    "teams.selectors.team_member_candidates": "professionals (the sociale kaart)",
    "handover.selectors.handover_children": (
        "the children of a case an actor already read, for services and the access log"),
    "handover.selectors.handover_for_action": (
        "for the services that accept, return or withdraw (POST), which log the change"),
    "handover.selectors.handover_kinds_offerable": "kinds of hand-over",
    "handover.selectors.handover_log": "writes the access log for services; returns nothing",
    "notifications.selectors.notifications_for": (
        "the user's own messages, no child record (what a message says is the sender's)"),
    "notifications.selectors.unread_count": "a count",
    "notifications.selectors.notification_preferences_for": "the user's own e-mail choices",
    "notifications.selectors.notification_kind_or_none": "a kind of notification",
    "organisations.selectors.professional_card": "a professional",
    "organisations.selectors.professionals_directory": "professionals",
    "organisations.selectors.school_classes": "classes of a school",
    "organisations.selectors.school_route": "a school's route page (sociale kaart)",
    "organisations.selectors.schools": "schools only",
    "organisations.selectors.team_members": "the members of a school's teams",
    "portal.selectors.consent.child_for_portal": (
        "for the consent services (POST), which check the policy again and log the change"),
    "portal.selectors.consent.consent_organisations": "organisations only",
    "portal.selectors.consent.pending_consent_of": (
        "for the consent services (POST), which check the policy again and log the change"),
    "portal.selectors.family.case_for_portal": (
        "for the portal's action pages and the logged reads of the module"),
    "portal.selectors.family.portal_case_url": "a URL",
    "portal.selectors.family.visible_steps": "the plan of a case already read, no query",
    "portal.selectors.printing.plan_for_parents": (
        "logs itself: the read of the case through `case_get`, the print as an export (E)"),
    "portal.selectors.professionals.withheld_of_case": (
        "for the service that releases it (POST), which logs the change"),
    "retention.selectors.category_plan": "counts and record ids of a category, no content",
    "retention.selectors.retention_plan": "counts and record ids per category, no content",
    "retention.selectors.retention_preview": "counts and record ids per category, no content",
    "retention.selectors.retention_rule_get": "a retention rule",
    "retention.selectors.retention_rules": "retention rules",
    "retention.selectors.retention_run_get": "a retention run: counts and record ids",
    "retention.selectors.retention_runs": "retention runs: counts and record ids",
    "retention.selectors.rule_problem": "a text about a rule",
    "retention.selectors.summarise": "counts and record ids of a queryset",
    "retention.selectors.verwijsindex_latest": (
        "the last answer of a case already read, on the page that read it"),
    "retention.selectors.verwijsindex_question_due": "yes or no, for a case already read",
    "retention.selectors.verwijsindex_risk_ground": "yes or no, for a case already read",
    "cases.selectors.involvements_awaiting_consent": "which involved professionals of a case "
    "already read still lack a consent",
    "consent.selectors.legal_grounds_breaking_rules": "ids and rule codes for the report "
    "command of the privacy officer, no content",
    "retention.selectors.destruction_obstacles": "why a request already read cannot be "
    "carried out now (case references, measure kinds)",
    "signals.selectors.active_themes": "themes",
    "signals.selectors.schools_for_raising": "schools only",
}
