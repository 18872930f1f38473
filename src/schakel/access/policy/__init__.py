"""The access policy: every decision about who may see or change what is made here.

Views, the API, exports and commands never decide access themselves; they call the `access_*`
selectors of their app, which ask this module. A refusal is always indistinguishable from
"does not exist" (404) to the user, and is written to the access log.

Need to know (DESIGN §4):
- the coordinator (regiehouder) and the professionals actively involved in a case see it;
- the school's core team sees the signals of its school and, for its pupils, that a case
  exists and who coordinates it, not the case content;
- the one who raised a signal sees that signal;
- a log administrator reads the access log; nobody else does;
- everyone else sees nothing of a child.

The rules live in submodules: `core` (the decision and the relationships), `cases` (cases,
children, signals), `categories` (consent and legal grounds per information category),
`consent` (who manages consent and measures), `portal` (what parents and young people
see of their own file), `handover` (warm hand-over, telling
professionals who else is involved) and `administration` (access log, accounts, retention).
Callers import this package only: `from schakel.access import policy`.
"""

from schakel.access.policy.administration import (
    account_manage as account_manage,
    audit_log_read as audit_log_read,
    destruction_request_handle as destruction_request_handle,
    destruction_requests_list as destruction_requests_list,
    destruction_requests_visible_q as destruction_requests_visible_q,
    retention_manage as retention_manage,
)
from schakel.access.policy.cases import (
    case_content_visible_q as case_content_visible_q,
    case_contribute as case_contribute,
    case_existence_visible_q as case_existence_visible_q,
    case_ids_readable as case_ids_readable,
    case_listable_q as case_listable_q,
    case_open_from_school as case_open_from_school,
    case_read as case_read,
    case_steer as case_steer,
    child_read as child_read,
    children_visible_q as children_visible_q,
    schools_for_raising as schools_for_raising,
    signal_raise as signal_raise,
    signal_read as signal_read,
    signal_triage as signal_triage,
    signal_triage_school as signal_triage_school,
    signals_visible_q as signals_visible_q,
)
from schakel.access.policy.categories import (
    GROUND_CONSENT as GROUND_CONSENT,
    OTS_CATEGORIES as OTS_CATEGORIES,
    OTS_KINDS as OTS_KINDS,
    CategoryDecision as CategoryDecision,
    actor_category_allowed as actor_category_allowed,
    category_allowed as category_allowed,
    consent_in_force as consent_in_force,
    consent_requirement as consent_requirement,
    custody_rule as custody_rule,
)
from schakel.access.policy.consent import (
    consent_give as consent_give,
    consent_manage as consent_manage,
    consent_read as consent_read,
    measure_manage as measure_manage,
)
from schakel.access.policy.core import (
    DENY as DENY,
    Decision as Decision,
    Ground as Ground,
    core_team_school_ids as core_team_school_ids,
)
from schakel.access.policy.handover import (
    DISCLOSURE_CATEGORIES as DISCLOSURE_CATEGORIES,
    HANDOVER_CATEGORY as HANDOVER_CATEGORY,
    handover_accept as handover_accept,
    handover_grounds as handover_grounds,
    handover_offer as handover_offer,
    handover_package_read as handover_package_read,
    handover_return as handover_return,
    handover_view as handover_view,
    handover_withdraw as handover_withdraw,
    handovers_received_q as handovers_received_q,
    handovers_visible_q as handovers_visible_q,
    involvement_disclosure as involvement_disclosure,
    is_handover_receiver as is_handover_receiver,
)
from schakel.access.policy.portal import (
    ROLE_PARENT as ROLE_PARENT,
    ROLE_YOUNG_PERSON as ROLE_YOUNG_PERSON,
    PortalPerson as PortalPerson,
    portal_access_log_read as portal_access_log_read,
    portal_case_contribute as portal_case_contribute,
    portal_case_read as portal_case_read,
    portal_case_respond as portal_case_respond,
    portal_case_share as portal_case_share,
    portal_cases_q as portal_cases_q,
    portal_child_read as portal_child_read,
    portal_consent_give as portal_consent_give,
    portal_correction_answer as portal_correction_answer,
    portal_corrections_visible_q as portal_corrections_visible_q,
    portal_entry_withhold as portal_entry_withhold,
    portal_file_read as portal_file_read,
    portal_hidden_entries as portal_hidden_entries,
    portal_person as portal_person,
    portal_school_info_read as portal_school_info_read,
    portal_school_info_shows_cases as portal_school_info_shows_cases,
)
