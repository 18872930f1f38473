"""The write URLs of the role x URL matrix, with their valid payloads and outcomes per role
(`matrix_write` says what an entry declares; the team at work is in `matrix_writes_team`)."""

from __future__ import annotations

from django_otp.plugins.otp_static.models import StaticToken

from schakel.accounts.models import User, UserSession
from schakel.audit.events import EventCode
from schakel.audit.models import AccessEvent, Outcome as LogOutcome
from schakel.cases.models import (
    Agreement,
    Case,
    ClassroomAdvice,
    Consultation,
    EmergencyAccess,
    Escalation,
    Intervention,
    Involvement,
    PlanStepEntry,
)
from schakel.children.models import Custody, Measure
from schakel.consent.models import Consent, LegalGround
from schakel.handover.models import Handover
from schakel.notes.models import ConversationNote
from schakel.notifications.models import Notification, NotificationPreference
from schakel.notifications.preferences import professional_kinds
from schakel.portal.models import (
    CorrectionRequest,
    InformationRequest,
    OwnView,
    PendingConsentSignature,
    PlanSignature,
    PortalContribution,
    SharedWithParents,
    WithheldEntry,
)
from schakel.retention.models import DestructionRequest, RetentionRule, VerwijsindexReport
from schakel.signals.models import Signal
from tests.access.matrix_write import SIGNAL_DESCRIPTION, Write, rows, today
from tests.access.matrix_writes_absencereports import ABSENCE_REPORT_WRITES
from tests.access.matrix_writes_api import API_WRITES
from tests.access.matrix_writes_apiimport import APIIMPORT_WRITES
from tests.access.matrix_writes_attachments import ATTACHMENT_WRITES
from tests.access.matrix_writes_attendance import ATTENDANCE_WRITES
from tests.access.matrix_writes_dialogue import DIALOGUE_WRITES
from tests.access.matrix_writes_meldcode import MELDCODE_WRITES
from tests.access.matrix_writes_patterns import PATTERN_WRITES
from tests.access.matrix_writes_prevention import PREVENTION_WRITES
from tests.access.matrix_writes_schoolprofile import SCHOOL_PROFILE_WRITES
from tests.access.matrix_writes_team import TEAM_WRITES
from tests.access.matrix_writes_teamdevelopment import TEAMDEVELOPMENT_WRITES
from tests.access.matrix_writes_triage import TRIAGE_WRITES
from tests.factories import days_ahead
from tests.portal.fixtures import PORTAL_PASSWORD  # the password of every UserFactory user

WRITES: dict[str, Write] = {
    # --- signing in (the second step and enrolment: no role is half-way signing in) -----
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    "accounts:login": Write(
        outcomes="302+ 302  302  302  302  302  302  302  302  302  302  302  404  404",
        payload=lambda w: {"username": w.users["coordinator"].username,
                           "password": PORTAL_PASSWORD},
        effect=lambda w: UserSession.objects.filter(
            user_id=w.id("coordinator_user_id")).count()),
    "accounts:verify": Write(
        outcomes="sign 302  302  302  302  302  302  302  302  302  302  302  404  404",
        payload=lambda w: {"code": "000000"},
        effect=lambda w: None,
        no_writer="every signed-in role has passed the second factor already "
                  "(tests/accounts)"),
    "accounts:enrol": Write(
        outcomes="sign 302  302  302  302  302  302  302  302  302  302  302  404  404",
        payload=lambda w: {"code": "000000"},
        effect=lambda w: None,
        no_writer="every signed-in role has an authenticator already (tests/accounts)"),
    "accounts:recovery_codes": Write(
        outcomes="sign 200+ 200+ 200+ 200+ 200+ 200+ 200+ 200+ 200+ 200+ 200+ 404  404",
        payload=lambda w: {},
        effect=rows(StaticToken)),
    "accounts:logout": Write(
        outcomes="sign sign+ sign+ sign+ sign+ sign+ sign+ sign+ sign+ sign+ sign+ sign+ sign+ sign+",  # noqa: E501
        payload=lambda w: {},
        effect=lambda w: UserSession.objects.count()),

    # --- the child ---------------------------------------------------------------------------
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    # Ending the mother's custody: the core team of the child's school and the coordinator
    # (`may_record_custody`); the involved POH reads the page, without its forms.
    "children:custody": Write(
        outcomes="sign 302+ 404! 302+ 200* 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"action": "end", "end-custody": w.id("custody_id"),
                           "end-end_date": today()},
        effect=rows(Custody, pk="custody_id")),

    # Recording a measure is for a certified institution (`policy.may_record_measures`), which
    # no role here is: the readers get the page back unchanged, the others 404.
    "children:measures": Write(
        outcomes="sign 200* 404! 200* 200* 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"kind": "ots", "worker": w.id("professional_id"),
                           "start_date": today(), "end_date": ""},
        effect=rows(Measure),
        no_writer="no role is a professional of a certified institution (tests/children)"),
    "children:measure_end": Write(
        outcomes="sign 404  404! 404  404  404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"measure": 999999, "end_date": today()},
        effect=rows(Measure),
        no_writer="the world has no measure; ending one is tested in tests/children"),

    # --- signals -------------------------------------------------------------------------
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    # A school one does not work at is a tampered id: 404, like a missing one (not logged).
    "signals:raise": Write(
        outcomes="sign 302+ 302+ 404  404  404  404  404  404  404  404  404  404  404",
        payload=lambda w: {
            "school": w.id("school_id"), "level": "child", "child": w.id("child_id"),
            "school_class": "", "theme": w.id("theme_id"), "description": SIGNAL_DESCRIPTION},
        effect=rows(Signal)),
    "signals:status": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"status": "discussed", "collective_action": ""},
        effect=rows(Signal, pk="signal_id")),

    # --- cases ---------------------------------------------------------------------------
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    "cases:open": Write(
        outcomes="sign 302+ 404  404  404  404  404  404  404  404  404  404  404  404",
        payload=lambda w: {"school": w.id("school_id"), "child": w.id("child_id"),
                           "subject": "child", "title": "Nieuwe casus", "part": "IB'er"},
        effect=rows(Case)),
    "cases:open_from_signal": Write(
        outcomes="sign 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"subject": "child", "title": "Uit het signaal", "part": "IB'er"},
        effect=rows(Case)),
    "cases:involve": Write(
        outcomes="sign 404! 404! 302+ 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"involve-professional": w.id("teacher_id"),
                           "involve-part": "Mentor", "involve-start_date": today()},
        effect=rows(Involvement, case_id="case_id")),
    "cases:end_involvement": Write(
        outcomes="sign 404! 404! 302+ 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"involvement": w.id("involvement_id"), "end_date": today()},
        effect=rows(Involvement, pk="involvement_id")),
    # Refused to whoever may read but not do it: sent back to the case page (302), unchanged.
    "cases:set_coordinator": Write(
        outcomes="sign 404! 404! 302+ 302  404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"coordinator-professional": w.id("involved_id")},
        effect=rows(Case, pk="case_id")),
    "cases:consultation": Write(
        outcomes="sign 404! 404! 302+ 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"consultation-signals_seen": "Ruzie in de pauze"},
        effect=rows(Consultation, case_id="case_id")),
    "notes:add": Write(
        outcomes="sign 404! 404! 302+ 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"kind": "phone", "held_on": today(), "participants": "Moeder",
                           "text": "Telefonisch contact", "category": "care"},
        effect=rows(ConversationNote, case_id="case_id")),
    # The coordinator's own note (changed in place), or anyone's with a reason (a version).
    "notes:correct": Write(
        outcomes="sign 404! 404! 302+ 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"kind": "parents", "held_on": today(),
                           "participants": "Moeder, regiehouder",
                           "text": "Gesprek over het plein en de pauzes.", "category": "care",
                           "reason": "Aangevuld"},
        effect=rows(ConversationNote, case_id="case_id")),
    "cases:plan_step": Write(
        outcomes="sign 404! 404! 302+ 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"step-1-content": "De hulpvraag, opnieuw geformuleerd"},
        effect=rows(PlanStepEntry, case_id="case_id")),
    "cases:agreement_create": Write(
        outcomes="sign 404! 404! 302+ 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"agreement-description": "Gesprek met de mentor",
                           "agreement-owner": w.id("involved_id"),
                           "agreement-due_date": days_ahead(14).isoformat()},
        effect=rows(Agreement, case_id="case_id")),
    "cases:agreement_status": Write(
        outcomes="sign 404! 404! 302+ 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"agreement": w.id("agreement_id"), "status": "done"},
        effect=rows(Agreement, pk="agreement_id")),
    "cases:intervention": Write(
        outcomes="sign 404! 404! 302+ 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"intervention-description": "Sociale vaardigheidstraining",
                           "intervention-provider": "Jongerenwerk",
                           "intervention-start_date": today()},
        effect=rows(Intervention, case_id="case_id")),
    "cases:advice": Write(
        outcomes="sign 404! 404! 302+ 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"advice-advice": "Geef haar een vaste plek in de klas."},
        effect=rows(ClassroomAdvice, case_id="case_id")),
    "cases:escalate": Write(
        outcomes="sign 404! 404! 302+ 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"escalate-level": "sot", "escalate-reason": "Geen voortgang"},
        effect=rows(Escalation, case_id="case_id")),
    "cases:close": Write(
        outcomes="sign 404! 404! 302+ 302  404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"close-reason": "De hulp loopt goed"},
        effect=rows(Case, pk="case_id")),

    # Breaking the glass: a professional of an organisation on the case or of the child's
    # school board; not the former social worker (her involvement ended).
    "cases:emergency_access": Write(
        outcomes="sign 302+ 302+ 302+ 302+ 302+ 404! 302+ 404! 404! 404! 404! 404  404",
        payload=lambda w: {"reason": "Acute zorgen, de regiehouder is niet bereikbaar"},
        effect=rows(EmergencyAccess, case_id="case_id")),

    # --- warm hand-over --------------------------------------------------------------------
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    "handover:offer": Write(
        outcomes="sign 404! 404! 302+ 302  404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"handover-kind": "schools",
                           "handover-to_school": w.id("other_school_id"),
                           "handover-summary": "Naar het voortgezet onderwijs",
                           "handover-include_plan": "on"},
        effect=rows(Handover)),
    "handover:accept": Write(
        outcomes="sign 404! 404! 404! 404! 404! 404! 302+ 404! 404! 404! 404! 404  404",
        payload=lambda w: {},
        effect=rows(Handover, pk="handover_id")),
    "handover:return": Write(
        outcomes="sign 404! 404! 404! 404! 404! 404! 302+ 404! 404! 404! 404! 404  404",
        payload=lambda w: {"return-reason": "Past niet bij mijn caseload"},
        effect=rows(Handover, pk="handover_id")),
    "handover:withdraw": Write(
        outcomes="sign 404! 404! 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {},
        effect=rows(Handover, pk="handover_id")),

    # --- consent ---------------------------------------------------------------------------
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    "consent:record": Write(
        outcomes="sign 404! 404! 302+ 302+ 302+ 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {
            "organisation": w.id("unconsented_organisation_id"), "category": "care",
            "purpose": "Samen optrekken", "method": "written", "given_at": today(),
            "guardians": [w.id("guardian_id")], "young_person": "on"},
        effect=rows(Consent, child_id="child_id")),
    "consent:withdraw": Write(
        outcomes="sign 404! 404! 302+ 302+ 302+ 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"withdrawn_by": str(w.id("guardian_id")), "confirm": "on"},
        effect=rows(Consent, pk="consent_id")),
    "consent:ground_record": Write(
        outcomes="sign 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {
            "ground-organisation": w.id("municipality_id"), "ground-category": "attendance",
            "ground-kind": "truancy_reporting", "ground-reference": "Leerplichtwet art. 21a",
            "ground-valid_from": today(), "ground-valid_until": days_ahead(30).isoformat()},
        effect=rows(LegalGround, child_id="child_id"),
        no_writer="only a professional of the file holder (the school) involved in the case, "
                  "or the privacy officer, who does not read the child's consent page "
                  "(tests/consent/test_legal_ground_rules.py)"),
    "consent:ground_end": Write(
        outcomes="sign 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"end_date": today()},
        effect=rows(LegalGround, pk="ground_id"),
        no_writer="the same people as above, and the receiving organisation (a municipality "
                  "no role works for); every involved professional could, before "
                  "`policy.may_end_legal_ground` (tests/consent/test_legal_ground_end.py)"),

    # --- the access log, notifications ---------------------------------------------------
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    "audit:export": Write(
        outcomes="sign 404! 404! 404! 404! 404! 404! 404! 404! 404! 200+ 404! 404  404",
        payload=lambda w: {"child": w.id("child_id")},
        effect=lambda w: AccessEvent.objects.filter(
            event_code=EventCode.ACCESS_LOG_EXPORT, outcome=LogOutcome.SUCCESS).count()),
    # One's own e-mail choices: every signed-in professional (and the operator). The daily
    # e-mail is a choice for every kind, the safety-relevant ones too.
    "notifications:preferences": Write(
        outcomes="sign 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 404  404",
        payload=lambda w: {kind.value: "digest" for kind in professional_kinds()},
        effect=rows(NotificationPreference)),
    "notifications:read": Write(
        outcomes="sign 404  404  302+ 404  404  404  404  404  404  404  404  404  404",
        payload=lambda w: {},
        effect=rows(Notification, pk="notification_id")),

    # --- retention -------------------------------------------------------------------------
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    "retention:rule_edit": Write(
        outcomes="sign 404! 404! 404! 404! 404! 404! 404! 404! 404! 302+ 404! 404  404",
        payload=lambda w: {"period_years": 16, "period_days": 0, "start_event": "case_closed",
                           "action": "delete", "notes": "Jeugdwet 7.3.8"},
        effect=rows(RetentionRule, pk="rule_id")),
    "retention:destruction_register": Write(
        outcomes="sign 404! 404! 302+ 404! 404! 404! 404! 404! 404! 302+ 404! 404  404",
        payload=lambda w: {"requested_by": "Bastiaan", "requester_relation": "young_person",
                           "received_on": today()},
        effect=rows(DestructionRequest)),
    "retention:destruction_decide": Write(
        outcomes="sign 404! 404! 302+ 404! 404! 404! 404! 404! 404! 302+ 404! 404  404",
        payload=lambda w: {"decision": "refuse", "refusal_ground": "other_interest",
                           "reason": "Van belang voor de broer"},
        effect=rows(DestructionRequest, pk="request_id")),
    "retention:destruction_carry_out": Write(
        outcomes="sign 404! 404! 200* 404! 404! 404! 404! 404! 404! 200* 404! 404  404",
        payload=lambda w: {"confirm": "on"},
        effect=rows(DestructionRequest, pk="request_id"),
        no_writer="the world's request is not assessed yet (and the child's case is open); "
                  "tests/retention"),
    "retention:verwijsindex": Write(
        outcomes="sign 404! 404! 302+ 302+ 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"reported": "yes", "reported_on": today(),
                           "reported_by": "Anne Regie, GGD"},
        effect=rows(VerwijsindexReport, case_id="case_id")),

    # --- the portal --------------------------------------------------------------------------
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    # Whoever knows the mother's password signs in as her, even from a professional's session.
    "portal:login": Write(
        outcomes="302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302  302",
        payload=lambda w: {"username": User.objects.get(pk=w.id("parent_user_id")).username,
                           "password": PORTAL_PASSWORD},
        effect=lambda w: UserSession.objects.filter(user_id=w.id("parent_user_id")).count()),
    # Signing out ends any session, a professional's too.
    "portal:logout": Write(
        outcomes="ptl  ptl+ ptl+ ptl+ ptl+ ptl+ ptl+ ptl+ ptl+ ptl+ ptl+ ptl+ ptl+ ptl+",
        payload=lambda w: {},
        effect=lambda w: UserSession.objects.count()),
    "portal:consent": Write(
        outcomes="ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  302+ 302+",
        payload=lambda w: {"organisation": w.id("unconsented_organisation_id"),
                           "category": "school", "purpose": "Contact met de school"},
        effect=lambda w: PendingConsentSignature.objects.count()),
    "portal:consent_pending": Write(
        outcomes="ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  302+ 302+",
        payload=lambda w: {"pending": w.id("pending_id"), "decision": "sign"},
        effect=lambda w: PendingConsentSignature.objects.count()),
    "portal:consent_withdraw": Write(
        outcomes="ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  302+ 302+",
        payload=lambda w: {"consent": w.id("consent_id"), "confirmed": "yes"},
        effect=rows(Consent, pk="consent_id")),
    "portal:contribute": Write(
        outcomes="ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  302+ 302+",
        payload=lambda w: {"content": "Ik wil graag een vaste plek in de klas."},
        effect=rows(PortalContribution, case_id="case_id")),
    "portal:sign": Write(
        outcomes="ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  302+ 302+",
        payload=lambda w: {},
        effect=rows(PlanSignature, case_id="case_id")),
    "portal:share": Write(
        outcomes="ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  404! 404!",
        payload=lambda w: {"share": "1"},
        effect=rows(SharedWithParents, case_id="case_id"),
        no_writer="a young person shares from 16; she is 13 (tests/portal)"),
    "portal:own_view": Write(
        outcomes="ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  302+ 302+",
        payload=lambda w: {"text": "Zo was het niet bedoeld."},
        effect=rows(OwnView, case_id="case_id")),
    "portal:correction": Write(
        outcomes="ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  ptl  302+ 302+",
        payload=lambda w: {"text": "De datum klopt niet."},
        effect=rows(CorrectionRequest, case_id="case_id")),
    "portal:correction_answer": Write(
        outcomes="sign 404! 404! 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"status": "declined", "answer": "Het verslag klopt zo."},
        effect=rows(CorrectionRequest, pk="correction_id")),
    "portal:withhold": Write(
        outcomes="sign 404! 404! 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"entry_type": "plan_step", "entry_id": w.id("plan_entry_id"),
                           f"plan_step-{w.id('plan_entry_id')}-reason": "In haar belang"},
        effect=rows(WithheldEntry, case_id="case_id")),

    # A request of the father without custody (BW 1:377c): the coordinator of the open case
    # answers it.
    "portal:information_answer": Write(
        outcomes="sign 404! 404! 302+ 404! 404! 404! 404! 404! 404! 404! 404! 404  404",
        payload=lambda w: {"decision": "refuse", "message": "",
                           "refusal_reason": "Niet in het belang van het kind"},
        effect=rows(InformationRequest, pk="information_request_id")),

    # --- Django's language switch ------------------------------------------------------------
    #             anon core tchr coor invl ncon form coll outs oth2 priv supr prnt yng
    "set_language": Write(
        outcomes="302  302  302  302  302  302  302  302  302  302  302  302  302  302",
        payload=lambda w: {"language": "en", "next": "/"},
        effect=lambda w: None,
        no_writer="it sets the language cookie; no data changes"),
    **TEAM_WRITES,
    **ATTENDANCE_WRITES,
    **ABSENCE_REPORT_WRITES,
    **ATTACHMENT_WRITES,
    **API_WRITES,
    **APIIMPORT_WRITES,
    **TRIAGE_WRITES,
    **MELDCODE_WRITES,
    **DIALOGUE_WRITES,
    **PREVENTION_WRITES,
    **PATTERN_WRITES,
    **TEAMDEVELOPMENT_WRITES,
    **SCHOOL_PROFILE_WRITES,
}
