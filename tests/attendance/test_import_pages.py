"""The import pages: the core team uploads, follows the progress (htmx polls the same page
for its fragment), downloads the error report and chooses to import the valid rows; others
get the 404."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from schakel.attendance.models import AbsenceRecord, AttendanceImport, ImportProfile, ImportStatus
from tests.attendance.support import AttendanceWorld, magister_csv
from tests.factories import ProfessionalFactory
from tests.support import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def core_client(att: AttendanceWorld) -> Client:
    return sign_in(Client(), att.core.user)


def test_the_menu_shows_the_import_to_the_core_team(att: AttendanceWorld,
                                                   core_client: Client) -> None:
    url = reverse("attendance:import")
    assert url in core_client.get(reverse("web:dashboard")).content.decode()
    teacher = sign_in(Client(), att.teacher.user)
    assert url not in teacher.get(reverse("web:dashboard")).content.decode()
    assert teacher.get(url).status_code == 404


def test_upload_runs_the_job_and_shows_the_result(
        att: AttendanceWorld, core_client: Client,
        django_capture_on_commit_callbacks: Callable[..., Any]) -> None:
    upload = SimpleUploadedFile("week 47.csv", magister_csv(att.monday).encode(),
                                content_type="text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        response = core_client.post(reverse("attendance:import"), {
            "profile": att.profiles["magister"].pk, "file": upload})
    attendance_import = AttendanceImport.objects.get()
    detail = reverse("attendance:import_detail", kwargs={"import_id": attendance_import.pk})
    assert response.status_code == 302
    assert response["Location"] == detail
    page = core_client.get(detail).content.decode()
    assert "week 47.csv" in page
    assert "Imported" in page
    assert "CSV, read as UTF-8" in page
    assert 'hx-trigger="every 1s"' not in page  # finished: the polling stops
    assert AbsenceRecord.objects.count() == 4


def test_a_running_import_polls_its_fragment(att: AttendanceWorld, core_client: Client) -> None:
    attendance_import = att.start(magister_csv(att.monday))  # queued: no worker ran it
    detail = reverse("attendance:import_detail", kwargs={"import_id": attendance_import.pk})
    page = core_client.get(detail).content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert "You may close this page" in page
    fragment = core_client.get(detail, headers={"HX-Request": "true"}).content.decode()
    assert fragment.startswith('<div id="import-progress"')
    assert "<html" not in fragment


def test_errors_the_report_and_the_valid_rows(
        att: AttendanceWorld, core_client: Client,
        django_capture_on_commit_callbacks: Callable[..., Any]) -> None:
    content = magister_csv(att.monday).replace(";1002;", ";9999;", 1)
    attendance_import = att.run(content)
    assert attendance_import.status == ImportStatus.HAS_ERRORS
    detail = reverse("attendance:import_detail", kwargs={"import_id": attendance_import.pk})
    page = core_client.get(detail).content.decode()
    assert "No pupil with number 9999 at this school." in page
    assert "Import the valid rows" in page
    report = core_client.get(reverse("attendance:import_errors",
                                     kwargs={"import_id": attendance_import.pk}))
    assert report["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(report.streaming_content).decode()  # type: ignore[attr-defined]
    assert text.splitlines() == [
        "\ufeffregel;kolom;melding",
        "4;Stamnummer;No pupil with number 9999 at this school."]
    with django_capture_on_commit_callbacks(execute=True):
        response = core_client.post(reverse("attendance:import_valid_rows",
                                            kwargs={"import_id": attendance_import.pk}))
    assert response.status_code == 302
    attendance_import.refresh_from_db()
    assert (attendance_import.status, attendance_import.created_count) == (ImportStatus.DONE, 3)


def test_another_school_sees_no_import(att: AttendanceWorld) -> None:
    attendance_import = att.start(magister_csv(att.monday))
    other = ProfessionalFactory(support_coordinator=True, core_team_of=att.other_school)
    client = sign_in(Client(), other.user)
    for name in ("attendance:import_detail", "attendance:import_errors"):
        url = reverse(name, kwargs={"import_id": attendance_import.pk})
        assert client.get(url).status_code == 404
    assert client.get(reverse("attendance:import")).status_code == 200


def test_the_core_team_sets_up_a_profile_with_the_default_codes(
        att: AttendanceWorld, core_client: Client) -> None:
    url = reverse("attendance:profile_create")
    assert core_client.get(url).status_code == 200
    response = core_client.post(url, {"school": att.school.pk, "layout": "somtoday",
                                      "name": "Somtoday Noord"})
    assert response.status_code == 302
    profile = ImportProfile.objects.get(name="Somtoday Noord")
    assert profile.code_mapping["AO"] == {"kind": "absent", "authorised": False}
    again = core_client.post(url, {"school": att.school.pk, "layout": "somtoday",
                                   "name": "Somtoday Noord"})
    assert "The school has a profile of that name already." in again.content.decode()
    other = core_client.post(url, {"school": att.other_school.pk, "layout": "somtoday",
                                   "name": "Elders"})
    assert other.status_code == 200
    assert not ImportProfile.objects.filter(name="Elders").exists()
