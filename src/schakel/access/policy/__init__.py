"""The access policy: every decision about who may see or change what is made here.

Views, the API, exports and commands never decide access themselves; they call the selectors
and services of their app (`case_get`, `signal_raise`, ...), which ask this package. A
decision is named `may_<verb>_<object>` (`may_read_case`, `may_raise_signal`) so that it never
shares a name with the service that acts; a filter for lists ends in `_q`. A refusal is
always indistinguishable from "does not exist" (404) to the user, and is written to the access
log (`audit.enforce`).

Need to know (DESIGN §4):
- the coordinator (regiehouder) and the professionals actively involved in a case see it;
- the school's core team sees the signals of its school and, for its pupils, that a case
  exists and who coordinates it, not the case content;
- the one who raised a signal sees that signal;
- a log administrator reads the access log; nobody else does;
- everyone else sees nothing of a child.

The rules live in submodules: `core` (the decision and the relationships), `cases` (cases,
children, signals), `categories` (consent and legal grounds per information category),
`consent` (who manages consent and measures), `emergency` (break the glass), `grounds`
(each legal ground a rule, and who records one), `custody` (who has custody on a day;
voogdij), `portal` (what parents and young people see of their own file), `information`
(a parent without custody asks, BW 1:377c), `handover` (warm hand-over, telling
professionals who else is involved), `administration` (access log, accounts, retention),
`glossary` (who keeps the shared language), `schoolcalendar` (who keeps a school's
calendar), `teams` (who keeps a team and its charter) and
`meetings` (who plans and sees a meeting, and each agenda item as its case, signal or
child; in the portal, the parents and young person invited see their own child's part),
`notes` (conversation notes by information category, their corrections, the portal),
`attachments` (files on a case or a note, read under the notes' rule),
`meldcode` (the Meldcode route: its runner, the aandachtsfunctionaris, the privacy officer),
`dialogue` (dialogue tables: the chair, the professional participants; a synthesis),
`prevention` (a school's preventiematrix: its kernteam and the municipality's policy
officer keep it, its steering group reads it),
`patterns` (the rode draad: the kernteam; management once escalated, counts only),
`schoolprofile` (who sees a school's aggregates, who imports the regional monitor),
`attendance` (who imports a school's absence records and sees its figures) and
`systems` (what a system calling the API may do for its own organisation), `pupils`
(who runs a school's pupil administration: the board's system client, its functional
administrator) and
`absencereports` (the verzuimmelding: the school writes it, the leerplichtambtenaar of the
school's municipality reads it) and
`teamdevelopment` (the team's own development: its current members only).
Callers import this package only: `from schakel.access import policy`.
"""

from schakel.access.policy.absencereports import (
    absence_reports_visible_q as absence_reports_visible_q,
    may_list_absence_reports as may_list_absence_reports,
    may_read_absence_report as may_read_absence_report,
    may_write_absence_report as may_write_absence_report,
    truancy_officer_municipality as truancy_officer_municipality,
)
from schakel.access.policy.administration import (
    destruction_requests_visible_q as destruction_requests_visible_q,
    may_handle_destruction_request as may_handle_destruction_request,
    may_list_destruction_requests as may_list_destruction_requests,
    may_manage_account as may_manage_account,
    may_manage_retention as may_manage_retention,
    may_read_access_log as may_read_access_log,
)
from schakel.access.policy.attachments import (
    may_add_attachment as may_add_attachment,
    may_read_attachment as may_read_attachment,
)
from schakel.access.policy.attendance import (
    attendance_figures_school_ids as attendance_figures_school_ids,
    attendance_import_school_ids as attendance_import_school_ids,
    may_import_attendance as may_import_attendance,
    may_import_attendance_somewhere as may_import_attendance_somewhere,
    may_view_attendance_figures as may_view_attendance_figures,
    may_view_attendance_import as may_view_attendance_import,
)
from schakel.access.policy.cases import (
    case_content_visible_q as case_content_visible_q,
    case_existence_visible_q as case_existence_visible_q,
    case_listable_q as case_listable_q,
    child_case_reads as child_case_reads,
    child_cases_q as child_cases_q,
    children_visible_q as children_visible_q,
    lacks_care_basis as lacks_care_basis,
    listable_case_ids as listable_case_ids,
    may_appoint_coordinator as may_appoint_coordinator,
    may_contribute_to_case as may_contribute_to_case,
    may_open_case_at_school as may_open_case_at_school,
    may_raise_signal as may_raise_signal,
    may_read_case as may_read_case,
    may_read_child as may_read_child,
    may_read_signal as may_read_signal,
    may_see_case_awaits_consent as may_see_case_awaits_consent,
    may_steer_case as may_steer_case,
    may_triage_signal as may_triage_signal,
    may_triage_signals_at_school as may_triage_signals_at_school,
    organisations_lacking_care_basis as organisations_lacking_care_basis,
    readable_case_ids as readable_case_ids,
    schools_for_raising_q as schools_for_raising_q,
    signals_readable_q as signals_readable_q,
    signals_visible_q as signals_visible_q,
)
from schakel.access.policy.categories import (
    GROUND_CONSENT as GROUND_CONSENT,
    OTS_CATEGORIES as OTS_CATEGORIES,
    OTS_KINDS as OTS_KINDS,
    CategoryDecision as CategoryDecision,
    consent_in_force as consent_in_force,
    consent_requirement as consent_requirement,
    custody_rule as custody_rule,
    may_actor_receive_category as may_actor_receive_category,
    may_receive_category as may_receive_category,
    requirement_with_custody as requirement_with_custody,
)
from schakel.access.policy.consent import (
    may_give_consent as may_give_consent,
    may_manage_consent as may_manage_consent,
    may_manage_measures as may_manage_measures,
    may_read_consent as may_read_consent,
    may_read_measures as may_read_measures,
    may_record_measures as may_record_measures,
)
from schakel.access.policy.core import (
    DENY as DENY,
    Decision as Decision,
    Ground as Ground,
    core_team_school_ids as core_team_school_ids,
    policy_officer_municipality as policy_officer_municipality,
    same_municipality as same_municipality,
    steering_school_ids as steering_school_ids,
)
from schakel.access.policy.custody import (
    VOOGDIJ_KINDS as VOOGDIJ_KINDS,
    CustodyHistory as CustodyHistory,
    CustodyOnDay as CustodyOnDay,
    custody_history as custody_history,
    custody_on as custody_on,
    custody_q as custody_q,
    has_custody as has_custody,
    is_voogd as is_voogd,
    may_record_custody as may_record_custody,
    voogdij_on as voogdij_on,
)
from schakel.access.policy.dialogue import (
    dialogue_tables_visible_q as dialogue_tables_visible_q,
    may_change_dialogue_table as may_change_dialogue_table,
    may_change_synthesis as may_change_synthesis,
    may_comment_on_dialogue_table as may_comment_on_dialogue_table,
    may_create_dialogue_table as may_create_dialogue_table,
    may_create_synthesis as may_create_synthesis,
    may_open_dialogue_table_for_change as may_open_dialogue_table_for_change,
    may_open_synthesis_for_change as may_open_synthesis_for_change,
    may_read_dialogue_table as may_read_dialogue_table,
    may_read_synthesis as may_read_synthesis,
    syntheses_visible_q as syntheses_visible_q,
)
from schakel.access.policy.emergency import (
    emergency_access_in_force as emergency_access_in_force,
    emergency_cases_q as emergency_cases_q,
    may_claim_emergency_access as may_claim_emergency_access,
)
from schakel.access.policy.glossary import (
    may_edit_glossary as may_edit_glossary,
)
from schakel.access.policy.grounds import (
    GROUND_RULES as GROUND_RULES,
    GroundRule as GroundRule,
    ground_rule_problems as ground_rule_problems,
    may_end_legal_ground as may_end_legal_ground,
    may_record_legal_ground as may_record_legal_ground,
    may_record_legal_ground_for as may_record_legal_ground_for,
)
from schakel.access.policy.handover import (
    DISCLOSURE_CATEGORIES as DISCLOSURE_CATEGORIES,
    HANDOVER_CATEGORY as HANDOVER_CATEGORY,
    handover_grounds as handover_grounds,
    handovers_received_q as handovers_received_q,
    handovers_visible_q as handovers_visible_q,
    is_handover_receiver as is_handover_receiver,
    may_accept_handover as may_accept_handover,
    may_disclose_involvement as may_disclose_involvement,
    may_offer_handover as may_offer_handover,
    may_read_handover_package as may_read_handover_package,
    may_return_handover as may_return_handover,
    may_view_handover as may_view_handover,
    may_withdraw_handover as may_withdraw_handover,
)
from schakel.access.policy.information import (
    information_request_answerers as information_request_answerers,
    information_request_block as information_request_block,
    information_requests_to_answer_q as information_requests_to_answer_q,
    information_shows_case as information_shows_case,
    may_answer_information_request as may_answer_information_request,
    may_grant_information_request as may_grant_information_request,
    may_read_information_request as may_read_information_request,
    may_read_information_requests as may_read_information_requests,
    may_request_information as may_request_information,
)
from schakel.access.policy.meetings import (
    may_change_meeting as may_change_meeting,
    may_plan_meeting as may_plan_meeting,
    may_see_agenda_item as may_see_agenda_item,
    may_see_agenda_item_in_portal as may_see_agenda_item_in_portal,
    may_see_invitation_in_portal as may_see_invitation_in_portal,
    may_see_minutes_entry as may_see_minutes_entry,
    may_see_minutes_entry_in_portal as may_see_minutes_entry_in_portal,
    may_view_meeting as may_view_meeting,
    may_write_minutes as may_write_minutes,
    meetings_visible_q as meetings_visible_q,
    portal_invitations_q as portal_invitations_q,
)
from schakel.access.policy.meldcode import (
    may_read_meldcode_route as may_read_meldcode_route,
    may_record_meldcode_step as may_record_meldcode_step,
    may_start_meldcode_route as may_start_meldcode_route,
    meldcode_log_rows_hidden_from_family_q as meldcode_log_rows_hidden_from_family_q,
    meldcode_routes_visible_q as meldcode_routes_visible_q,
)
from schakel.access.policy.notes import (
    NOTE_EDIT_HOURS as NOTE_EDIT_HOURS,
    may_edit_note_in_place as may_edit_note_in_place,
    may_read_note_in_portal as may_read_note_in_portal,
    may_read_notes_of_category as may_read_notes_of_category,
    may_write_note as may_write_note,
    note_edit_window_open as note_edit_window_open,
    notes_readable_q as notes_readable_q,
)
from schakel.access.policy.patterns import (
    management_school_ids as management_school_ids,
    may_change_pattern as may_change_pattern,
    may_list_patterns as may_list_patterns,
    may_read_pattern as may_read_pattern,
    may_see_pattern_signals as may_see_pattern_signals,
    patterns_visible_q as patterns_visible_q,
    school_management_q as school_management_q,
)
from schakel.access.policy.portal import (
    ROLE_PARENT as ROLE_PARENT,
    ROLE_YOUNG_PERSON as ROLE_YOUNG_PERSON,
    PortalPerson as PortalPerson,
    entries_withheld_from_parents as entries_withheld_from_parents,
    may_answer_correction as may_answer_correction,
    may_contribute_in_portal as may_contribute_in_portal,
    may_give_consent_in_portal as may_give_consent_in_portal,
    may_print_plan_for_parents as may_print_plan_for_parents,
    may_read_access_log_in_portal as may_read_access_log_in_portal,
    may_read_case_in_portal as may_read_case_in_portal,
    may_read_child_in_portal as may_read_child_in_portal,
    may_read_file_in_portal as may_read_file_in_portal,
    may_respond_in_portal as may_respond_in_portal,
    may_share_case_in_portal as may_share_case_in_portal,
    may_withhold_entry as may_withhold_entry,
    parents_see_case as parents_see_case,
    portal_cases_q as portal_cases_q,
    portal_corrections_visible_q as portal_corrections_visible_q,
    portal_hidden_entries as portal_hidden_entries,
    portal_person as portal_person,
    portal_readers_of_case as portal_readers_of_case,
)
from schakel.access.policy.prevention import (
    may_change_prevention_matrix as may_change_prevention_matrix,
    may_read_prevention_matrix as may_read_prevention_matrix,
    prevention_schools_q as prevention_schools_q,
)
from schakel.access.policy.pupils import (
    may_sync_pupils as may_sync_pupils,
    may_sync_pupils_somewhere as may_sync_pupils_somewhere,
    pupil_sync_schools_q as pupil_sync_schools_q,
)
from schakel.access.policy.schoolcalendar import (
    may_edit_school_calendar as may_edit_school_calendar,
)
from schakel.access.policy.schoolprofile import (
    may_import_school_monitor as may_import_school_monitor,
    may_import_school_monitor_somewhere as may_import_school_monitor_somewhere,
    may_list_school_profiles as may_list_school_profiles,
    may_view_school_profile as may_view_school_profile,
    school_monitor_import_q as school_monitor_import_q,
    school_profiles_visible_q as school_profiles_visible_q,
)
from schakel.access.policy.systems import (
    may_act_for_professional as may_act_for_professional,
    may_list_notifications as may_list_notifications,
    may_read_attendance_import_status as may_read_attendance_import_status,
    may_read_organisation as may_read_organisation,
    may_read_school as may_read_school,
    may_read_signal_status as may_read_signal_status,
    notifications_for_system_q as notifications_for_system_q,
    organisations_for_system_q as organisations_for_system_q,
    schools_for_system_q as schools_for_system_q,
)
from schakel.access.policy.teamdevelopment import (
    may_answer_survey as may_answer_survey,
    may_change_ambition_session as may_change_ambition_session,
    may_read_ambition_session as may_read_ambition_session,
    may_read_survey as may_read_survey,
    may_run_survey_rounds as may_run_survey_rounds,
    may_start_ambition_session as may_start_ambition_session,
    may_view_team_development as may_view_team_development,
    team_development_teams_q as team_development_teams_q,
)
from schakel.access.policy.teams import (
    may_manage_team as may_manage_team,
)
from schakel.access.policy.triage import (
    may_triage_inbox as may_triage_inbox,
    triage_inbox_q as triage_inbox_q,
)
