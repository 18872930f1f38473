"""Background jobs of notifications: the content-free e-mail copy of each notification.

Each notification is e-mailed at least once and, short of a crash in the moment between the
hand-over to the mail backend and the commit that records it, exactly once: the job takes one
pending notification at a time (row-locked on PostgreSQL, so that two workers never take the
same one), hands its mail to the backend and sets `emailed_at` in the same short transaction.
A job killed halfway leaves the rest pending; the daily sweep (`notification_emails_sweep`, in
`schakel.jobs.schedule`) sends them. The mail says only that something is waiting in Schakel.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from schakel.notifications.models import Notification

logger = logging.getLogger(__name__)

EMAIL_QUEUE = "email"


class NotificationEmailsFailed(Exception):
    """Some e-mails could not be handed to the mail backend; those notifications stay pending
    and the next run (at the latest the daily sweep) tries again."""


def _pending() -> QuerySet[Notification]:
    return Notification.objects.filter(emailed_at__isnull=True).exclude(recipient__email="")


def _send_one(
    notification_id: int, *, connection: BaseEmailBackend, subject: str, body: str,
) -> bool:
    """E-mail one notification if it is still pending; whether this call sent it."""
    with transaction.atomic():
        notification = (
            _pending().select_related("recipient").select_for_update(skip_locked=True, of=("self",))
            .filter(pk=notification_id).first())
        if notification is None:
            return False  # e-mailed already, or being e-mailed by another worker right now
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [notification.recipient.email],
                     connection=connection).send()
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


def _send(notification_ids: Sequence[int]) -> int:
    sent = failed = 0
    with translation.override(settings.LANGUAGE_CODE), get_connection() as connection:
        subject = _("New notification in Schakel")
        body = _("There is a new notification for you in Schakel. Sign in to read it.")
        for notification_id in notification_ids:
            try:
                sent += _send_one(notification_id, connection=connection, subject=subject,
                                  body=body)
            except OSError as exc:  # smtplib's errors included; no address in the log
                failed += 1
                logger.warning("E-mail for notification %s not sent: %s", notification_id,
                               type(exc).__name__)
    if failed:
        raise NotificationEmailsFailed(
            f"{failed} of {len(notification_ids)} e-mail(s) not handed to the mail backend")
    return sent


@task(queue_name=EMAIL_QUEUE)
def notification_emails_send(*, notification_ids: list[int]) -> int:
    """E-mail those of the given notifications that are still pending (enqueued by
    `notification_send` once its transaction commits); the number sent."""
    return _send(sorted(set(notification_ids)))


@task(queue_name=EMAIL_QUEUE)
def notification_emails_sweep() -> int:
    """E-mail every notification still pending whose recipient has an e-mail address, up to
    `SCHAKEL_NOTIFICATION_EMAIL_MAX_AGE_DAYS` old (daily, from the schedule); the number sent."""
    since = timezone.now() - dt.timedelta(days=settings.SCHAKEL_NOTIFICATION_EMAIL_MAX_AGE_DAYS)
    ids = list(_pending().filter(created_at__gte=since).order_by("pk")
               .values_list("pk", flat=True))
    return _send(ids)
