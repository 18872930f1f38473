"""For each logged read, a scenario: the call, the actor and the child whose row it must
leave (for `test_reads_logged`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.utils import timezone

from schakel.absencereports.models import AbsenceReport, ReportKind, ReportStatus
from schakel.absencereports.selectors import (
    absence_report_get,
    absence_reports_for,
    absence_reports_for_export,
)
from schakel.access.actor import Actor
from schakel.attachments.models import Attachment
from schakel.attachments.selectors import attachment_for_download
from schakel.attendance.models import AttendanceTier, ReportingEvent
from schakel.attendance.selectors.figures import case_attendance, pupil_figures, school_figures
from schakel.audit.selectors import AccessLogFilter, access_log_dashboard, access_log_page
from schakel.cases.selectors import (
    agreements_for_owner,
    case_awaiting_consent_get,
    case_existence_for_child,
    case_for_emergency_get,
    case_get,
    case_list_page,
)
from schakel.cases.services.emergency import emergency_access_claim
from schakel.children.search_query import child_query_parse
from schakel.children.selectors import (
    child_get,
    children_search,
    custody_page,
    measures_page,
    pupil_at_school,
    pupils_search,
    siblings_shown,
)
from schakel.chronology.selectors import ChronologyFilter, chronology_page
from schakel.consent.models import InformationCategory
from schakel.consent.selectors import (
    children_for_sharing_check,
    consent_child_get,
    consent_overview,
    sharing_check,
)
from schakel.handover.models import HandoverKind
from schakel.handover.selectors import handover_get, handovers_for
from schakel.handover.services import handover_offer
from schakel.meetings.models import AgendaItem, Meeting, MeetingKind, MinutesEntry, Participant
from schakel.meetings.selectors import (
    case_family_for_meeting,
    meeting_agenda,
    meeting_minutes,
)
from schakel.meetings.selectors.family import portal_invitation_get
from schakel.meldcode.models import MeldcodeRoute
from schakel.meldcode.selectors import (
    case_meldcode_routes,
    meldcode_route_get,
    meldcode_routes_for,
)
from schakel.notes.models import ConversationNote, NoteKind
from schakel.notes.selectors import note_for_correction
from schakel.patterns.models import Pattern
from schakel.patterns.selectors import pattern_get
from schakel.portal.entries import entry_key
from schakel.portal.models import CorrectionRequest
from schakel.portal.selectors.access_log import portal_access_log_page
from schakel.portal.selectors.consent import portal_consent_overview
from schakel.portal.selectors.family import (
    portal_case_page,
    portal_child_get,
    portal_entry_get,
    portal_home,
)
from schakel.portal.selectors.information import (
    information_request_get,
    information_requests_to_answer,
    portal_information_page,
)
from schakel.portal.selectors.professionals import (
    case_portal_voice,
    correction_for_answer,
    corrections_for_answer,
    withhold_overview,
)
from schakel.portal.services.family import correction_request_create, portal_contribution_add
from schakel.portal.services.information import information_request_ask
from schakel.retention.models import RequesterRelation
from schakel.retention.selectors import (
    child_for_destruction_request,
    children_for_destruction_request,
    destruction_request_get,
    destruction_requests,
    destruction_requests_overdue,
    verwijsindex_status,
)
from schakel.retention.services import destruction_request_register
from schakel.signals.selectors import (
    new_signals_for_core_team,
    signal_get,
    signal_list_page,
    signals_for_child,
)
from schakel.triage.selectors import signal_for_triage, triage_inbox
from tests.conftest import World
from tests.factories import (
    AccessEventFactory,
    AgreementFactory,
    ChildFactory,
    ConsentFactory,
    InvolvementFactory,
    MeasureFactory,
    ProfessionalFactory,
    UserFactory,
    actor_for,
)
from tests.portal.fixtures import build_portal_world, portal_actor

# A read: the call, the actor, and the child whose row it must leave.
Read = tuple[Callable[[], object], Actor, int]


def _offered_handover(w: World) -> tuple[Any, Actor]:
    receiver = ProfessionalFactory(social_worker=True)
    ConsentFactory(child=w.child, organisation=receiver.organisation,
                   category=InformationCategory.CARE, signed_by=[w.guardian])
    handover = handover_offer(actor=w.actor(w.nurse), case=w.case,
                              kind=HandoverKind.PROFESSIONALS, summary="Bas vecht.",
                              to_professional=receiver)
    return handover, actor_for(receiver)


def _destruction_request(w: World, received_on: dt.date | None = None) -> Any:
    return destruction_request_register(
        actor=w.actor(w.log_admin), child=w.child, requested_by="Eva Jansen",
        requester_relation=RequesterRelation.PARENT,
        received_on=received_on or timezone.localdate() - dt.timedelta(days=3))


def _case_reads(w: World) -> dict[str, Read]:
    nurse, core = w.actor(w.nurse), w.actor(w.core_member)
    AgreementFactory(case=w.case, owner=w.nurse)
    worker = ProfessionalFactory(social_worker=True)  # involved, no consent for their org
    InvolvementFactory(case=w.case, professional=worker, added_by=w.nurse)
    waiting = w.actor(worker)
    return {
        "cases.selectors.case_list_page": (
            lambda: case_list_page(actor=nurse, page_number=1), nurse, w.child.pk),
        "cases.selectors.case_get": (
            lambda: case_get(actor=nurse, case_id=w.case.pk), nurse, w.child.pk),
        "cases.selectors.agreements_for_owner": (
            lambda: agreements_for_owner(actor=nurse), nurse, w.child.pk),
        "cases.selectors.case_existence_for_child": (
            lambda: case_existence_for_child(actor=core, child_id=w.child.pk), core,
            w.child.pk),
        "cases.selectors.case_awaiting_consent_get": (
            lambda: case_awaiting_consent_get(actor=waiting, case_id=w.case.pk), waiting,
            w.child.pk),
        "retention.selectors.verwijsindex_status": (
            lambda: verwijsindex_status(actor=nurse, case_id=w.case.pk), nurse, w.child.pk),
        "cases.selectors.case_for_emergency_get": (
            lambda: case_for_emergency_get(actor=waiting, case_id=w.case.pk), waiting,
            w.child.pk),
    }


def _measure_reads(w: World) -> dict[str, Read]:
    MeasureFactory(child=w.child)
    core = w.actor(w.core_member)
    return {"children.selectors.measures_page": (
        lambda: measures_page(actor=core, child_id=w.child.pk), core, w.child.pk)}


def _chronology_reads(w: World) -> dict[str, Read]:
    AgreementFactory(case=w.case, owner=w.nurse)
    nurse = w.actor(w.nurse)
    return {"chronology.selectors.chronology_page": (
        lambda: chronology_page(actor=nurse, child_id=w.child.pk, filters=ChronologyFilter(),
                                page_number=1), nurse, w.child.pk)}


def _meeting_reads(w: World) -> dict[str, Read]:
    """A kernteam meeting that has begun, with the case on its agenda and minutes in it."""
    nurse = w.actor(w.nurse)
    meeting = Meeting.objects.create(school=w.school, kind=MeetingKind.CORE_TEAM,
                                     organiser=w.core_member,
                                     starts_at=timezone.now() - dt.timedelta(minutes=5))
    Participant.objects.create(meeting=meeting, professional=w.nurse)
    item = AgendaItem.objects.create(meeting=meeting, source="cases.no_evaluation",
                                     heading="Casus", case=w.case, child=w.child)
    MinutesEntry.objects.create(meeting=meeting, agenda_item=item, case=w.case,
                                text="Besproken.", author=w.nurse)
    return {
        "meetings.selectors.meeting_agenda": (
            lambda: meeting_agenda(actor=nurse, meeting=meeting), nurse, w.child.pk),
        "meetings.selectors.meeting_minutes": (
            lambda: meeting_minutes(actor=nurse, meeting=meeting), nurse, w.child.pk),
        "meetings.selectors.case_family_for_meeting": (
            lambda: case_family_for_meeting(actor=nurse, case_id=w.case.pk), nurse,
            w.child.pk),
    }


def _note_reads(w: World) -> dict[str, Read]:
    nurse = w.actor(w.nurse)
    note = ConversationNote.objects.create(
        case=w.case, kind=NoteKind.PHONE, held_on=timezone.localdate(), participants="Moeder",
        text="Gebeld.", category=InformationCategory.CARE, author=w.nurse)
    return {
        "notes.selectors.note_for_correction": (
            lambda: note_for_correction(actor=nurse, note_id=note.pk), nurse, w.child.pk),
    }

def _meldcode_reads(w: World) -> dict[str, Read]:
    """The nurse (the case's coordinator) runs a route on the case."""
    nurse = w.actor(w.nurse)
    route = MeldcodeRoute.objects.create(case=w.case, runner=w.nurse,
                                         started_at=timezone.now())
    return {
        "meldcode.selectors.meldcode_route_get": (
            lambda: meldcode_route_get(actor=nurse, route_id=route.pk), nurse, w.child.pk),
        "meldcode.selectors.case_meldcode_routes": (
            lambda: case_meldcode_routes(actor=nurse, case=w.case), nurse, w.child.pk),
        "meldcode.selectors.meldcode_routes_for": (
            lambda: meldcode_routes_for(actor=nurse), nurse, w.child.pk),
    }


def _pattern_reads(w: World) -> dict[str, Read]:
    """A class pattern that counted the world's signal about Bas; the core team reads it."""
    core = w.actor(w.core_member)
    pattern = Pattern.objects.create(
        school=w.school, school_class=w.school_class, theme=w.signal.theme,
        period_start=w.signal.raised_at, period_end=w.signal.raised_at, signal_count=1,
        detected_at=timezone.now())
    pattern.signals.add(w.signal)
    return {"patterns.selectors.pattern_get": (
        lambda: pattern_get(actor=core, pattern_id=pattern.pk), core, w.child.pk)}


def _absence_report_reads(w: World) -> dict[str, Read]:
    core = w.actor(w.core_member)
    report = AbsenceReport.objects.create(
        child=w.child, school=w.school, kind=ReportKind.SIXTEEN_HOURS,
        start_date=timezone.localdate(), end_date=timezone.localdate(),
        absent_hours=Decimal("16"), absent_days=3, school_action="Gesprek",
        status=ReportStatus.CONFIRMED)
    return {
        "absencereports.selectors.absence_reports_for": (
            lambda: absence_reports_for(actor=core), core, w.child.pk),
        "absencereports.selectors.absence_report_get": (
            lambda: absence_report_get(actor=core, report_id=report.pk), core, w.child.pk),
        "absencereports.selectors.absence_reports_for_export": (
            lambda: absence_reports_for_export(actor=core, school_id=w.school.pk), core,
            w.child.pk),
    }


def _attendance_reads(w: World) -> dict[str, Read]:
    core = w.actor(w.core_member)
    week = timezone.localdate() - dt.timedelta(days=timezone.localdate().weekday() + 7)
    AttendanceTier.objects.create(child=w.child, school=w.school, school_week=week, tier=2)
    ReportingEvent.objects.create(child=w.child, school=w.school, seq=1, window_start=week,
                                  window_end=week, unauthorised_minutes=960)
    return {
        "attendance.selectors.figures.pupil_figures": (
            lambda: pupil_figures(actor=core, school_id=w.school.pk, child_id=w.child.pk), core,
            w.child.pk),
        "attendance.selectors.figures.school_figures": (
            lambda: school_figures(actor=core, school_id=w.school.pk, class_id=None,
                                   as_of=timezone.localdate()), core, w.child.pk),
        "attendance.selectors.figures.case_attendance": (
            lambda: case_attendance(actor=core, child=w.child, school=w.school), core,
            w.child.pk),
    }


def _attachment_reads(w: World) -> dict[str, Read]:
    nurse = w.actor(w.nurse)
    attachment = Attachment.objects.create(
        case=w.case, name="Verslag.pdf", content_type="application/pdf", size=1, sha256="0",
        stored_name=f"read-scenario-{w.case.pk}", category=InformationCategory.CARE,
        uploaded_by=w.nurse)
    return {
        "attachments.selectors.attachment_for_download": (
            lambda: attachment_for_download(actor=nurse, attachment_id=attachment.pk), nurse,
            w.child.pk),
    }


def _family_meeting_reads(w: World) -> dict[str, Read]:
    """The mother (custody, Bas is 9) invited to Bas's MDO, with his case on the agenda."""
    w.guardian.user = UserFactory(username="moeder-mdo")
    w.guardian.save(update_fields=["user"])
    mdo = Meeting.objects.create(school=w.school, kind=MeetingKind.MDO, organiser=w.nurse,
                                 case=w.case, starts_at=timezone.now() + dt.timedelta(days=3))
    invitation = Participant.objects.create(meeting=mdo, guardian=w.guardian)
    AgendaItem.objects.create(meeting=mdo, source="manual", heading="Thuis", case=w.case,
                              child=w.child)
    mother = portal_actor(w.guardian.user)
    return {
        "meetings.selectors.family.portal_invitation_get": (
            lambda: portal_invitation_get(actor=mother, invitation_id=invitation.pk), mother,
            w.child.pk),
    }


def _child_reads(w: World) -> dict[str, Read]:
    core = w.actor(w.core_member)
    sibling = ChildFactory(family=w.family)
    return {
        "children.selectors.child_get": (
            lambda: child_get(actor=core, child_id=w.child.pk), core, w.child.pk),
        "children.selectors.custody_page": (
            lambda: custody_page(actor=core, child_id=w.child.pk), core, w.child.pk),
        "consent.selectors.children_for_sharing_check": (
            lambda: children_for_sharing_check(actor=core, query=w.child.first_name), core,
            w.child.pk),
        "children.selectors.pupils_search": (
            lambda: pupils_search(actor=core, school_id=w.school.pk, query="Bas"), core,
            w.child.pk),
        "children.selectors.children_search": (
            lambda: children_search(actor=core, query=child_query_parse("bas jansn")), core,
            w.child.pk),
        "children.selectors.pupil_at_school": (
            lambda: pupil_at_school(actor=core, school_id=w.school.pk, child_id=w.child.pk),
            core, w.child.pk),
        "children.selectors.siblings_shown": (
            lambda: siblings_shown(actor=core, child=w.child), core, sibling.pk),
        "signals.selectors.signal_list_page": (
            lambda: signal_list_page(actor=core, page_number=1), core, w.child.pk),
        "signals.selectors.signal_get": (
            lambda: signal_get(actor=core, signal_id=w.signal.pk), core, w.child.pk),
        "signals.selectors.new_signals_for_core_team": (
            lambda: new_signals_for_core_team(actor=core), core, w.child.pk),
        "triage.selectors.triage_inbox": (
            lambda: triage_inbox(actor=core), core, w.child.pk),
        "triage.selectors.signal_for_triage": (
            lambda: signal_for_triage(actor=core, signal_id=w.signal.pk), core, w.child.pk),
        "signals.selectors.signals_for_child": (
            lambda: signals_for_child(actor=core, child_id=w.child.pk), core, w.child.pk),
        "consent.selectors.consent_child_get": (
            lambda: consent_child_get(actor=core, child_id=w.child.pk), core, w.child.pk),
        "consent.selectors.consent_overview": (
            lambda: consent_overview(actor=core, child=w.child), core, w.child.pk),
        "consent.selectors.sharing_check": (
            lambda: sharing_check(actor=core, child=w.child, recipient=w.nurse.organisation,
                                  category=InformationCategory.CARE), core, w.child.pk),
    }


def _handover_and_retention_reads(w: World) -> dict[str, Read]:
    handover, receiver = _offered_handover(w)
    admin = w.actor(w.log_admin)
    request = _destruction_request(w)
    _destruction_request(w, received_on=timezone.localdate() - dt.timedelta(days=200))
    AccessEventFactory(child_id=w.child.pk)
    return {
        "handover.selectors.handover_get": (
            lambda: handover_get(actor=receiver, handover_id=handover.pk), receiver,
            w.child.pk),
        "handover.selectors.handovers_for": (
            lambda: handovers_for(actor=receiver), receiver, w.child.pk),
        "retention.selectors.destruction_requests": (
            lambda: destruction_requests(actor=admin), admin, w.child.pk),
        "retention.selectors.destruction_requests_overdue": (
            lambda: destruction_requests_overdue(actor=admin), admin, w.child.pk),
        "retention.selectors.destruction_request_get": (
            lambda: destruction_request_get(actor=admin, request_id=request.pk), admin,
            w.child.pk),
        "retention.selectors.child_for_destruction_request": (
            lambda: child_for_destruction_request(actor=admin, child_id=w.child.pk), admin,
            w.child.pk),
        "retention.selectors.children_for_destruction_request": (
            lambda: children_for_destruction_request(
                actor=admin, last_name="Jansen", birth_date=w.child.birth_date), admin,
            w.child.pk),
        "audit.selectors.access_log_page": (
            lambda: access_log_page(actor=admin, filters=AccessLogFilter(), page_number=1),
            admin, w.child.pk),
        # The dashboard names the child of an emergency access (claimed just before).
        "audit.selectors.access_log_dashboard": (
            lambda: (emergency_access_claim(actor=w.actor(w.teacher), case=w.case,
                                            reason="Acuut gevaar"),
                     access_log_dashboard(actor=admin))[1], admin, w.child.pk),
    }


def _portal_reads(w: World) -> dict[str, Read]:
    pw = build_portal_world()
    mother, young = portal_actor(pw.mother_user), portal_actor(pw.young_user)
    nurse = actor_for(pw.nurse)
    portal_contribution_add(actor=young, case=pw.case_young, content="Een vaste mentor.")
    correction_request_create(actor=young, case=pw.case_young, entry_type="plan_step",
                              entry_id=pw.step3.pk, text="Alleen op maandag.")
    correction = CorrectionRequest.objects.get()
    entry_type, entry_id = entry_key(pw.agreement)
    father = portal_actor(pw.father_user)
    information = information_request_ask(actor=father, child=pw.little, question="Hoe gaat het?")
    return {
        "portal.selectors.consent.portal_consent_overview": (
            lambda: portal_consent_overview(actor=mother, child_id=pw.little.pk), mother,
            pw.little.pk),
        "portal.selectors.family.portal_home": (
            lambda: portal_home(actor=mother), mother, pw.little.pk),
        "portal.selectors.family.portal_child_get": (
            lambda: portal_child_get(actor=mother, child_id=pw.little.pk), mother,
            pw.little.pk),
        "portal.selectors.information.portal_information_page": (
            lambda: portal_information_page(actor=father, child_id=pw.little.pk), father,
            pw.little.pk),
        "portal.selectors.information.information_requests_to_answer": (
            lambda: information_requests_to_answer(actor=nurse), nurse, pw.little.pk),
        "portal.selectors.information.information_request_get": (
            lambda: information_request_get(actor=nurse, request_id=information.pk), nurse,
            pw.little.pk),
        "portal.selectors.family.portal_entry_get": (
            lambda: portal_entry_get(actor=young, case_id=pw.case_young.pk,
                                     entry_type=entry_type, entry_id=entry_id), young,
            pw.young.pk),
        "portal.selectors.family.portal_case_page": (
            lambda: portal_case_page(actor=mother, case_id=pw.case_little.pk), mother,
            pw.little.pk),
        "portal.selectors.access_log.portal_access_log_page": (
            lambda: portal_access_log_page(actor=mother, child_id=pw.little.pk,
                                           page_number=1), mother, pw.little.pk),
        "portal.selectors.professionals.case_portal_voice": (
            lambda: case_portal_voice(actor=nurse, case=pw.case_young), nurse, pw.young.pk),
        "portal.selectors.professionals.corrections_for_answer": (
            lambda: corrections_for_answer(actor=nurse), nurse, pw.young.pk),
        "portal.selectors.professionals.correction_for_answer": (
            lambda: correction_for_answer(actor=nurse, correction_id=correction.pk), nurse,
            pw.young.pk),
        "portal.selectors.professionals.withhold_overview": (
            lambda: withhold_overview(actor=nurse, case_id=pw.case_young.pk), nurse,
            pw.young.pk),
    }


READS: dict[str, Callable[[World], dict[str, Read]]] = {
    "cases.selectors.case_list_page": _case_reads,
    "cases.selectors.case_get": _case_reads,
    "cases.selectors.agreements_for_owner": _case_reads,
    "cases.selectors.case_existence_for_child": _case_reads,
    "cases.selectors.case_awaiting_consent_get": _case_reads,
    "cases.selectors.case_for_emergency_get": _case_reads,
    "retention.selectors.verwijsindex_status": _case_reads,
    "children.selectors.child_get": _child_reads,
    "children.selectors.custody_page": _child_reads,
    "consent.selectors.children_for_sharing_check": _child_reads,
    "children.selectors.pupils_search": _child_reads,
    "children.selectors.children_search": _child_reads,
    "children.selectors.pupil_at_school": _child_reads,
    "children.selectors.siblings_shown": _child_reads,
    "signals.selectors.signal_list_page": _child_reads,
    "signals.selectors.signal_get": _child_reads,
    "signals.selectors.new_signals_for_core_team": _child_reads,
    "triage.selectors.triage_inbox": _child_reads,
    "triage.selectors.signal_for_triage": _child_reads,
    "patterns.selectors.pattern_get": _pattern_reads,
    "signals.selectors.signals_for_child": _child_reads,
    "consent.selectors.consent_child_get": _child_reads,
    "consent.selectors.consent_overview": _child_reads,
    "consent.selectors.sharing_check": _child_reads,
    "handover.selectors.handover_get": _handover_and_retention_reads,
    "handover.selectors.handovers_for": _handover_and_retention_reads,
    "retention.selectors.destruction_requests": _handover_and_retention_reads,
    "retention.selectors.destruction_requests_overdue": _handover_and_retention_reads,
    "retention.selectors.destruction_request_get": _handover_and_retention_reads,
    "retention.selectors.child_for_destruction_request": _handover_and_retention_reads,
    "retention.selectors.children_for_destruction_request": _handover_and_retention_reads,
    "audit.selectors.access_log_page": _handover_and_retention_reads,
    "audit.selectors.access_log_dashboard": _handover_and_retention_reads,
    "portal.selectors.consent.portal_consent_overview": _portal_reads,
    "portal.selectors.family.portal_home": _portal_reads,
    "portal.selectors.family.portal_child_get": _portal_reads,
    "portal.selectors.information.portal_information_page": _portal_reads,
    "portal.selectors.information.information_requests_to_answer": _portal_reads,
    "portal.selectors.information.information_request_get": _portal_reads,
    "portal.selectors.family.portal_entry_get": _portal_reads,
    "portal.selectors.family.portal_case_page": _portal_reads,
    "portal.selectors.access_log.portal_access_log_page": _portal_reads,
    "portal.selectors.professionals.case_portal_voice": _portal_reads,
    "portal.selectors.professionals.corrections_for_answer": _portal_reads,
    "portal.selectors.professionals.correction_for_answer": _portal_reads,
    "portal.selectors.professionals.withhold_overview": _portal_reads,
    "children.selectors.measures_page": _measure_reads,
    "chronology.selectors.chronology_page": _chronology_reads,
    "meetings.selectors.meeting_agenda": _meeting_reads,
    "meetings.selectors.meeting_minutes": _meeting_reads,
    "meetings.selectors.case_family_for_meeting": _meeting_reads,
    "meetings.selectors.family.portal_invitation_get": _family_meeting_reads,
    "notes.selectors.note_for_correction": _note_reads,
    "attendance.selectors.figures.pupil_figures": _attendance_reads,
    "attendance.selectors.figures.school_figures": _attendance_reads,
    "attendance.selectors.figures.case_attendance": _attendance_reads,
    "absencereports.selectors.absence_reports_for": _absence_report_reads,
    "absencereports.selectors.absence_report_get": _absence_report_reads,
    "absencereports.selectors.absence_reports_for_export": _absence_report_reads,
    "attachments.selectors.attachment_for_download": _attachment_reads,
    "meldcode.selectors.meldcode_route_get": _meldcode_reads,
    "meldcode.selectors.case_meldcode_routes": _meldcode_reads,
    "meldcode.selectors.meldcode_routes_for": _meldcode_reads,
}
