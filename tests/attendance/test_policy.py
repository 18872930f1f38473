"""Who imports a school's attendance: its core team, nobody else."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.http import Http404

from schakel.access import policy
from schakel.attendance.services.start import attendance_import_start
from schakel.audit.models import AccessEvent, Outcome
from schakel.organisations.models import Professional
from tests.attendance.support import AttendanceWorld
from tests.factories import ProfessionalFactory, actor_for

pytestmark = pytest.mark.django_db


def test_the_core_team_imports_for_its_own_school_only(att: AttendanceWorld) -> None:
    core = att.actor()
    assert policy.may_import_attendance(core, att.school.pk)
    assert not policy.may_import_attendance(core, att.other_school.pk)
    assert policy.may_import_attendance_somewhere(core)
    assert policy.attendance_import_school_ids(core) == {att.school.pk}


@pytest.mark.parametrize("who", ["teacher", "nurse", "other core"])
def test_others_do_not(att: AttendanceWorld, who: str) -> None:
    professional: Professional = att.teacher
    if who == "nurse":
        professional = ProfessionalFactory(nurse=True)
    elif who == "other core":
        professional = ProfessionalFactory(core_team_of=att.other_school)
    actor = actor_for(professional)
    assert not policy.may_import_attendance(actor, att.school.pk)
    with pytest.raises(Http404):
        attendance_import_start(actor=actor, profile=att.profiles["magister"],
                                file=ContentFile(b"x"), file_name="x.csv", enqueue=False)
    refusal = AccessEvent.objects.get(outcome=Outcome.DENIED)
    assert refusal.event_code == "attendance.import_upload"


def test_an_ended_membership_ends_it(att: AttendanceWorld) -> None:
    att.core.team_memberships.update(end_date=att.monday)
    assert not policy.may_import_attendance(actor_for(att.core), att.school.pk)
