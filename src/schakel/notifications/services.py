from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from schakel.accounts.models import User
from schakel.notifications.models import Notification, NotificationKind
from schakel.notifications.tasks import notification_emails_send


def notification_send(
    *, recipients: Iterable[User], kind: NotificationKind, message: str, link: str = "",
) -> list[Notification]:
    """Store in-app notifications and, once the transaction commits, enqueue the job that
    e-mails each recipient a content-free note that something is waiting in Schakel."""
    unique = {user.pk: user for user in recipients}
    notifications = Notification.objects.bulk_create(
        Notification(recipient=user, kind=kind, message=message, link=link)
        for user in unique.values()
    )
    to_email = [notification.pk for notification in notifications
                if notification.recipient.email]
    if to_email:
        transaction.on_commit(
            lambda: notification_emails_send.enqueue(notification_ids=to_email))
    return notifications


def notification_mark_read(*, user: User, notification_id: int) -> int:
    return Notification.objects.filter(
        recipient=user, pk=notification_id, read_at__isnull=True
    ).update(read_at=timezone.now())
