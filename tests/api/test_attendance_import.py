"""`POST verzuimimports/` and `GET verzuimimports/{id}/`: the attendance import of the page
and the command, started by a system for a core-team member of its organisation, run by the
background job, followed at its status resource."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from schakel.api.models import SCOPES, ClientAttendanceImport
from schakel.api.services import api_client_create
from schakel.attendance.models import AbsenceRecord, AttendanceImport, ImportProfile, Layout
from schakel.audit.models import AccessEvent
from tests.api.conftest import Api, SystemClient, token_for
from tests.attendance.conftest import att  # noqa: F401 - the attendance world, as a fixture
from tests.attendance.support import AttendanceWorld, magister_csv
from tests.conftest import assert_nothing_changed, take_snapshot
from tests.factories import ProfessionalFactory, SchoolFactory
from tests.jobs.processes import run_worker_in_process

URL = "/api/v1/verzuimimports/"


@pytest.fixture
def school_system(att: AttendanceWorld) -> SystemClient:  # noqa: F811
    client, secret = api_client_create(organisation=att.school.organisation,
                                       name="Magister Stedelijk", scopes=list(SCOPES))
    return SystemClient(client, secret)


@pytest.fixture
def school_api(school_system: SystemClient) -> Api:
    return Api(token_for(school_system)["access_token"])


def _start(api: Api, att: AttendanceWorld, content: str, **fields: Any) -> Any:  # noqa: F811
    data = {"profiel": att.profiles["magister"].pk, "importeur": att.core.pk,
            "bestand": SimpleUploadedFile("week.csv", content.encode(), "text/csv"), **fields}
    return api.http.post(URL, data, headers=api.headers)


@pytest.mark.django_db
def test_the_import_runs_as_a_job_and_its_status_shows_the_result(
        att: AttendanceWorld, school_api: Api,  # noqa: F811
        django_capture_on_commit_callbacks: Callable[..., Any]) -> None:
    with django_capture_on_commit_callbacks(execute=False) as enqueued:
        response = _start(school_api, att, magister_csv(att.monday))
    assert response.status_code == 202, response.content
    body = response.json()
    assert (body["status"], body["fase"], body["bestandsnaam"]) == ("queued", "queued",
                                                                    "week.csv")
    assert response["Location"] == f"{URL}{body['id']}/"
    assert len(enqueued) == 1  # the job, once the upload is committed
    assert AbsenceRecord.objects.count() == 0
    enqueued[0]()  # the test settings' immediate backend runs the job now
    status = school_api.get(response["Location"]).json()
    assert (status["status"], status["nieuw"], status["rijen"], status["fouten"]) == (
        "done", 4, 4, [])
    assert AbsenceRecord.objects.count() == 4
    imported = AccessEvent.objects.filter(event_code="attendance.import")
    assert imported.exists()
    assert set(imported.values_list("source_system", flat=True)) == {"Magister Stedelijk"}
    assert set(imported.values_list("user_id", flat=True)) == {att.core.user_id}


@pytest.mark.django_db
def test_refused_rows_are_in_the_status_and_nothing_is_imported(
        att: AttendanceWorld, school_api: Api,  # noqa: F811
        django_capture_on_commit_callbacks: Callable[..., Any]) -> None:
    content = magister_csv(att.monday).replace(";1001;", ";9999;", 1)
    with django_capture_on_commit_callbacks(execute=True):
        response = _start(school_api, att, content)
    status = school_api.get(response["Location"]).json()
    assert (status["status"], status["fase"], status["geweigerd"]) == ("failed", "has_errors", 1)
    [error] = status["fouten"]
    assert (error["regel"], error["kolom"]) == (2, "Stamnummer")
    assert AbsenceRecord.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        again = _start(school_api, att, content, geldige_rijen=True)
    assert school_api.get(again["Location"]).json()["status"] == "done"
    assert AbsenceRecord.objects.count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "name", "refusals"), [
    ("teacher", "importeur", 1),        # in no core team: the import page's refusal, logged
    ("outsider", "importeur", 1),       # of another organisation: not the client's, logged
    ("other_profile", "profiel", 0),    # a profile of a school the importer does not import for
    ("no_file", "bestand", 0),
])
def test_a_bad_start_is_400_and_changes_nothing(att: AttendanceWorld, school_api: Api,  # noqa: F811
                                                case: str, name: str, refusals: int) -> None:
    other_school = SchoolFactory()
    outsider = ProfessionalFactory(support_coordinator=True, organisation=other_school.organisation,
                                   core_team_of=other_school)
    other_profile = ImportProfile.objects.create(school=other_school, name="elders",
                                                 layout=Layout.MAGISTER)
    data: dict[str, Any] = {"profiel": att.profiles["magister"].pk, "importeur": att.core.pk,
                            "bestand": SimpleUploadedFile("week.csv", b"x", "text/csv")}
    if case == "teacher":
        data["importeur"] = att.teacher.pk
    elif case == "outsider":
        data["importeur"] = outsider.pk
    elif case == "other_profile":
        data["profiel"] = other_profile.pk
    else:
        del data["bestand"]
    before = take_snapshot()
    response = school_api.http.post(URL, data, headers=school_api.headers)
    assert response.status_code == 400, response.content
    assert response.json()["invalid-params"][0]["name"] == name
    assert not AttendanceImport.objects.exists()
    assert_nothing_changed(before, denied_rows=refusals)


@pytest.mark.django_db
@override_settings(SCHAKEL_ATTENDANCE_API_MAX_BYTES=100)
def test_an_oversized_file_is_413(att: AttendanceWorld, school_api: Api) -> None:  # noqa: F811
    response = _start(school_api, att, magister_csv(att.monday))
    assert response.status_code == 413
    assert not AttendanceImport.objects.exists()


@pytest.mark.django_db
def test_the_status_is_only_for_the_client_that_started_it(
        att: AttendanceWorld, school_api: Api, school_system: SystemClient) -> None:  # noqa: F811
    started = _start(school_api, att, magister_csv(att.monday))
    client, secret = api_client_create(organisation=att.school.organisation,
                                       name="Tweede systeem", scopes=list(SCOPES))
    second = Api(token_for(SystemClient(client, secret))["access_token"])
    assert second.get(started["Location"]).status_code == 404
    # An import started on the page is no client's.
    page_import = att.start(magister_csv(att.monday))
    assert school_api.get(f"{URL}{page_import.pk}/").status_code == 404
    assert school_api.get(f"{URL}999999/").status_code == 404
    assert ClientAttendanceImport.objects.count() == 1


@pytest.mark.django_db
def test_without_the_scope_403(att: AttendanceWorld, school_system: SystemClient) -> None:  # noqa: F811
    api = Api(token_for(school_system, scope="organisaties:lezen")["access_token"])
    assert _start(api, att, magister_csv(att.monday)).status_code == 403
    assert api.get(f"{URL}1/").status_code == 403
    assert not AttendanceImport.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_runs_the_job_the_api_enqueued(att: AttendanceWorld, school_api: Api,  # noqa: F811
                                                settings: Any) -> None:
    settings.TASKS = {"default": {**settings.TASKS["default"],
                                  "BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = _start(school_api, att, magister_csv(att.monday))
    assert DBTaskResult.objects.count() == 1
    assert school_api.get(response["Location"]).json()["status"] == "queued"
    run_worker_in_process()
    assert school_api.get(response["Location"]).json()["status"] == "done"
    assert AbsenceRecord.objects.count() == 4
