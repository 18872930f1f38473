"""Notifications: stored in-app, e-mailed content-free once the transaction commits."""

from __future__ import annotations

import pytest
from django.db import transaction

from schakel.notifications.models import Notification, NotificationKind
from schakel.notifications.selectors import notifications_for, unread_count
from schakel.notifications.services import notification_mark_read, notification_send
from tests.factories import NotificationFactory, UserFactory

pytestmark = pytest.mark.django_db

MESSAGE = "Casus C2026-000001 van Bas Jansen is gesloten."


def test_one_notification_per_recipient(django_capture_on_commit_callbacks, mailoutbox):
    anne, tom = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        sent = notification_send(recipients=[anne, tom, anne], kind=NotificationKind.CASE_CLOSED,
                                 message=MESSAGE, link="/casussen/1/")
    assert len(sent) == 2
    assert {n.recipient for n in Notification.objects.all()} == {anne, tom}
    assert {(n.kind, n.message, n.link) for n in Notification.objects.all()} == {
        (NotificationKind.CASE_CLOSED, MESSAGE, "/casussen/1/")}
    assert sorted(m.to[0] for m in mailoutbox) == sorted([anne.email, tom.email])


def test_the_mail_says_nothing_about_the_case(django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(recipients=[UserFactory()], kind=NotificationKind.INVOLVED,
                          message=MESSAGE, link="/casussen/1/")
    mail = mailoutbox[0]
    for secret in ("Bas", "Jansen", "C2026-000001", "/casussen/1/"):
        assert secret not in mail.subject
        assert secret not in mail.body


def test_users_without_email_get_only_the_in_app_note(django_capture_on_commit_callbacks,
                                                       mailoutbox):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification_send(recipients=[UserFactory(email="")], kind=NotificationKind.INVOLVED,
                          message="x")
    assert Notification.objects.count() == 1
    assert callbacks == []
    assert mailoutbox == []


def test_no_mail_when_the_transaction_rolls_back(django_capture_on_commit_callbacks,
                                                 mailoutbox):
    user = UserFactory()

    def failing_service() -> None:
        with transaction.atomic():
            notification_send(recipients=[user], kind=NotificationKind.INVOLVED, message="x")
            raise RuntimeError("the service failed after notifying")

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(
            RuntimeError):
        failing_service()
    assert callbacks == []
    assert mailoutbox == []
    assert not Notification.objects.exists()


def test_no_recipients_no_rows(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        assert notification_send(recipients=[], kind=NotificationKind.INVOLVED,
                                 message="x") == []
    assert callbacks == []
    assert not Notification.objects.exists()


def test_marking_read_is_for_the_recipient_only():
    mine = NotificationFactory()
    other_user = UserFactory()
    assert unread_count(user=mine.recipient) == 1
    assert notification_mark_read(user=other_user, notification_id=mine.pk) == 0
    assert unread_count(user=mine.recipient) == 1
    assert notification_mark_read(user=mine.recipient, notification_id=mine.pk) == 1
    assert notification_mark_read(user=mine.recipient, notification_id=mine.pk) == 0
    mine.refresh_from_db()
    assert mine.read_at is not None
    assert unread_count(user=mine.recipient) == 0
    assert list(notifications_for(user=mine.recipient)) == [mine]
    assert list(notifications_for(user=mine.recipient, unread_only=True)) == []
