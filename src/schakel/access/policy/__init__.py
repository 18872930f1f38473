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
)
from schakel.access.policy.administration import (
    audit_log_read as audit_log_read,
)
from schakel.access.policy.administration import (
    destruction_request_handle as destruction_request_handle,
)
from schakel.access.policy.administration import (
    destruction_requests_list as destruction_requests_list,
)
from schakel.access.policy.administration import (
    destruction_requests_visible_q as destruction_requests_visible_q,
)
from schakel.access.policy.administration import (
    retention_manage as retention_manage,
)
from schakel.access.policy.cases import (
    case_content_visible_q as case_content_visible_q,
)
from schakel.access.policy.cases import (
    case_contribute as case_contribute,
)
from schakel.access.policy.cases import (
    case_existence_visible_q as case_existence_visible_q,
)
from schakel.access.policy.cases import (
    case_open_from_school as case_open_from_school,
)
from schakel.access.policy.cases import (
    case_read as case_read,
)
from schakel.access.policy.cases import (
    case_steer as case_steer,
)
from schakel.access.policy.cases import (
    child_read as child_read,
)
from schakel.access.policy.cases import (
    children_visible_q as children_visible_q,
)
from schakel.access.policy.cases import (
    schools_for_raising as schools_for_raising,
)
from schakel.access.policy.cases import (
    signal_raise as signal_raise,
)
from schakel.access.policy.cases import (
    signal_read as signal_read,
)
from schakel.access.policy.cases import (
    signal_triage as signal_triage,
)
from schakel.access.policy.cases import (
    signal_triage_school as signal_triage_school,
)
from schakel.access.policy.cases import (
    signals_visible_q as signals_visible_q,
)
from schakel.access.policy.categories import (
    GROUND_CONSENT as GROUND_CONSENT,
)
from schakel.access.policy.categories import (
    OTS_CATEGORIES as OTS_CATEGORIES,
)
from schakel.access.policy.categories import (
    OTS_KINDS as OTS_KINDS,
)
from schakel.access.policy.categories import (
    CategoryDecision as CategoryDecision,
)
from schakel.access.policy.categories import (
    actor_category_allowed as actor_category_allowed,
)
from schakel.access.policy.categories import (
    category_allowed as category_allowed,
)
from schakel.access.policy.categories import (
    consent_in_force as consent_in_force,
)
from schakel.access.policy.categories import (
    consent_requirement as consent_requirement,
)
from schakel.access.policy.categories import (
    custody_rule as custody_rule,
)
from schakel.access.policy.consent import (
    consent_give as consent_give,
)
from schakel.access.policy.consent import (
    consent_manage as consent_manage,
)
from schakel.access.policy.consent import (
    consent_read as consent_read,
)
from schakel.access.policy.consent import (
    measure_manage as measure_manage,
)
from schakel.access.policy.core import (
    DENY as DENY,
)
from schakel.access.policy.core import (
    Decision as Decision,
)
from schakel.access.policy.core import (
    Ground as Ground,
)
from schakel.access.policy.core import (
    core_team_school_ids as core_team_school_ids,
)
from schakel.access.policy.handover import (
    DISCLOSURE_CATEGORIES as DISCLOSURE_CATEGORIES,
)
from schakel.access.policy.handover import (
    HANDOVER_CATEGORY as HANDOVER_CATEGORY,
)
from schakel.access.policy.handover import (
    handover_accept as handover_accept,
)
from schakel.access.policy.handover import (
    handover_grounds as handover_grounds,
)
from schakel.access.policy.handover import (
    handover_offer as handover_offer,
)
from schakel.access.policy.handover import (
    handover_package_read as handover_package_read,
)
from schakel.access.policy.handover import (
    handover_return as handover_return,
)
from schakel.access.policy.handover import (
    handover_view as handover_view,
)
from schakel.access.policy.handover import (
    handover_withdraw as handover_withdraw,
)
from schakel.access.policy.handover import (
    handovers_received_q as handovers_received_q,
)
from schakel.access.policy.handover import (
    handovers_visible_q as handovers_visible_q,
)
from schakel.access.policy.handover import (
    involvement_disclosure as involvement_disclosure,
)
from schakel.access.policy.handover import (
    is_handover_receiver as is_handover_receiver,
)
from schakel.access.policy.portal import (
    ROLE_PARENT as ROLE_PARENT,
)
from schakel.access.policy.portal import (
    ROLE_YOUNG_PERSON as ROLE_YOUNG_PERSON,
)
from schakel.access.policy.portal import (
    PortalPerson as PortalPerson,
)
from schakel.access.policy.portal import (
    portal_access_log_read as portal_access_log_read,
)
from schakel.access.policy.portal import (
    portal_case_contribute as portal_case_contribute,
)
from schakel.access.policy.portal import (
    portal_case_read as portal_case_read,
)
from schakel.access.policy.portal import (
    portal_case_respond as portal_case_respond,
)
from schakel.access.policy.portal import (
    portal_case_share as portal_case_share,
)
from schakel.access.policy.portal import (
    portal_cases_q as portal_cases_q,
)
from schakel.access.policy.portal import (
    portal_child_read as portal_child_read,
)
from schakel.access.policy.portal import (
    portal_consent_give as portal_consent_give,
)
from schakel.access.policy.portal import (
    portal_correction_answer as portal_correction_answer,
)
from schakel.access.policy.portal import (
    portal_corrections_visible_q as portal_corrections_visible_q,
)
from schakel.access.policy.portal import (
    portal_entry_withhold as portal_entry_withhold,
)
from schakel.access.policy.portal import (
    portal_file_read as portal_file_read,
)
from schakel.access.policy.portal import (
    portal_hidden_entries as portal_hidden_entries,
)
from schakel.access.policy.portal import (
    portal_person as portal_person,
)
from schakel.access.policy.portal import (
    portal_school_info_read as portal_school_info_read,
)
from schakel.access.policy.portal import (
    portal_school_info_shows_cases as portal_school_info_shows_cases,
)
