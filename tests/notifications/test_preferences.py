"""E-mail preferences per kind of notification: immediately, in the daily digest, or no
e-mail; the in-app note is always there; safety-relevant kinds cannot be switched off."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from schakel.accounts.models import User
from schakel.notifications.models import (
    EmailDelivery,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from schakel.notifications.preferences import (
    SAFETY_KINDS,
    allowed_deliveries,
    default_delivery,
    effective_delivery,
    professional_kinds,
)
from schakel.notifications.selectors import notification_preferences_for, notifications_for
from schakel.notifications.services import notification_preferences_save, notification_send
from schakel.notifications.tasks import notification_digests_send, notification_emails_sweep
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SECRET = "Casus C2026-000001 van Bas Jansen is gesloten."


def _send(user: User, kind: NotificationKind = NotificationKind.CASE_CLOSED) -> Notification:
    [notification] = notification_send(recipients=[user], kind=kind, message=SECRET,
                                       link="/casussen/1/")
    return notification


def _choose(user: User, kind: NotificationKind, delivery: EmailDelivery) -> None:
    notification_preferences_save(user=user, choices={kind: delivery})


def test_immediately_sends_one_mail_at_once(django_capture_on_commit_callbacks, mailoutbox,
                                            settings):
    settings.SCHAKEL_SITE_URL = "https://schakel.example.org"
    user = UserFactory()
    _choose(user, NotificationKind.CASE_CLOSED, EmailDelivery.IMMEDIATELY)
    with django_capture_on_commit_callbacks(execute=True):
        notification = _send(user)
    assert notification.delivery == EmailDelivery.IMMEDIATELY
    assert [m.to for m in mailoutbox] == [[user.email]]
    assert "Case closed" in mailoutbox[0].body
    assert "https://schakel.example.org/meldingen/\n" in mailoutbox[0].body
    assert "/casussen/1/" not in mailoutbox[0].body


def test_digest_waits_for_the_daily_mail(django_capture_on_commit_callbacks, mailoutbox,
                                         settings):
    settings.SCHAKEL_SITE_URL = "https://schakel.example.org/"
    user = UserFactory()
    _choose(user, NotificationKind.CASE_CLOSED, EmailDelivery.DIGEST)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first, second = _send(user), _send(user)
        _send(user, NotificationKind.MATCH)  # digest by default
    assert callbacks == []  # no e-mail job at all
    assert mailoutbox == []
    assert {first.delivery, second.delivery} == {EmailDelivery.DIGEST}
    assert notifications_for(user=user).count() == 3  # in the app at once

    assert notification_digests_send.call() == 1
    [mail] = mailoutbox
    assert mail.to == [user.email]
    assert mail.subject == "Your daily overview from Schakel"
    assert "3 notifications are waiting for you in Schakel:" in mail.body
    assert "- Case closed: 2" in mail.body
    assert "- Also involved: 1" in mail.body
    assert "https://schakel.example.org/meldingen/?soort=case_closed" in mail.body
    assert "https://schakel.example.org/meldingen/voorkeuren/" in mail.body
    for secret in ("Bas", "Jansen", "C2026-000001", "/casussen/1/"):
        assert secret not in mail.subject + mail.body
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    assert notification_digests_send.call() == 0  # a second run the same day: nothing
    assert len(mailoutbox) == 1


def test_the_digest_counts_only_what_is_unread_and_uses_the_singular(mailoutbox):
    user, other = UserFactory(), UserFactory()
    for person in (user, other):
        _choose(person, NotificationKind.CASE_CLOSED, EmailDelivery.DIGEST)
    read = _send(user)
    Notification.objects.filter(pk=read.pk).update(read_at=read.created_at)
    _send(user)
    _send(other)
    assert notification_digests_send.call() == 2
    assert sorted(m.to[0] for m in mailoutbox) == sorted([user.email, other.email])
    for mail in mailoutbox:
        assert "1 notification is waiting for you in Schakel:" in mail.body
        assert "- Case closed: 1" in mail.body


def test_off_keeps_the_in_app_note_and_sends_no_mail(django_capture_on_commit_callbacks,
                                                     mailoutbox):
    user = UserFactory()
    _choose(user, NotificationKind.CASE_CLOSED, EmailDelivery.OFF)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification = _send(user)
    assert notification.delivery == EmailDelivery.OFF
    assert callbacks == []
    assert list(notifications_for(user=user)) == [notification]
    assert notification_digests_send.call() == 0
    assert mailoutbox == []


def test_preferences_are_per_user_and_per_kind(django_capture_on_commit_callbacks, mailoutbox):
    quiet, other = UserFactory(), UserFactory()
    _choose(quiet, NotificationKind.CASE_CLOSED, EmailDelivery.OFF)
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(recipients=[quiet, other], kind=NotificationKind.CASE_CLOSED,
                          message=SECRET)
        notification_send(recipients=[quiet], kind=NotificationKind.INVOLVED, message=SECRET)
    assert sorted(m.to[0] for m in mailoutbox) == sorted([other.email, quiet.email])
    assert Notification.objects.get(recipient=quiet, kind=NotificationKind.INVOLVED).delivery \
        == EmailDelivery.IMMEDIATELY


@pytest.mark.parametrize("kind", sorted(SAFETY_KINDS))
def test_a_safety_kind_cannot_be_switched_off_and_nothing_changes(kind: str):
    user = UserFactory()
    _choose(user, NotificationKind.CASE_CLOSED, EmailDelivery.OFF)
    with pytest.raises(ValidationError) as refused:
        notification_preferences_save(user=user, choices={
            NotificationKind.CASE_CLOSED: EmailDelivery.DIGEST, kind: EmailDelivery.OFF})
    assert "cannot be switched off" in str(refused.value.message_dict[kind])
    assert list(NotificationPreference.objects.values_list("kind", "delivery")) == [
        (NotificationKind.CASE_CLOSED, EmailDelivery.OFF)]
    assert EmailDelivery.OFF not in allowed_deliveries(kind)
    # A choice stored before the rule (or by hand) counts as the digest.
    NotificationPreference.objects.create(user=user, kind=kind, delivery=EmailDelivery.OFF)
    [notification] = notification_send(recipients=[user], kind=NotificationKind(kind),
                                       message="x")
    assert notification.delivery == EmailDelivery.DIGEST


def test_consent_withdrawn_is_a_safety_kind():
    assert NotificationKind.CONSENT_WITHDRAWN in SAFETY_KINDS
    assert effective_delivery(NotificationKind.CONSENT_WITHDRAWN, EmailDelivery.OFF) == (
        EmailDelivery.DIGEST)


def test_unknown_kinds_and_deliveries_are_refused():
    user = UserFactory()
    with pytest.raises(ValidationError) as refused:
        notification_preferences_save(user=user, choices={"no_such_kind": "immediately",
                                                          NotificationKind.MATCH: "weekly"})
    assert set(refused.value.message_dict) == {"no_such_kind", NotificationKind.MATCH}
    assert not NotificationPreference.objects.exists()


def test_defaults_and_only_differences_are_stored():
    assert default_delivery(NotificationKind.AGREEMENT_ASSIGNED) == EmailDelivery.IMMEDIATELY
    assert default_delivery(NotificationKind.AGREEMENT_DUE_SOON) == EmailDelivery.IMMEDIATELY
    assert default_delivery(NotificationKind.MATCH) == EmailDelivery.DIGEST
    user = UserFactory()
    notification_preferences_save(user=user, choices={
        NotificationKind.MATCH: EmailDelivery.DIGEST,  # the default: not stored
        NotificationKind.CASE_CLOSED: EmailDelivery.DIGEST,
    })
    assert list(NotificationPreference.objects.values_list("kind", "delivery")) == [
        (NotificationKind.CASE_CLOSED, EmailDelivery.DIGEST)]
    notification_preferences_save(user=user, choices={
        NotificationKind.CASE_CLOSED: EmailDelivery.IMMEDIATELY})  # back to the default
    assert not NotificationPreference.objects.exists()


def test_the_page_rows_show_the_effective_choice_and_no_portal_kinds():
    user = UserFactory()
    _choose(user, NotificationKind.CASE_CLOSED, EmailDelivery.OFF)
    rows = {row.kind: row for row in notification_preferences_for(user=user)}
    assert set(rows) == set(professional_kinds())
    assert NotificationKind.CONSENT_REQUESTED not in rows
    assert rows[NotificationKind.CASE_CLOSED].delivery == EmailDelivery.OFF
    assert rows[NotificationKind.MATCH].delivery == EmailDelivery.DIGEST
    assert rows[NotificationKind.CONSENT_WITHDRAWN].is_safety
    assert EmailDelivery.OFF not in rows[NotificationKind.CONSENT_WITHDRAWN].choices


@pytest.mark.django_db
def test_the_daily_mail_jobs_with_nothing_to_send_do_not_reach_for_the_mail_server(settings):
    # A port nobody listens on: opening a connection would fail the job.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    assert notification_digests_send.call() == 0
    assert notification_emails_sweep.call() == 0
