"""Importing a school's EDEXML export (`pupils_edexml_import`) and its page: the same
synchronisation as the API's, as the whole school; a file with any problem changes nothing."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from schakel.audit.models import AccessEvent
from schakel.children.edexml import EdexmlInvalid
from schakel.children.models import Child, Enrolment
from schakel.children.services.edexml_import import EdexmlImportResult, pupils_edexml_import
from schakel.organisations.models import Professional
from tests.children.edexml_files import edexml, school_of_the_files
from tests.conftest import World, assert_nothing_changed, take_snapshot
from tests.factories import ProfessionalFactory, today
from tests.support import sign_in

pytestmark = pytest.mark.django_db

URL = reverse("children:edexml_upload")


@pytest.fixture
def administrator(world: World) -> Professional:
    """The functional administrator of the school's board, who runs its pupil administration."""
    school_of_the_files(world)
    return ProfessionalFactory(functional_administrator=True,
                               organisation=world.school.organisation)


def _results(result: EdexmlImportResult) -> list[tuple[str, str]]:
    return [(row.outcome.pupil_number, row.outcome.result) for row in result.rows]


def test_the_file_creates_its_pupils_and_the_pupils_missing_from_it_leave(
        world: World, administrator: Professional) -> None:
    bas = Enrolment.objects.get(child=world.child, school=world.school)
    result = pupils_edexml_import(actor=world.actor(administrator), content=edexml("valid"))
    assert result.school == world.school
    assert _results(result) == [("1001", "created"), ("1002", "created"), ("1003", "created")]
    assert [row.line for row in result.rows] == [21, 34, 41]
    sem = Enrolment.objects.select_related("child").get(school=world.school, pupil_number="1001")
    assert (sem.child.first_name, sem.child.last_name, sem.child.education_number) == (
        "Sem", "de Boer", "123456789")
    assert sem.school_class == world.school_class
    # Bas is not in the export: he left the school today, and stays in Schakel.
    assert result.left == [bas.pupil_number]
    bas.refresh_from_db()
    assert bas.end_date == today()
    assert Child.objects.filter(pk=world.child.pk).exists()


def test_the_same_file_again_changes_nothing(world: World, administrator: Professional) -> None:
    pupils_edexml_import(actor=world.actor(administrator), content=edexml("valid"))
    before = take_snapshot()
    again = pupils_edexml_import(actor=world.actor(administrator), content=edexml("valid"))
    assert {result for _number, result in _results(again)} == {"unchanged"}
    assert again.left == []
    after = take_snapshot()
    log = "audit.AccessEvent"
    assert {k: v for k, v in after.items() if k != log} == {
        k: v for k, v in before.items() if k != log}


def test_a_pupil_who_left_is_marked_as_left_never_deleted(
        world: World, administrator: Professional) -> None:
    pupils_edexml_import(actor=world.actor(administrator), content=edexml("valid"))
    result = pupils_edexml_import(actor=world.actor(administrator), content=edexml("one_left"))
    assert result.left == ["1003"]
    daan = Enrolment.objects.select_related("child").get(pupil_number="1003")
    assert daan.end_date == today()
    assert daan.child.first_name == "Daan"
    # Back in the next export: enrolled again.
    back = pupils_edexml_import(actor=world.actor(administrator), content=edexml("valid"))
    assert ("1003", "updated") in _results(back)
    daan.refresh_from_db()
    assert daan.end_date is None


@pytest.mark.parametrize("name", ["malformed", "wrong_namespace", "wrong_version",
                                  "missing_required", "unknown_school", "xxe",
                                  "billion_laughs"])
def test_a_refused_file_changes_nothing(world: World, administrator: Professional,
                                        name: str) -> None:
    before = take_snapshot()
    with pytest.raises(EdexmlInvalid) as refused:
        pupils_edexml_import(actor=world.actor(administrator), content=edexml(name))
    assert refused.value.problems
    assert_nothing_changed(before)


def test_a_school_of_another_board_is_unknown(world: World, administrator: Professional) -> None:
    world.other_school.brin = "99ZZ"
    world.other_school.save(update_fields=["brin"])
    with pytest.raises(EdexmlInvalid) as refused:
        pupils_edexml_import(actor=world.actor(administrator), content=edexml("unknown_school"))
    [problem] = refused.value.problems
    assert (problem.path, problem.line) == ("/leerlinggegevens/school/brincode", 6)
    assert "99ZZ" in problem.message
    assert not Enrolment.objects.filter(school=world.other_school, pupil_number="1001").exists()


def test_brin_with_dependance_code_finds_the_location(world: World,
                                                      administrator: Professional) -> None:
    world.school.brin = "12AB01"
    world.school.save(update_fields=["brin"])
    content = edexml("valid").replace(
        b"<brincode>12AB</brincode>",
        b"<brincode>12AB</brincode>\n    <dependancecode>01</dependancecode>")
    result = pupils_edexml_import(actor=world.actor(administrator), content=content)
    assert result.school == world.school


@pytest.mark.parametrize("who", ["core_member", "teacher", "other_board_administrator"])
def test_nobody_else_imports(world: World, administrator: Professional, who: str) -> None:
    professional = (ProfessionalFactory(functional_administrator=True)
                    if who == "other_board_administrator" else getattr(world, who))
    before = take_snapshot()
    with pytest.raises(EdexmlInvalid):
        pupils_edexml_import(actor=world.actor(professional), content=edexml("valid"))
    assert_nothing_changed(before)


def test_the_access_log_has_a_row_per_change_and_one_for_the_file(
        world: World, administrator: Professional) -> None:
    pupils_edexml_import(actor=world.actor(administrator), content=edexml("valid"))
    rows = AccessEvent.objects.filter(user_id=administrator.user.pk)
    assert rows.filter(event_code="pupil.sync").count() == 1
    assert rows.filter(event_code="pupil.sync_change").count() == 4  # 3 new, Bas left
    assert set(rows.values_list("source_system", flat=True)) == {"schakel"}


# --- the page ---------------------------------------------------------------------------


def test_the_page_imports_the_file_and_shows_each_pupil(world: World,
                                                        administrator: Professional) -> None:
    client = sign_in(Client(), administrator.user)
    assert client.get(URL).status_code == 200
    with open("tests/children/edexml/valid.xml", "rb") as handle:
        response = client.post(URL, {"file": handle})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Imported for Basisschool De Esch" in body
    assert "3 pupils in the file." in body
    assert "1 pupil marked as left." in body
    assert Enrolment.objects.filter(school=world.school, pupil_number="1003").exists()


def test_the_page_shows_every_problem_and_imports_nothing(world: World,
                                                          administrator: Professional) -> None:
    client = sign_in(Client(), administrator.user)
    before = take_snapshot()
    with open("tests/children/edexml/missing_required.xml", "rb") as handle:
        response = client.post(URL, {"file": handle})
    assert response.status_code == 400
    body = response.content.decode()
    assert "because of 3 problems; nothing was changed" in body
    assert "/leerlinggegevens/leerlingen/leerling[2]" in body
    after = take_snapshot()
    assert after["children.Enrolment"] == before["children.Enrolment"]


def test_the_page_is_missing_to_others(world: World, administrator: Professional) -> None:
    client = sign_in(Client(), world.core_member.user)
    assert client.get(URL).status_code == 404
    with open("tests/children/edexml/valid.xml", "rb") as handle:
        assert client.post(URL, {"file": handle}).status_code == 404
    assert not Enrolment.objects.filter(pupil_number="1001").exists()
