"""`retention_run`: exactly what expired goes, in one transaction per category, recorded
without names; dry runs change nothing; the access log is only reported."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext as _

from schakel.access.actor import SYSTEM_USERNAME
from schakel.accounts.models import User
from schakel.audit.models import AccessEvent, Action
from schakel.cases.models import (
    Agreement,
    Case,
    ClassroomAdvice,
    Consultation,
    Escalation,
    Intervention,
    Involvement,
    PlanStepEntry,
)
from schakel.dates import add_years
from schakel.notifications.models import Notification, NotificationKind
from schakel.notifications.services import notification_send
from schakel.retention.categories import notifications_anonymise
from schakel.retention.models import (
    ANONYMISED,
    ActionOutcome,
    RetentionAction,
    RetentionCategory,
    RetentionRule,
    RetentionRun,
    RuleAction,
    StartEvent,
)
from schakel.retention.services import retention_run
from schakel.signals.models import Signal, SignalLevel
from tests.conftest import take_snapshot
from tests.factories import (
    AccessEventFactory,
    CaseFactory,
    ChildFactory,
    EnrolmentFactory,
    NotificationFactory,
    SchoolClassFactory,
    SignalFactory,
    UserFactory,
)
from tests.retention.fixtures import CLOSED_ON, RetentionWorld, at_noon

CASE_EXPIRES_ON = add_years(CLOSED_ON, 20)  # the anniversary: expired from this day on


def _action(run: RetentionRun | None, category: RetentionCategory) -> RetentionAction:
    assert run is not None
    return run.actions.get(category=category)


# --- care content of a case ----------------------------------------------------------------


@pytest.mark.parametrize(("offset", "deleted"), [(-1, False), (0, True), (1, True)])
def test_case_content_expires_20_years_after_the_last_change(
    rw: RetentionWorld, offset: int, deleted: bool,
) -> None:
    today = CASE_EXPIRES_ON + dt.timedelta(days=offset)
    report = retention_run(today=today)
    assert Case.objects.filter(pk=rw.case.pk).exists() is not deleted
    for model in (Involvement, Consultation, PlanStepEntry, Agreement, Intervention,
                  ClassroomAdvice, Escalation):
        assert model.objects.filter(case_id=rw.case.pk).exists() is not deleted, model
    action = _action(report.run, RetentionCategory.CASE_CONTENT)
    assert action.count == (2 if deleted else 0)  # Nina's case and the family case
    assert action.outcome == ActionOutcome.DONE


def test_a_later_change_postpones_the_deletion(rw: RetentionWorld) -> None:
    later = CLOSED_ON + dt.timedelta(days=10)
    PlanStepEntry.objects.filter(case=rw.case).update(filled_in_at=at_noon(later))
    retention_run(today=CASE_EXPIRES_ON)
    assert Case.objects.filter(pk=rw.case.pk).exists()
    assert not Case.objects.filter(pk=rw.family_case.pk).exists()
    retention_run(today=add_years(later, 20))
    assert not Case.objects.filter(pk=rw.case.pk).exists()


def test_open_cases_never_expire(rw: RetentionWorld) -> None:
    old_open = CaseFactory(school=rw.school, opened_at=at_noon(dt.date(1990, 1, 1)))
    retention_run(today=dt.date(2090, 1, 1))
    assert Case.objects.filter(pk=old_open.pk).exists()
    assert not Case.objects.filter(pk=rw.case.pk).exists()


def test_start_event_case_closed_ignores_later_changes(rw: RetentionWorld) -> None:
    RetentionRule.objects.filter(category=RetentionCategory.CASE_CONTENT).update(
        start_event=StartEvent.CASE_CLOSED)
    PlanStepEntry.objects.filter(case=rw.case).update(
        filled_in_at=at_noon(CLOSED_ON + dt.timedelta(days=10)))
    retention_run(today=CASE_EXPIRES_ON)
    assert not Case.objects.filter(pk=rw.case.pk).exists()


def test_deleting_a_case_detaches_its_signals(rw: RetentionWorld) -> None:
    retention_run(today=CASE_EXPIRES_ON)
    signal = Signal.objects.get(pk=rw.linked_signal.pk)
    assert signal.case_id is None


def test_anonymising_case_content_keeps_the_case_without_its_text(rw: RetentionWorld) -> None:
    RetentionRule.objects.filter(category=RetentionCategory.CASE_CONTENT).update(
        action=RuleAction.ANONYMISE)
    retention_run(today=CASE_EXPIRES_ON)
    case = Case.objects.get(pk=rw.case.pk)
    assert case.title == ANONYMISED
    assert case.closure_reason == ANONYMISED
    assert set(case.plan_entries.values_list("content", flat=True)) == {ANONYMISED}
    assert set(case.consultations.values_list("signals_seen", flat=True)) == {ANONYMISED}
    assert set(case.classroom_advice.values_list("advice", flat=True)) == {ANONYMISED}
    # A second run finds nothing left to anonymise.
    second = retention_run(today=CASE_EXPIRES_ON)
    assert _action(second.run, RetentionCategory.CASE_CONTENT).count == 0


def test_each_affected_child_gets_a_delete_row_by_the_system(rw: RetentionWorld) -> None:
    report = retention_run(today=CASE_EXPIRES_ON)
    action = _action(report.run, RetentionCategory.CASE_CONTENT)
    rows = AccessEvent.objects.filter(event_code="retention.case_content.delete")
    assert set(rows.values_list("child_id", flat=True)) == {rw.child.pk, rw.sibling.pk}
    assert rows.count() == 2
    assert set(rows.values_list("action", flat=True)) == {Action.DELETE}
    assert set(rows.values_list("user_name", flat=True)) == {SYSTEM_USERNAME}
    assert set(rows.values_list("object_id", flat=True)) == {str(action.pk)}
    assert action.children_count == 2
    system = User.objects.get(username=SYSTEM_USERNAME)
    assert not system.is_active
    assert not system.has_usable_password()


def test_the_record_lists_ids_and_never_names(rw: RetentionWorld) -> None:
    report = retention_run(today=CASE_EXPIRES_ON)
    action = _action(report.run, RetentionCategory.CASE_CONTENT)
    assert action.ids == sorted([rw.case.pk, rw.family_case.pk])
    assert (action.first_id, action.last_id) == (min(action.ids), max(action.ids))
    stored = json.dumps(list(RetentionAction.objects.values()), default=str)
    for text in ("Nina", "Daan", "Mulder", "Zorgen"):
        assert text not in stored


# --- signals about a child -----------------------------------------------------------------


def test_signals_are_anonymised_two_years_after_the_pupil_left(rw: RetentionWorld) -> None:
    today = dt.date(2030, 6, 1)
    cutoff = add_years(today, -2)
    school_class = SchoolClassFactory(school=rw.school)
    left_at_cutoff = ChildFactory(first_name="Sem")
    left_day_after = ChildFactory()
    staying = ChildFactory()
    EnrolmentFactory(child=left_at_cutoff, school=rw.school, start_date=dt.date(2020, 8, 1),
                     end_date=cutoff)
    EnrolmentFactory(child=left_day_after, school=rw.school, start_date=dt.date(2020, 8, 1),
                     end_date=cutoff + dt.timedelta(days=1))
    EnrolmentFactory(child=staying, school=rw.school, start_date=dt.date(2020, 8, 1))
    expired = SignalFactory(school=rw.school, child=left_at_cutoff, closed=True,
                            school_class=school_class, description="Sem wordt gepest.")
    kept_recent = SignalFactory(school=rw.school, child=left_day_after)
    kept_staying = SignalFactory(school=rw.school, child=staying)
    for signal in (expired, kept_recent, kept_staying):
        Signal.objects.filter(pk=signal.pk).update(raised_at=at_noon(dt.date(2021, 1, 1)))

    report = retention_run(today=today)

    expired.refresh_from_db()
    assert expired.child_id is None
    assert expired.description == ANONYMISED
    assert expired.level == SignalLevel.CLASS
    assert expired.theme_id is not None
    for signal in (kept_recent, kept_staying):
        signal.refresh_from_db()
        assert signal.child_id is not None
        assert signal.description != ANONYMISED
    # The signal that belongs to a case file follows the case, not this rule.
    assert Signal.objects.get(pk=rw.linked_signal.pk).child_id == rw.child.pk
    action = _action(report.run, RetentionCategory.SCHOOL_SIGNAL)
    assert action.ids == [expired.pk]
    assert AccessEvent.objects.filter(
        event_code="retention.school_signal.anonymise", child_id=left_at_cutoff.pk,
        action=Action.DELETE).count() == 1


def test_signal_delete_rule_removes_the_signal(rw: RetentionWorld) -> None:
    RetentionRule.objects.filter(category=RetentionCategory.SCHOOL_SIGNAL).update(
        action=RuleAction.DELETE)
    pupil = ChildFactory()
    EnrolmentFactory(child=pupil, school=rw.school, start_date=dt.date(2020, 8, 1),
                     end_date=dt.date(2022, 7, 1))
    signal = SignalFactory(school=rw.school, child=pupil)
    Signal.objects.filter(pk=signal.pk).update(raised_at=at_noon(dt.date(2021, 1, 1)))
    retention_run(today=dt.date(2025, 1, 1))
    assert not Signal.objects.filter(pk=signal.pk).exists()


# --- notifications and the access log ------------------------------------------------------


@pytest.mark.parametrize(("offset", "deleted"), [(-1, False), (0, True), (1, True)])
def test_notifications_expire_after_a_year(db: None, offset: int, deleted: bool) -> None:
    created = dt.date(2025, 2, 10)
    notification = NotificationFactory()
    Notification.objects.filter(pk=notification.pk).update(created_at=at_noon(created))
    retention_run(today=add_years(created, 1) + dt.timedelta(days=offset))
    assert Notification.objects.filter(pk=notification.pk).exists() is not deleted


def test_an_anonymised_notification_keeps_its_text_in_no_language(db: None) -> None:
    """The text is stored in every language (`Notification.texts`): anonymising clears all."""
    [notification] = notification_send(
        recipients=[UserFactory()], kind=NotificationKind.CASE_CLOSED,
        message=lambda: _("Case %(ref)s has been closed.") % {"ref": "C2026-000001"})
    assert notification.texts
    notifications_anonymise(Notification.objects.filter(pk=notification.pk))
    notification.refresh_from_db()
    assert (notification.message, notification.texts, notification.link) == (ANONYMISED, {}, "")
    for language in ("en", "nl"):
        with translation.override(language):
            assert notification.text == ANONYMISED


def test_the_access_log_is_reported_never_deleted(rw: RetentionWorld) -> None:
    old = AccessEventFactory(occurred_at=at_noon(dt.date(2001, 1, 1)), child_id=rw.child.pk)
    recent = AccessEventFactory(occurred_at=at_noon(dt.date(2029, 6, 1)))
    report = retention_run(today=dt.date(2030, 1, 1))
    assert AccessEvent.objects.filter(pk__in=[old.pk, recent.pk]).count() == 2
    action = _action(report.run, RetentionCategory.ACCESS_LOG)
    assert action.outcome == ActionOutcome.REPORTED
    assert action.action == RuleAction.REPORT
    assert old.pk in action.ids
    assert recent.pk not in action.ids


def test_a_log_rule_set_to_delete_still_only_reports(rw: RetentionWorld) -> None:
    RetentionRule.objects.filter(category=RetentionCategory.ACCESS_LOG).update(
        action=RuleAction.DELETE)
    old = AccessEventFactory(occurred_at=at_noon(dt.date(2001, 1, 1)))
    report = retention_run(today=dt.date(2030, 1, 1))
    assert AccessEvent.objects.filter(pk=old.pk).exists()
    assert _action(report.run, RetentionCategory.ACCESS_LOG).outcome == ActionOutcome.REPORTED


# --- dry run, failures, the command --------------------------------------------------------


def test_a_dry_run_changes_nothing(rw: RetentionWorld) -> None:
    AccessEventFactory(occurred_at=at_noon(dt.date(2001, 1, 1)))
    before = take_snapshot()
    report = retention_run(today=dt.date(2090, 1, 1), dry_run=True)
    assert take_snapshot() == before
    assert not RetentionRun.objects.exists()
    assert not RetentionAction.objects.exists()
    assert report.run is None
    by_category = {r.category: r for r in report.results}
    assert by_category[RetentionCategory.CASE_CONTENT].count == 2
    assert by_category[RetentionCategory.CASE_CONTENT].children_count == 2


def test_a_misconfigured_rule_fails_alone(rw: RetentionWorld) -> None:
    RetentionRule.objects.filter(category=RetentionCategory.NOTIFICATION).update(
        start_event=StartEvent.LEFT_SCHOOL)
    report = retention_run(today=CASE_EXPIRES_ON)
    failed = _action(report.run, RetentionCategory.NOTIFICATION)
    assert failed.outcome == ActionOutcome.FAILED
    assert "left_school" in failed.error
    assert not Case.objects.filter(pk=rw.case.pk).exists()


def test_inactive_rules_are_skipped(rw: RetentionWorld) -> None:
    RetentionRule.objects.filter(category=RetentionCategory.CASE_CONTENT).update(
        is_active=False)
    report = retention_run(today=CASE_EXPIRES_ON)
    assert Case.objects.filter(pk=rw.case.pk).exists()
    assert report.run is not None
    assert not report.run.actions.filter(category=RetentionCategory.CASE_CONTENT).exists()


def test_the_command_prints_a_summary(rw: RetentionWorld, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    call_command("retention_run", "--dry-run", "--today", CASE_EXPIRES_ON.isoformat())
    out = capsys.readouterr().out
    assert "Dry run for" in out
    assert "case_content: 2 record(s)" in out
    assert Case.objects.filter(pk=rw.case.pk).exists()
    call_command("retention_run", "--today", CASE_EXPIRES_ON.isoformat())
    assert "Retention run #" in capsys.readouterr().out
    assert not Case.objects.filter(pk=rw.case.pk).exists()


def test_the_default_rules_are_installed(db: None) -> None:
    rules = {r.category: r for r in RetentionRule.objects.all()}
    assert set(rules) == set(RetentionCategory.values)
    assert (rules["case_content"].period_years, rules["case_content"].start_event) == (
        20, StartEvent.LAST_CHANGE)
    assert rules["case_content"].needs_verification
    assert rules["access_log"].action == RuleAction.REPORT
    assert rules["access_log"].period_years >= 5
    assert rules["notification"].period_years == 1
    assert "7.3.8" in rules["case_content"].legal_source
