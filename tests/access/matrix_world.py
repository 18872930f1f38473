"""The small world of the role x URL matrix: one school, one child with a case that holds
everything a case can hold, and one person per role. Every URL keyword argument of the
project can be filled from `MatrixWorld.url_kwargs`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from http.cookies import SimpleCookie
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from schakel.absencereports.models import AbsenceReport, ReportKind
from schakel.accounts.models import User
from schakel.attachments.models import Attachment, attachments_storage
from schakel.attendance.models import (
    AttendanceImport,
    ImportProfile,
    ImportRowError,
    ImportStatus,
    Layout,
)
from schakel.children.models import Custody
from schakel.consent.models import InformationCategory
from schakel.dialogue.models import (
    DialogueTable,
    Domain,
    Factor,
    Level,
    Participant as DialogueParticipant,
    Perspective,
    Synthesis,
    SynthesisFactor,
    TableStatus,
    Valence,
)
from schakel.glossary.models import Term
from schakel.handover.models import HandoverKind
from schakel.handover.services import handover_offer
from schakel.meetings.models import AgendaItem, Meeting, MeetingKind, MinutesEntry, Participant
from schakel.meldcode.models import MeldcodeRoute
from schakel.notes.models import ConversationNote, NoteKind
from schakel.patterns.models import Pattern, PatternStatus
from schakel.portal.models import (
    CorrectionRequest,
    EntryType,
    InformationRequest,
    PendingConsent,
)
from schakel.prevention.models import (
    PreventionMatrix,
    PreventionOffer,
    PyramidLevel,
    RankedItem,
    RankedKind,
    RegieAgreement,
    Sector as PreventionSector,
)
from schakel.retention.models import (
    DestructionRequest,
    RequesterRelation,
    RetentionRule,
    RetentionRun,
)
from schakel.schoolcalendar.models import DayOff, DayOffKind
from schakel.teamdevelopment.models import (
    AmbitionParticipant,
    AmbitionSession,
    BaselineSurvey,
    SurveyResponse,
)
from schakel.teamdevelopment.statements import Questionnaire
from tests.factories import (
    AgreementFactory,
    CaseFactory,
    ChildFactory,
    ConsentFactory,
    ConsultationFactory,
    EnrolmentFactory,
    FamilyFactory,
    GuardianshipFactory,
    InterventionFactory,
    InvolvementFactory,
    LegalGroundFactory,
    NotificationFactory,
    OrganisationFactory,
    PlanStepEntryFactory,
    ProfessionalFactory,
    SchoolClassFactory,
    SchoolFactory,
    SignalFactory,
    TeamMembershipFactory,
    ThemeFactory,
    UserFactory,
    actor_for,
    days_ago,
    days_ahead,
)
from tests.portal.fixtures import portal_sign_in
from tests.support import sign_in, totp_device

# Distinctive, so that a hit in a page can only be this child (never "Basisschool").
CHILD_FIRST_NAME = "Xandrijntje"  # names no generated person has
CHILD_LAST_NAME = "Quaadvliegh-Zwart"

ANONYMOUS = "anonymous"

# Role -> who plays it. Parents and young people get their rows when the portal has
# sign-ins (DESIGN §4: they see their own child's plan, agreements and access log).
ROLES: dict[str, str] = {
    ANONYMOUS: "nobody signed in",
    "core": "the school's IB'er, in its core team, not involved in the case; the school's "
            "Meldcode officer (aandachtsfunctionaris)",
    "teacher": "a teacher of the school, not in the core team",
    "coordinator": "the case's coordinator (regiehouder), a youth nurse at the GGD",
    "involved": "a POH-GGZ at a GP practice (consent for it), involved in the case",
    "unconsented": "a youth worker involved in the case, owner of an agreement, whose "
                   "organisation has no consent",
    "former": "a school social worker whose involvement in the case ended yesterday",
    "colleague": "another youth nurse at the coordinator's GGD, not involved; the case is "
                 "offered to her in a warm hand-over",
    "outsider": "a youth director of another municipality",
    "other_core": "the IB'er of another school, in that school's core team",
    "log_admin": "the privacy officer who administers the access log",
    "superuser": "an operator account (Django superuser) without a professional",
    "parent": "the child's mother (custody), signed in to the portal",
    "young_person": "the child (13) herself, signed in to the portal",
}
PORTAL_ROLES = frozenset({"parent", "young_person"})


@dataclass
class MatrixWorld:
    url_kwargs: dict[str, int | str]
    # Extra ids some pages take from the query string.
    query_ids: dict[str, int]
    users: dict[str, User]
    # Ids the valid payloads of the write URLs name (`matrix_writes.WRITES`).
    form_ids: dict[str, int] = field(default_factory=dict)
    # Every row of the world as built (`matrix_valid_post.world_state`), which each test
    # starts from again: what a valid POST must leave as it was.
    baseline: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    # Session cookie per signed-in role, and one client per role (loading the middleware once).
    session_keys: dict[str, str] = field(default_factory=dict)
    clients: dict[str, Client] = field(default_factory=dict)

    def id(self, name: str) -> int:
        """An id of the world by its name, from any of the tables above."""
        value = {**self.url_kwargs, **self.query_ids, **self.form_ids}[name]
        if not isinstance(value, int):
            raise TypeError(f"{name} is no id: {value!r}")
        return value

    def client_for(self, role: str) -> Client:
        """The role's client with no cookie but its session's: nothing (a message, a changed
        session) carries over from one request to the next."""
        client = self.clients.setdefault(role, Client(REMOTE_ADDR="192.0.2.77"))
        client.cookies = SimpleCookie()
        if role != ANONYMOUS:
            client.cookies[settings.SESSION_COOKIE_NAME] = self.session_keys[role]
        return client


def _portal_user(username: str) -> User:
    user: User = UserFactory(username=username)
    return user


def build_matrix_world() -> MatrixWorld:
    """Rows straight from the factories; the hand-over through its service (which writes an
    access-log row and a notification, rolled back with the rest)."""
    school = SchoolFactory(secondary=True, name="Matrix College")
    school_class = SchoolClassFactory(school=school, name="1 havo a")
    core = ProfessionalFactory(
        support_coordinator=True, organisation=school.organisation, core_team_of=school,
        full_name="Ilse Kern", is_meldcode_officer=True)
    school.contact_point = core
    school.save(update_fields=["contact_point"])
    teacher = ProfessionalFactory(teacher=True, organisation=school.organisation,
                                  full_name="Tom Leerkracht")
    ggd = OrganisationFactory(care=True, name="GGD Matrix")
    coordinator = ProfessionalFactory(nurse=True, organisation=ggd, full_name="Anne Regie")
    colleague = ProfessionalFactory(nurse=True, organisation=ggd, full_name="Carla Collega")
    involved = ProfessionalFactory(
        organisation=OrganisationFactory(care=True, name="Huisartsenpraktijk Matrix"),
        full_name="Peter Poh")
    unconsented = ProfessionalFactory(
        organisation=OrganisationFactory(welfare=True, name="Jongerenwerk Matrix"),
        full_name="Yusuf Jongerenwerk")
    former = ProfessionalFactory(social_worker=True, full_name="Sven Vroeger")
    outsider = ProfessionalFactory(youth_director=True, full_name="Olaf Buiten")
    other_school = SchoolFactory(name="Basisschool Het Anker")
    other_core = ProfessionalFactory(
        support_coordinator=True, organisation=other_school.organisation,
        core_team_of=other_school, full_name="Ina Anker")
    # It receives a hand-over between schools (a valid offer of the matrix's writes).
    other_school.contact_point = other_core
    other_school.save(update_fields=["contact_point"])
    log_admin = ProfessionalFactory(log_administrator=True, full_name="Petra Privacy")
    superuser = UserFactory(username="operator", is_superuser=True, is_staff=True)

    family = FamilyFactory(name="Gezin Ploegmakers")
    # 13: both the parents with custody and the young person herself have a say.
    child = ChildFactory(first_name=CHILD_FIRST_NAME, last_name=CHILD_LAST_NAME, family=family,
                         age_12_to_15=True, user=_portal_user("bastiaan"))
    EnrolmentFactory(child=child, school=school, school_class=school_class)
    # Moving up to the other school after the summer: a hand-over between schools can go there.
    EnrolmentFactory(child=child, school=other_school, future=True)
    guardian = GuardianshipFactory(
        child=child, guardian__full_name="Eva Ouder", guardian__user=_portal_user("eva")
    ).guardian
    # Opened by the school's core team: the school's organisation holds the file; the GGD
    # and the GP practice read its care content on consent, the youth work without any.
    case = CaseFactory(child=child, school=school, coordinator=coordinator, opened_by=core,
                       title="Ruzie op het plein", involved=[involved, unconsented])
    InvolvementFactory(case=case, professional=former, ended=True)
    ConsultationFactory(case=case, recorded_by=coordinator)
    plan_entry = PlanStepEntryFactory(case=case, step=1, filled_in_by=coordinator)
    agreement = AgreementFactory(case=case, owner=coordinator)
    AgreementFactory(case=case, owner=unconsented, description="Wekelijks contact op het plein")
    InterventionFactory(case=case, recorded_by=coordinator)
    signal = SignalFactory(school=school, child=child, raised_by=core,
                           theme=ThemeFactory(code="gedrag"))
    # A rode draad of the class the core team discussed (it may escalate or close it).
    pattern = Pattern.objects.create(
        school=school, school_class=school_class, theme=signal.theme,
        period_start=signal.raised_at, period_end=signal.raised_at, signal_count=1,
        status=PatternStatus.DISCUSSED, detected_at=timezone.now())
    pattern.signals.add(signal)
    consent = ConsentFactory(child=child, organisation=ggd, recorded_by=coordinator,
                             signed_by=[guardian], signed_by_young_person=True)
    ConsentFactory(child=child, organisation=involved.organisation, recorded_by=coordinator,
                   signed_by=[guardian], signed_by_young_person=True)
    # The next school may receive a hand-over (DESIGN: a warm hand-over PO -> VO).
    ConsentFactory(child=child, organisation=other_school.organisation, recorded_by=coordinator,
                   signed_by=[guardian], signed_by_young_person=True)
    ground = LegalGroundFactory(child=child, recorded_by=coordinator)
    # A warm hand-over from the coordinator to her colleague, whose GGD has consent.
    handover = handover_offer(
        actor=actor_for(coordinator), case=case, kind=HandoverKind.PROFESSIONALS,
        summary="Overdracht binnen de GGD", to_professional=colleague,
        sender_stays_involved=True)
    notification = NotificationFactory(recipient=coordinator.user,
                                       link=f"/casussen/{case.pk}/")
    correction = CorrectionRequest.objects.create(
        case=case, object_type=EntryType.PLAN_STEP, object_id=plan_entry.pk,
        request_text="Dit klopt niet", requested_at=timezone.now(), by_young_person=child)
    # A kernteam meeting that has begun, organised by the IB'er, the coordinator and the POH
    # invited; on its agenda the case (content for those who read the case) and a general item.
    meeting = Meeting.objects.create(
        school=school, kind=MeetingKind.CORE_TEAM, organiser=core,
        starts_at=timezone.now() - dt.timedelta(minutes=30))
    for invitee in (core, coordinator, involved):
        Participant.objects.create(meeting=meeting, professional=invitee)
    case_item = AgendaItem.objects.create(meeting=meeting, position=1, source="cases.no_evaluation",
                                          heading="Casus zonder evaluatie", case=case, child=child)
    AgendaItem.objects.create(meeting=meeting, position=2, source="manual",
                              heading="Samenwerking met de wijk")
    minutes_entry = MinutesEntry.objects.create(meeting=meeting, agenda_item=case_item, case=case,
                                                text="Besproken.", author=coordinator)
    note = ConversationNote.objects.create(
        case=case, kind=NoteKind.PARENTS, held_on=timezone.localdate(),
        participants="Moeder, regiehouder", text="Gesprek over het plein.",
        category=InformationCategory.CARE, author=coordinator)
    attachment = Attachment.objects.create(
        case=case, name="Verslag.txt", content_type="text/plain", size=10, sha256="0",
        stored_name=attachments_storage().save(f"matrix/{case.pk}", ContentFile(b"Een verslag")),
        category=InformationCategory.CARE, uploaded_by=coordinator)
    # A Meldcode route the POH runs on the case, no step recorded yet: seen by her and by the
    # school's aandachtsfunctionaris (the IB'er), by nobody else involved in the case.
    meldcode_route = MeldcodeRoute.objects.create(
        case=case, runner=involved, started_at=timezone.now())
    # The case's MDO next week, with the mother and the young person at the table.
    mdo = Meeting.objects.create(
        school=school, kind=MeetingKind.MDO, organiser=coordinator, case=case,
        starts_at=timezone.now() + dt.timedelta(days=7))
    Participant.objects.create(meeting=mdo, professional=coordinator)
    invitation = Participant.objects.create(meeting=mdo, guardian=guardian)
    Participant.objects.create(meeting=mdo, young_person=child)
    AgendaItem.objects.create(meeting=mdo, position=1, source="manual",
                              heading="Hoe gaat het thuis", case=case, child=child)
    # Care content for the youth work, given in the portal by nobody yet: a parent or the
    # young person (13: both must consent) signs it.
    pending = PendingConsent.objects.create(
        child=child, organisation=unconsented.organisation, category=InformationCategory.CARE,
        purpose="Samen optrekken op het plein", created_at=timezone.now())
    # The father, recorded without custody, asks for information (BW 1:377c); the
    # coordinator of the open case answers.
    father = GuardianshipFactory(child=child, without_custody=True,
                                 guardian__full_name="Karel Ouder").guardian
    information_request = InformationRequest.objects.create(
        child=child, guardian=father, question="Hoe gaat het op school?",
        asked_at=timezone.now())
    custody = Custody.objects.get(guardianship__guardian=guardian, guardianship__child=child)
    rule = RetentionRule.objects.order_by("pk").first()
    if rule is None:  # the migrations install the default rules
        raise LookupError("No retention rules; did the migrations run?")
    run = RetentionRun.objects.create(run_on=timezone.localdate(), started_at=timezone.now(),
                                      finished_at=timezone.now())
    destruction = DestructionRequest.objects.create(
        child=child, requested_by="Eva Ouder", requester_relation=RequesterRelation.PARENT,
        received_on=timezone.localdate(), due_on=days_ahead(90), registered_by=log_admin)

    # The school's Magister profile and an import of it that found an error (nothing imported).
    profile = ImportProfile.objects.create(school=school, name="Magister", layout=Layout.MAGISTER,
                                           code_mapping={"A": {"kind": "absent",
                                                               "authorised": False}})
    attendance_import = AttendanceImport(
        profile=profile, school=school, imported_by=core, file_name="absenties.csv",
        status=ImportStatus.HAS_ERRORS, total_rows=1, refused_count=1,
        finished_at=timezone.now())
    attendance_import.file.save("absenties.csv", ContentFile(b"Id;Stamnummer\r\n1;999\r\n"),
                                save=False)
    attendance_import.save()
    ImportRowError.objects.create(attendance_import=attendance_import, line=2,
                                  column="Stamnummer", message="Onbekende leerling 999")
    # A draft truancy report of the child, with what the school did (it can be confirmed).
    absence_report = AbsenceReport.objects.create(
        child=child, school=school, kind=ReportKind.SIXTEEN_HOURS, start_date=days_ago(20),
        end_date=days_ago(3), absent_hours=Decimal("16.5"), absent_days=4,
        school_action="Gesprek met de ouders")
    day_off = DayOff.objects.create(
        school=school, kind=DayOffKind.STUDY_DAY, start_date=days_ahead(30),
        end_date=days_ahead(30), description="Studiedag team")

    # Dialogue tables chaired by the coordinator: one in review, in which the POH takes part
    # with her account (she reads and comments), and two adopted ones with a synthesis over
    # them, whose two rows are the same kind of factor (the coordinator may merge them).
    dialogue_table = DialogueTable.objects.create(
        title="Casus PO", level=Level.PO, chair=coordinator, status=TableStatus.IN_REVIEW,
        description="Kind: basisschoolleeftijd.", source_case=case)
    DialogueParticipant.objects.create(table=dialogue_table, perspective=Perspective.PROFESSIONAL,
                                       role="POH-GGZ", professional=involved)
    adopted = [DialogueTable.objects.create(
        title=f"Casus {n}", level=Level.VO, chair=coordinator, status=TableStatus.ADOPTED,
        description="Jongere.") for n in (1, 2)]
    for table, text in zip(adopted, ("Goede samenwerking", "Goede samenwerking onderling"),
                           strict=True):
        Factor.objects.create(table=table, domain=Domain.PROFESSIONAL, valence=Valence.HELPING,
                              text=text)
    synthesis = Synthesis.objects.create(title="Overstijgend", chair=coordinator)
    synthesis.tables.set(adopted)
    synthesis_rows = []
    for found in Factor.objects.filter(table__in=adopted).order_by("pk"):
        row = SynthesisFactor.objects.create(synthesis=synthesis, text=found.text,
                                             domain=found.domain, valence=found.valence)
        row.factors.add(found)
        synthesis_rows.append(row.pk)

    # The school's preventiematrix, kept by its core team: a problem in the top 12, an offer,
    # an agreement on regie.
    prevention = PreventionMatrix.objects.create(school=school, updated_by=core)
    ranked = RankedItem.objects.create(matrix=prevention, kind=RankedKind.PROBLEM, rank=1,
                                       text="Te laat komen", updated_by=core)
    offer = PreventionOffer.objects.create(
        matrix=prevention, sector=PreventionSector.EDUCATION, level=PyramidLevel.UNIVERSAL,
        name="Pestpreventie", updated_by=core)
    regie = RegieAgreement.objects.create(matrix=prevention, subject="Overzicht",
                                          holder="Gemeente", updated_by=core)
    # Team development of the school's core team: a colleague of the IB'er (no role of the
    # matrix) is in it too and filled in the open nulmeting round; the IB'er facilitates a
    # taart van ambities in the kernteam meeting, the colleague at the table without a mark.
    team_peer = ProfessionalFactory(full_name="Nina Netwerk")
    core_team = core.team_memberships.get().team
    TeamMembershipFactory(team=core_team, professional=team_peer)
    survey = BaselineSurvey.objects.create(
        team=core_team, questionnaire=Questionnaire.BASELINE, number=1,
        opened_on=timezone.localdate(), opened_by=core)
    SurveyResponse.objects.create(survey=survey, respondent=team_peer)
    ambition = AmbitionSession.objects.create(team=core_team, meeting=meeting, facilitator=core,
                                              held_on=timezone.localdate())
    ambition_peer = AmbitionParticipant.objects.create(session=ambition, professional=team_peer)

    users = {
        "core": core.user, "teacher": teacher.user, "coordinator": coordinator.user,
        "involved": involved.user, "unconsented": unconsented.user, "former": former.user,
        "colleague": colleague.user, "outsider": outsider.user, "other_core": other_core.user,
        "log_admin": log_admin.user, "superuser": superuser,
    }
    portal_users = {"parent": guardian.user, "young_person": child.user}
    world = MatrixWorld(
        url_kwargs={
            "case_id": case.pk, "child_id": child.pk, "signal_id": signal.pk,
            "school_id": school.pk, "professional_id": coordinator.pk, "step": 1,
            "organisation_id": school.organisation_id,
            "consent_id": consent.pk, "ground_id": ground.pk,
            "notification_id": notification.pk, "rule_id": rule.pk, "run_id": run.pk,
            "request_id": destruction.pk, "handover_id": handover.pk,
            "correction_id": correction.pk, "entry_type": EntryType.PLAN_STEP.value,
            "entry_id": plan_entry.pk,
            "term_id": Term.objects.get(name="MDO").pk,
            "team_id": core.team_memberships.get().team_id,
            "membership_id": core.team_memberships.get().pk,
            "meeting_id": meeting.pk, "minutes_id": minutes_entry.pk,
            "invitation_id": invitation.pk, "note_id": note.pk,
            "attachment_id": attachment.pk,
            "information_request_id": information_request.pk,
            "import_id": attendance_import.pk,
            "day_off_id": day_off.pk,
            "report_id": absence_report.pk,
            "route_id": meldcode_route.pk,
            "table_id": dialogue_table.pk, "synthesis_id": synthesis.pk,
            "ranked_id": ranked.pk, "offer_id": offer.pk, "regie_id": regie.pk,
            "pattern_id": pattern.pk,
            "survey_id": survey.pk, "session_id": ambition.pk,
        },
        query_ids={
            "agreement_id": agreement.pk,
            "involvement_id": case.involvements.get(professional=involved).pk,
        },
        users=users,
        form_ids={
            "theme_id": signal.theme_id, "school_class_id": school_class.pk,
            "guardian_id": guardian.pk, "involved_id": involved.pk, "teacher_id": teacher.pk,
            "colleague_id": colleague.pk,
            "unconsented_organisation_id": unconsented.organisation_id,
            "municipality_id": outsider.organisation_id, "other_school_id": other_school.pk,
            "pending_id": pending.pk, "agreement_id": agreement.pk,
            "involvement_id": case.involvements.get(professional=involved).pk,
            "plan_entry_id": plan_entry.pk, "coordinator_user_id": coordinator.user_id,
            "parent_user_id": guardian.user_id, "core_id": core.pk,
            "custody_id": custody.pk, "case_item_id": case_item.pk,
            "import_profile_id": profile.pk, "attendance_import_id": attendance_import.pk,
            "adopted_table_1_id": adopted[0].pk, "adopted_table_2_id": adopted[1].pk,
            "synthesis_row_1_id": synthesis_rows[0], "synthesis_row_2_id": synthesis_rows[1],
            "ambition_peer_id": ambition_peer.pk,
        },
    )
    for role, user in users.items():
        totp_device(user)
        client = sign_in(Client(), user)
        world.session_keys[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    for role, portal_user in portal_users.items():
        assert portal_user is not None
        client = portal_sign_in(Client(), portal_user)
        world.session_keys[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return world
