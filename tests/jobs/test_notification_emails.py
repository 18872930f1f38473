"""The e-mail copies of notifications as jobs: enqueued when the transaction commits, sent by
a worker, each notification marked once handed to the mail backend; a second run sends
nothing; the daily sweep sends what a killed or failed job left."""

from __future__ import annotations

import datetime as dt
import importlib
from types import SimpleNamespace
from typing import Any, cast

import pytest
from django.apps import apps as global_apps
from django.core import mail
from django.db import connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from schakel.accounts.models import User
from schakel.notifications.models import Notification, NotificationKind
from schakel.notifications.services import notification_send
from schakel.notifications.tasks import (
    NotificationEmailsFailed,
    notification_emails_send,
    notification_emails_sweep,
)
from tests.factories import NotificationFactory, UserFactory
from tests.jobs.processes import run_worker_in_process

transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SECRET = "Casus C2026-000001 van Bas Jansen is gesloten."


def _notify(*recipients: User) -> list[Notification]:
    return notification_send(recipients=list(recipients), kind=NotificationKind.CASE_CLOSED,
                             message=SECRET, link="/casussen/1/")


def _pending() -> set[int]:
    return set(Notification.objects.filter(emailed_at__isnull=True).values_list(
        "recipient_id", flat=True))


@pytest.mark.django_db
def test_the_job_is_enqueued_when_the_transaction_commits(django_capture_on_commit_callbacks,
                                                          mailoutbox):
    anne, tom, nobody = UserFactory(), UserFactory(), UserFactory(email="")
    with django_capture_on_commit_callbacks() as callbacks:
        sent = _notify(anne, tom, nobody)
        assert not DBTaskResult.objects.exists()
    assert len(callbacks) == 1
    callbacks[0]()
    job = DBTaskResult.objects.get()
    assert job.task_path == "schakel.notifications.tasks.notification_emails_send"
    assert job.queue_name == "email"
    assert job.status == "READY"
    assert sorted(job.args_kwargs["kwargs"]["notification_ids"]) == sorted(
        n.pk for n in sent if n.recipient != nobody)
    assert mailoutbox == []  # a worker sends it
    assert _pending() == {anne.pk, tom.pk, nobody.pk}


@pytest.mark.django_db
def test_nothing_is_enqueued_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    user = UserFactory()

    def failing_service() -> None:
        with transaction.atomic():
            _notify(user)
            raise RuntimeError("the service failed after notifying")

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(
            RuntimeError):
        failing_service()
    assert callbacks == []
    assert not DBTaskResult.objects.exists()


@transactional
def test_a_worker_sends_the_mail_and_a_second_run_sends_nothing(mailoutbox):
    anne, tom, nobody = UserFactory(), UserFactory(), UserFactory(email="")
    sent = _notify(anne, tom, nobody)  # autocommit: enqueued at once
    ids = [n.pk for n in sent]
    notification_emails_send.enqueue(notification_ids=ids)  # the same job again
    run_worker_in_process()
    first, second = DBTaskResult.objects.order_by("enqueued_at")
    assert (first.status, first.return_value) == ("SUCCESSFUL", 2)
    assert (second.status, second.return_value) == ("SUCCESSFUL", 0)
    assert sorted(m.to[0] for m in mailoutbox) == sorted([anne.email, tom.email])
    assert _pending() == {nobody.pk}
    for message in mailoutbox:
        assert message.subject == "New notification in Schakel"
        for secret in ("Bas", "Jansen", "C2026-000001", "/casussen/1/"):
            assert secret not in message.subject
            assert secret not in message.body


@transactional
def test_the_mail_is_in_the_site_language(settings, mailoutbox):
    settings.LANGUAGE_CODE = "nl"
    _notify(UserFactory())
    run_worker_in_process()
    assert mailoutbox[0].subject == "Nieuwe melding in Schakel"


@transactional
def test_the_sweep_sends_what_is_pending_and_recent(settings, mailoutbox):
    settings.SCHAKEL_NOTIFICATION_EMAIL_MAX_AGE_DAYS = 3
    recent, old, done, nobody = (UserFactory(), UserFactory(), UserFactory(),
                                 UserFactory(email=""))
    NotificationFactory(recipient=recent)
    old_one = NotificationFactory(recipient=old)
    Notification.objects.filter(pk=old_one.pk).update(
        created_at=timezone.now() - dt.timedelta(days=4))
    NotificationFactory(recipient=done, emailed_at=timezone.now())
    NotificationFactory(recipient=nobody)
    notification_emails_sweep.enqueue()
    notification_emails_sweep.enqueue()
    run_worker_in_process()
    assert [m.to for m in mailoutbox] == [[recent.email]]
    assert list(DBTaskResult.objects.order_by("enqueued_at").values_list(
        "status", "return_value")) == [("SUCCESSFUL", 1), ("SUCCESSFUL", 0)]
    assert _pending() == {old.pk, nobody.pk}


@transactional
def test_a_refused_mail_fails_the_job_and_stays_pending_for_the_next_run(settings):
    settings.EMAIL_BACKEND = "tests.jobs.mailbox.RefusingBackend"
    anne, refused, tom = (UserFactory(), UserFactory(email="refused@example.org"),
                          UserFactory())
    _notify(anne, refused, tom)
    run_worker_in_process()
    job = DBTaskResult.objects.get()
    assert job.status == "FAILED"
    assert job.exception_class_path == (
        f"{NotificationEmailsFailed.__module__}.{NotificationEmailsFailed.__qualname__}")
    assert "refused@example.org" not in job.traceback  # the log names no address
    assert sorted(m.to[0] for m in mail.outbox) == sorted([anne.email, tom.email])
    assert _pending() == {refused.pk}

    User.objects.filter(pk=refused.pk).update(email="fixed@example.org")
    notification_emails_sweep.enqueue()
    run_worker_in_process()
    assert [m.to for m in mail.outbox][-1] == ["fixed@example.org"]
    assert len(mail.outbox) == 3
    assert _pending() == set()


@pytest.mark.django_db
def test_the_migration_marks_the_notifications_the_old_code_emailed() -> None:
    migration = importlib.import_module(
        "schakel.notifications.migrations.0005_notification_emailed_at")
    old = NotificationFactory()
    already = NotificationFactory(emailed_at=timezone.now())
    migration.mark_existing_emailed(global_apps, cast(Any, SimpleNamespace(connection=connection)))
    old.refresh_from_db()
    assert old.emailed_at == old.created_at
    assert Notification.objects.get(pk=already.pk).emailed_at == already.emailed_at
