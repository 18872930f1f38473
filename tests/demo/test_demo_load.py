"""The demo world of seed 004: loads through the services, twice without change."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils import timezone

from schakel.access import policy
from schakel.access.actor import actor_for_user
from schakel.attachments.models import Attachment, attachments_storage
from schakel.audit.models import AccessEvent
from schakel.audit.selectors import access_log_verify
from schakel.cases.models import AgreementStatus, Case, CaseStatus
from schakel.children.models import Child, Enrolment, Guardianship
from schakel.consent.models import Consent, InformationCategory, LegalGround
from schakel.demo.family import FAMILY_NAME
from schakel.demo.loader import DemoWorld, demo_world_load
from schakel.demo.people import DEMO_PASSWORD, PEOPLE
from schakel.demo.signins import signin_password_line, signin_rows
from schakel.demo.stories.attachments import LETTER_NAME
from schakel.demo.stories.tina import TINA_CASE_TITLE
from schakel.demo.stories.triage import GROUP_CHAT
from schakel.dialogue.models import DialogueTable, Synthesis
from schakel.meldcode.models import MeldcodeRoute
from schakel.notes.models import ConversationNote
from schakel.organisations.models import School, SchoolType
from schakel.signals.models import Signal, SignalLevel, SignalStatus
from schakel.teams.models import TeamLayer, TeamMembership
from tests.conftest import take_snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> DemoWorld:
    return demo_world_load()


def _current(child: Child) -> Enrolment:
    return child.enrolments.select_related("school", "school_class").get(end_date__isnull=True)


def test_loading_twice_changes_nothing() -> None:
    call_command("demo_load", verbosity=0)
    before = take_snapshot()
    call_command("demo_load", verbosity=0)
    assert take_snapshot() == before
    assert before["cases.Case"], "the first load created the cases"


def test_the_family_has_the_ages_of_seed_004(demo: DemoWorld) -> None:
    today = timezone.localdate()
    children = Child.objects.filter(family__name=f"Gezin {FAMILY_NAME}")
    ages = {c.first_name: c.age_on(today) for c in children}
    assert ages == {"Sara": 4, "Bas": 7, "Tina": 13, "Lotte": 17}


def test_both_parents_have_custody_and_the_grandmother_has_none(demo: DemoWorld) -> None:
    for child in demo.cast.children.values():
        custody = {g.guardian.full_name: policy.has_custody(g.guardian, child, timezone.localdate())
                   for g in Guardianship.objects.filter(child=child).select_related("guardian")}
        assert custody["Ingrid Twente-Lohuis"] is True
        assert custody["Marco Twente"] is True
        if child.first_name in ("Sara", "Bas"):
            assert custody["Gerda Lohuis"] is False
        else:
            assert "Gerda Lohuis" not in custody


def _class_name(child: Child) -> str:
    school_class = _current(child).school_class
    assert school_class is not None
    return school_class.name


def _history(child: Child) -> list[str]:
    return [e.school.school_type
            for e in child.enrolments.select_related("school").order_by("start_date")]


def test_four_children_at_three_schools_with_their_history(demo: DemoWorld) -> None:
    c = demo.cast.children
    assert _current(c["sara"]).school.school_type == SchoolType.PO
    assert _class_name(c["sara"]) == "groep 1"
    assert _class_name(c["bas"]) == "groep 4"
    assert _current(c["tina"]).school.school_type == SchoolType.VO
    assert _class_name(c["tina"]) == "1 mavo/havo a"
    assert _current(c["lotte"]).school.school_type == SchoolType.MBO
    assert "Kapper" in _class_name(c["lotte"])
    assert _history(c["tina"]) == [SchoolType.PO, SchoolType.VO]
    assert _history(c["lotte"]) == [SchoolType.PO, SchoolType.VO, SchoolType.MBO]
    for child in c.values():
        for ended in child.enrolments.filter(end_date__isnull=False):
            assert ended.end_date is not None
            assert ended.end_date < _current(child).start_date


def test_each_school_has_its_contact_point_in_its_core_team(demo: DemoWorld) -> None:
    schools = School.objects.filter(brin__startswith="00DM")
    assert schools.count() == 3
    for school in schools:
        assert school.contact_point is not None
        assert TeamMembership.objects.filter(
            team__school=school, team__layer=TeamLayer.CORE,
            professional=school.contact_point).exists()
        assert school.teams.filter(layer=TeamLayer.BROAD).exists() or (
            school.school_type == SchoolType.MBO)
    p = demo.professionals
    primary = demo.cast.places.schools["po"]
    assert primary.contact_point == p["ib.demo"]
    core = set(TeamMembership.objects.filter(team__school=primary, team__layer=TeamLayer.CORE)
               .values_list("professional__user__username", flat=True))
    assert {"ib.demo", "jvk.demo"} <= core
    assert p["ib.demo"].user_id != p["jvk.demo"].user_id


def test_bas_case_is_coordinated_by_the_youth_nurse(demo: DemoWorld) -> None:
    case = demo.bas_case
    p = demo.professionals
    assert case.child == demo.cast.children["bas"]
    assert case.coordinator == p["jvk.demo"]
    assert case.status == CaseStatus.OPEN
    involved = set(case.involvements.filter(end_date__isnull=True)
                   .values_list("professional__user__username", flat=True))
    assert {"ib.demo", "jvk.demo", "poh.demo", "leerkracht.demo"} <= involved
    assert set(case.plan_entries.values_list("step", flat=True)) == {0, 1, 2, 3, 4}
    assert case.plan_entries.get(step=3).consensus is True
    today = timezone.localdate()
    overdue = [a for a in case.agreements.all() if a.is_overdue_on(today)]
    assert len(overdue) == 1
    assert overdue[0].owner == p["ib.demo"]
    assert case.agreements.filter(status=AgreementStatus.DONE).count() == 1
    assert case.interventions.count() >= 3
    assert case.classroom_advice.filter(given_by=p["poh.demo"]).exists()
    # One recorded on the case page, one at the consultation meeting (its four questions).
    assert case.consultations.count() == 2
    assert case.consultations.filter(agenda_item__meeting__kind="consultation").count() == 1
    notes = ConversationNote.objects.filter(case=case)
    assert notes.count() == 2
    assert notes.filter(shared_with_parents=True).count() == 1
    mdo = case.meetings.get(kind="mdo")
    assert mdo.participants.filter(guardian__full_name="Ingrid Twente-Lohuis").exists()
    assert set(case.signals.values_list("theme__code", flat=True)) == {
        "gedrag", "thuissituatie"}
    consents = Consent.objects.filter(child=case.child, category=InformationCategory.CARE)
    assert set(consents.values_list("organisation__sector", flat=True)) == {
        "onderwijs", "zorg"}
    assert consents.count() == 3
    for consent in consents:
        assert consent.signatures.count() == 2


def test_the_youth_director_is_not_involved_with_bas(demo: DemoWorld) -> None:
    director = demo.professionals["jeugdregisseur.demo"]
    actor = actor_for_user(director.user)
    assert not demo.bas_case.involvements.filter(professional=director).exists()
    assert not policy.may_read_case(actor, demo.bas_case)
    assert policy.may_read_case(actor_for_user(demo.professionals["jvk.demo"].user), demo.bas_case)


def test_the_stories_left_a_real_and_intact_access_log(demo: DemoWorld) -> None:
    opened = AccessEvent.objects.get(event_code="case.open", object_id=str(demo.bas_case.pk))
    assert opened.user_name == "Anouk Bosman"
    assert opened.child_id == demo.cast.children["bas"].pk
    assert AccessEvent.objects.filter(event_code="signal.raise").count() == Signal.objects.count()
    assert access_log_verify().intact


def test_signals_of_seed_004(demo: DemoWorld) -> None:
    c = demo.cast.children
    assert set(Signal.objects.filter(child=c["tina"]).values_list("theme__code", flat=True)) == {
        "verzuim", "middelengebruik"}
    drugs = Signal.objects.filter(level=SignalLevel.CLASS, theme__code="middelengebruik")
    assert {s.school_class.name[0] for s in drugs if s.school_class} == {"1", "2"}
    assert drugs.filter(status=SignalStatus.LINKED_COLLECTIVE).count() == 2
    overweight = Signal.objects.get(level=SignalLevel.SCHOOL, theme__code="gezondheid")
    assert overweight.school.school_type == SchoolType.MBO
    handover = Signal.objects.get(child=c["sara"], raised_by__user__username="kinderopvang.demo")
    assert handover.status == SignalStatus.DISCUSSED


def test_escalated_and_closed_cases_show_the_other_states(demo: DemoWorld) -> None:
    p = demo.professionals
    escalated = p["jeugdregisseur.demo"].coordinated_cases.get()
    assert escalated.status == CaseStatus.ESCALATED
    assert escalated.escalations.count() == 1
    assert escalated.child is not None
    measure = escalated.child.measures.get()
    assert measure.worker == p["jeugdbescherming.demo"]
    assert escalated.involvements.filter(professional=measure.worker).exists()
    closed = demo.cast.children["lotte"].cases.get()
    assert closed.status == CaseStatus.CLOSED
    assert closed.closed_at is not None
    assert closed.closed_at > closed.opened_at


def test_every_demo_sign_in_works_with_the_demo_password(demo: DemoWorld) -> None:
    for spec in PEOPLE:
        professional = demo.professionals[spec.username]
        user = professional.user
        assert user.check_password(DEMO_PASSWORD), spec.username
        assert user.is_active
        assert user.email.endswith("@example.org")
        assert professional.what_i_do
        assert professional.what_to_expect
        assert professional.how_to_reach
    logs = [u for u, p in demo.professionals.items() if p.is_log_administrator]
    assert logs == ["privacy.demo"]


def test_signin_rows_list_every_demo_sign_in(demo: DemoWorld) -> None:
    rows = {row.username: row for row in signin_rows()}
    assert list(rows) == [spec.username for spec in PEOPLE]
    assert rows["jvk.demo"].name == "Marieke ter Horst"
    assert "IKC De Vlinderboom" in rows["jvk.demo"].sees
    assert rows["privacy.demo"].sees
    assert DEMO_PASSWORD in signin_password_line()


def test_demo_signins_prints_the_table(demo: DemoWorld, capsys: pytest.CaptureFixture[str]
                                       ) -> None:
    call_command("demo_signins")
    out = capsys.readouterr().out
    assert "ib.demo" in out
    assert "jeugdregisseur.demo" in out
    assert DEMO_PASSWORD in out


@pytest.mark.parametrize(("address", "url"), [
    ("127.0.0.1:8000", "http://127.0.0.1:8000/"), ("0.0.0.0:9000", "http://0.0.0.0:9000/"),
    ("8123", "http://127.0.0.1:8123/"), ("[::1]:8000", "http://[::1]:8000/"),
])
def test_demo_signins_prints_the_address_the_server_listens_on(
    demo: DemoWorld, capsys: pytest.CaptureFixture[str], address: str, url: str,
) -> None:
    """`make run HOST=...` passes HOST through (`--address`)."""
    call_command("demo_signins", address=address)
    assert capsys.readouterr().out.splitlines()[-1] == f"Open {url} in your browser."


def test_everyone_involved_in_a_demo_case_may_read_it(demo: DemoWorld) -> None:
    """The consents and legal grounds of the stories give every involved organisation its
    ground, so no demo sign-in meets a 404 on a case that lists them."""
    cases = Case.objects.filter(reference__startswith="C").exclude(status=CaseStatus.CLOSED)
    assert cases.count() == 3  # Bas, Tina and Dylan
    for case in cases:
        for involvement in case.involvements.filter(end_date__isnull=True):
            actor = actor_for_user(involvement.professional.user)
            assert policy.may_read_case(actor, case), (case.title, involvement.professional)


def test_the_demo_shows_an_emergency_access(demo: DemoWorld) -> None:
    """Dylan's mentor broke the glass: the log has the claim and the read on basis
    "emergency", and the mentor reads but cannot change the case."""
    rows = AccessEvent.objects.filter(basis="emergency", user_name="Daan Scholten")
    assert set(rows.values_list("event_code", flat=True)) == {
        "case.emergency_access", "case.view"}
    case = Case.objects.get(emergency_accesses__isnull=False)
    mentor = actor_for_user(demo.professionals["mentor.demo"].user)
    assert policy.may_read_case(mentor, case).ground == policy.Ground.EMERGENCY
    assert not policy.may_contribute_to_case(mentor, case)


def test_tinas_file_has_notes_and_the_letter_on_the_mentors_note(demo: DemoWorld) -> None:
    case = Case.objects.get(child=demo.cast.children["tina"], title=TINA_CASE_TITLE)
    assert case.coordinator == demo.professionals["zorgcoordinator.demo"]
    assert set(Signal.objects.filter(child=demo.cast.children["tina"]).values_list(
        "case_id", flat=True)) == {case.pk}
    notes = ConversationNote.objects.filter(case=case)
    assert set(notes.values_list("category", flat=True)) == {
        InformationCategory.SCHOOL, InformationCategory.CARE}
    attachment = Attachment.objects.get()
    assert attachment.case == case
    assert attachment.note == notes.get(author=demo.professionals["mentor.demo"])
    assert (attachment.name, attachment.content_type) == (LETTER_NAME, "application/pdf")
    with attachments_storage().open(attachment.stored_name) as stored:
        assert stored.read(5) == b"%PDF-"


@pytest.mark.usefixtures("scanner_down")
def test_the_demo_starts_a_scanner_of_its_own_when_none_answers() -> None:
    demo_world_load()
    assert Attachment.objects.filter(name=LETTER_NAME).exists()


def test_the_core_team_inbox_has_a_triaged_and_an_untriaged_signal(demo: DemoWorld) -> None:
    school = demo.cast.places.schools["vo"]
    new = Signal.objects.filter(school=school, status=SignalStatus.NEW)
    triaged = new.get(triage__isnull=False)
    assert triaged.triage.assignee == demo.professionals["jongerenwerk.demo"]
    assert triaged.triage.for_next_meeting
    assert new.get(triage__isnull=True).description == GROUP_CHAT


def test_tinas_file_has_a_finished_meldcode_route_seen_by_three(demo: DemoWorld) -> None:
    case = Case.objects.get(child=demo.cast.children["tina"], title=TINA_CASE_TITLE)
    route = MeldcodeRoute.objects.get(case=case)
    assert route.is_finished
    assert list(route.steps.values_list("step", flat=True)) == [1, 2, 3, 4, 5]
    p = demo.professionals
    readers = {name for name, professional in p.items()
               if policy.may_read_meldcode_route(actor_for_user(professional.user), route)}
    assert readers == {"mentor.demo", "zorgcoordinator.demo"}
    assert not LegalGround.objects.filter(child=case.child).exists()


def test_the_seed_001_dialogue_tables_and_their_synthesis_are_adopted(demo: DemoWorld) -> None:
    synthesis = Synthesis.objects.get()
    assert synthesis.status == "adopted"
    assert set(synthesis.tables.values_list("level", flat=True)) == {"po", "vo", "mbo"}
    assert set(DialogueTable.objects.values_list("status", flat=True)) == {"adopted"}
    assert synthesis.chair == demo.professionals["beleid.demo"]
