"""The import in a real browser: the IB'er uploads a week of Magister absences and sees them
imported; a page opened while the import waits for the worker follows its progress without a
reload (htmx polling) and shows the result when the worker is done. axe-core checks each
page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from schakel.accounts.models import User
from schakel.attendance.models import AbsenceRecord
from schakel.attendance.services.run import attendance_import_run
from tests.attendance.conftest import att
from tests.attendance.support import AttendanceWorld, magister_csv
from tests.e2e.conftest import NewPage, assert_accessible
from tests.e2e.test_case_flow import t
from tests.portal.fixtures import PORTAL_PASSWORD
from tests.support import totp_code, totp_device

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

__all__ = ["att"]  # the fixture of the attendance tests, used by name below


def _sign_in(page: Page, server: LiveServer, user: User) -> None:
    totp_device(user)
    page.goto(server.url + reverse("accounts:login"))
    page.get_by_label(t("Username")).fill(user.username)
    page.get_by_label(t("Password")).fill(PORTAL_PASSWORD)
    page.get_by_role("button", name=t("Next"), exact=True).click()
    page.get_by_label(t("Code"), exact=True).fill(totp_code(user))
    page.get_by_role("button", name=t("Sign in"), exact=True).click()
    expect(page).to_have_url(server.url + reverse("web:dashboard"))


def test_upload_and_follow_the_import(live_server: LiveServer, new_page: NewPage,
                                      att: AttendanceWorld, tmp_path: Path) -> None:
    page = new_page()
    _sign_in(page, live_server, att.core.user)
    page.get_by_role("link", name=t("Attendance import")).click()
    assert_accessible(page)
    path = tmp_path / "absenties week 47.csv"
    path.write_text(magister_csv(att.monday), encoding="utf-8")
    page.get_by_label(t("Import profile")).select_option(str(att.profiles["magister"].pk))
    page.get_by_label(t("Export file")).set_input_files(str(path))
    page.get_by_role("button", name=t("Check and import")).click()
    expect(page).to_have_url(re.compile(r"/verzuim/import/\d+/$"))
    expect(page.get_by_text(t("Imported"), exact=True)).to_be_visible()
    expect(page.get_by_text(t("CSV, read as UTF-8"), exact=False)).to_be_visible()
    assert_accessible(page)
    assert AbsenceRecord.objects.count() == 4


def test_the_page_follows_a_waiting_import_without_a_reload(
        live_server: LiveServer, new_page: NewPage, att: AttendanceWorld) -> None:
    attendance_import = att.start(magister_csv(att.monday))  # no worker has taken it yet
    page = new_page()
    _sign_in(page, live_server, att.core.user)
    page.goto(live_server.url + reverse("attendance:import_detail",
                                        kwargs={"import_id": attendance_import.pk}))
    expect(page.get_by_text(t("Waiting to start"), exact=True)).to_be_visible()
    assert_accessible(page)
    page.evaluate("window.notReloaded = true")
    attendance_import_run(import_id=attendance_import.pk)  # the worker
    expect(page.get_by_text(t("Imported"), exact=True)).to_be_visible()
    assert page.evaluate("window.notReloaded") is True
    assert_accessible(page)
