"""Background jobs of notifications: the content-free e-mail copy of each notification that
its recipient wants at once, and the daily digest of the others (`notifications.preferences`).

Each notification is e-mailed at least once and, short of a crash in the moment between the
hand-over to the mail backend and the commit that records it, exactly once: the job takes one
pending notification at a time (row-locked on PostgreSQL, so that two workers never take the
same one), hands its mail to the backend and sets `emailed_at` in the same short transaction.
A job killed halfway leaves the rest pending; the daily sweep (`notification_emails_sweep`, in
`schakel.jobs.schedule`) sends them. The mail says only that something is waiting in Schakel.

The daily digest (`notification_digests_send`) e-mails each recipient once, listing how many
unread notifications of which kind wait since the last digest, each kind with a link to the
notifications page filtered by it; the notifications it counted are marked e-mailed in the
same transaction, so a second run the same day sends only what arrived since.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _, ngettext
from django_tasks import task

from schakel.notifications.models import EmailDelivery, Notification, NotificationKind

logger = logging.getLogger(__name__)

EMAIL_QUEUE = "email"


class NotificationEmailsFailed(Exception):
    """Some e-mails could not be handed to the mail backend; those notifications stay pending
    and the next run (at the latest the daily sweep) tries again."""


# Marks the mail as sent by a machine (RFC 3834), so that out-of-office replies stay away.
HEADERS = {"Auto-Submitted": "auto-generated"}


def _pending(delivery: EmailDelivery = EmailDelivery.IMMEDIATELY) -> QuerySet[Notification]:
    return Notification.objects.filter(emailed_at__isnull=True, delivery=delivery).exclude(
        recipient__email="")


def site_url(path: str) -> str:
    """An absolute link into Schakel for an e-mail (`SCHAKEL_SITE_URL`)."""
    return str(settings.SCHAKEL_SITE_URL).rstrip("/") + path


def notifications_url(kind: str | None = None) -> str:
    path = reverse("notifications:list")
    return site_url(f"{path}?{urlencode({'soort': kind})}" if kind else path)


def kind_label(kind: str) -> str:
    return str(NotificationKind(kind).label) if kind in NotificationKind.values else kind


def _mail(to: str, subject: str, body: str, connection: BaseEmailBackend) -> None:
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to], connection=connection,
                 headers=HEADERS).send()


def _footer() -> str:
    return _("Choose what Schakel e-mails you: %(url)s") % {
        "url": site_url(reverse("notifications:preferences"))}


def _immediate_body(kind: str) -> str:
    return "\n\n".join([
        _("There is a new notification for you in Schakel: %(kind)s.")
        % {"kind": kind_label(kind)},
        _("Sign in to read it: %(url)s") % {"url": notifications_url()},
        _footer(),
    ])


def _send_one(notification_id: int, *, connection: BaseEmailBackend, subject: str) -> bool:
    """E-mail one notification if it is still pending; whether this call sent it."""
    with transaction.atomic():
        notification = (
            _pending().select_related("recipient").select_for_update(skip_locked=True, of=("self",))
            .filter(pk=notification_id).first())
        if notification is None:
            return False  # e-mailed already, or being e-mailed by another worker right now
        _mail(notification.recipient.email, subject, _immediate_body(notification.kind),
              connection)
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


def _send(notification_ids: Sequence[int]) -> int:
    if not notification_ids:
        return 0  # nothing to send: no connection to the mail server
    sent = failed = 0
    with translation.override(settings.LANGUAGE_CODE), get_connection() as connection:
        subject = _("New notification in Schakel")
        for notification_id in notification_ids:
            try:
                sent += _send_one(notification_id, connection=connection, subject=subject)
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


def _digest_body(counts: Counter[str]) -> str:
    total = sum(counts.values())
    lines = [ngettext("%(count)s notification is waiting for you in Schakel:",
                      "%(count)s notifications are waiting for you in Schakel:", total)
             % {"count": total}, ""]
    for kind in NotificationKind:  # in a fixed order
        if counts[kind]:
            lines.append(f"- {kind.label}: {counts[kind]}")
            lines.append(f"  {notifications_url(kind)}")
    lines += ["", _("All your notifications: %(url)s") % {"url": notifications_url()}, "",
              _("You receive this e-mail at most once a day, for the kinds of notification "
                "you chose to receive in the daily e-mail."), _footer()]
    return "\n".join(lines)


def _pending_digest() -> QuerySet[Notification]:
    return _pending(EmailDelivery.DIGEST).filter(read_at__isnull=True)


def _send_digest(recipient_id: int, *, connection: BaseEmailBackend) -> bool:
    """E-mail one recipient's digest of what is still pending; whether this call sent it."""
    with transaction.atomic():
        rows = list(
            _pending_digest().filter(recipient_id=recipient_id).select_related("recipient")
            .select_for_update(skip_locked=True, of=("self",)).order_by("pk"))
        if not rows:
            return False  # sent already, or being sent by another worker right now
        counts = Counter(row.kind for row in rows)
        _mail(rows[0].recipient.email, _("Your daily overview from Schakel"),
              _digest_body(counts), connection)
        Notification.objects.filter(pk__in=[row.pk for row in rows]).update(
            emailed_at=timezone.now())
    return True


@task(queue_name=EMAIL_QUEUE)
def notification_digests_send() -> int:
    """E-mail every recipient with unread digest notifications not yet e-mailed one digest
    (daily, from the schedule); the number of e-mails sent."""
    recipient_ids = list(_pending_digest().order_by("recipient_id")
                         .values_list("recipient_id", flat=True).distinct())
    if not recipient_ids:
        return 0  # nothing to send: no connection to the mail server
    sent = failed = 0
    with translation.override(settings.LANGUAGE_CODE), get_connection() as connection:
        for recipient_id in recipient_ids:
            try:
                sent += _send_digest(recipient_id, connection=connection)
            except OSError as exc:  # no address in the log
                failed += 1
                logger.warning("Digest for user %s not sent: %s", recipient_id,
                               type(exc).__name__)
    if failed:
        raise NotificationEmailsFailed(
            f"{failed} of {len(recipient_ids)} digest(s) not handed to the mail backend")
    return sent
