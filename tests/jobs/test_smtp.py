"""E-mail through a real SMTP server (aiosmtpd on 127.0.0.1) with Django's SMTP backend: the
notification at once, the daily digest and a reminder from the schedule's job, each with
its headers, and never a child's data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import timezone

from schakel.cases.tasks import agreement_reminders_job
from schakel.notifications.models import EmailDelivery, NotificationKind
from schakel.notifications.services import notification_preferences_save, notification_send
from schakel.notifications.tasks import notification_digests_send, notification_emails_send
from tests.factories import (
    AgreementFactory,
    CaseFactory,
    InvolvementFactory,
    ProfessionalFactory,
)
from tests.jobs.processes import run_worker_in_process
from tests.jobs.smtp import CollectingHandler, smtp_server

FROM = "Schakel <noreply@schakel.example.org>"


@pytest.fixture
def smtp(settings: Any) -> Iterator[CollectingHandler]:
    with smtp_server() as (port, handler):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = port
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 10
        settings.DEFAULT_FROM_EMAIL = FROM
        settings.SCHAKEL_SITE_URL = "https://schakel.example.org"
        settings.LANGUAGE_CODE = "nl"
        yield handler


def _case_of_bas() -> Any:
    return CaseFactory(child__first_name="Bas", child__last_name="Jansen",
                       title="Zorgen over Bas thuis")


def _secrets(case: Any) -> list[str]:
    return ["Bas", "Jansen", case.reference, case.title, f"/casussen/{case.pk}/"]


def _assert_headers(received: Any, to: str, subject: str) -> None:
    message = received.message
    assert received.rcpt_tos == [to]
    assert received.mail_from == "noreply@schakel.example.org"
    assert message["To"] == to
    assert message["From"] == FROM
    assert message["Subject"] == subject
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Message-ID"]
    assert message["Date"]
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"


@pytest.mark.django_db
def test_a_notification_at_once_arrives_without_the_childs_data(smtp: CollectingHandler):
    case = _case_of_bas()
    owner = ProfessionalFactory()
    [notification] = notification_send(
        recipients=[owner.user], kind=NotificationKind.CASE_CLOSED,
        message=f"Casus {case.reference} van Bas Jansen is gesloten.",
        link=f"/casussen/{case.pk}/")
    assert notification_emails_send.call(notification_ids=[notification.pk]) == 1
    [received] = smtp.received
    _assert_headers(received, owner.user.email, "Nieuwe melding in Schakel")
    assert "Casus afgesloten." in received.body
    assert "https://schakel.example.org/meldingen/" in received.body
    for secret in _secrets(case):
        assert secret not in received.message.as_string()


@pytest.mark.django_db
def test_the_digest_arrives_once_with_counts_and_links(smtp: CollectingHandler):
    case = _case_of_bas()
    owner = ProfessionalFactory()
    notification_preferences_save(user=owner.user, choices={
        NotificationKind.CASE_CLOSED: EmailDelivery.DIGEST})
    for _ in range(2):
        notification_send(recipients=[owner.user], kind=NotificationKind.CASE_CLOSED,
                          message=f"Casus {case.reference} van Bas is gesloten.",
                          link=f"/casussen/{case.pk}/")
    assert notification_digests_send.call() == 1
    assert notification_digests_send.call() == 0
    [received] = smtp.received
    _assert_headers(received, owner.user.email, "Je dagelijkse overzicht van Schakel")
    assert "Er staan 2 meldingen voor je klaar in Schakel:" in received.body
    assert "- Casus afgesloten: 2" in received.body
    assert "https://schakel.example.org/meldingen/?soort=case_closed" in received.body
    for secret in _secrets(case):
        assert secret not in received.message.as_string()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_reminder_from_the_job_arrives_once(smtp: CollectingHandler):
    """The reminder job in a worker; on its commit it enqueues the e-mail job, which the same
    worker run picks up; a second reminder run sends nothing."""
    case = _case_of_bas()
    owner = ProfessionalFactory()
    InvolvementFactory(case=case, professional=owner)
    AgreementFactory(case=case, owner=owner, due_date=timezone.localdate() + dt.timedelta(days=2),
                     description="Bas Jansen bellen over thuis")
    today = timezone.localdate().isoformat()
    agreement_reminders_job.enqueue(today=today)
    run_worker_in_process()
    agreement_reminders_job.enqueue(today=today)
    run_worker_in_process()
    [received] = smtp.received
    _assert_headers(received, owner.user.email, "Nieuwe melding in Schakel")
    assert "Afspraak bijna verlopen" in received.body
    for secret in [*_secrets(case), "bellen"]:
        assert secret not in received.message.as_string()
