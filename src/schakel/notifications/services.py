from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.accounts.models import User
from schakel.notifications.models import Notification, NotificationKind


def notification_send(
    *, recipients: Iterable[User], kind: NotificationKind, message: str, link: str = "",
) -> list[Notification]:
    """Store in-app notifications and, once the transaction commits, e-mail a content-free
    note that something is waiting in Schakel."""
    unique = {user.pk: user for user in recipients}
    notifications = Notification.objects.bulk_create(
        Notification(recipient=user, kind=kind, message=message, link=link)
        for user in unique.values()
    )
    emails = [user.email for user in unique.values() if user.email]
    if emails:
        subject = _("New notification in Schakel")
        body = _("There is a new notification for you in Schakel. Sign in to read it.")
        transaction.on_commit(lambda: send_mass_mail(
            [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in emails],
            fail_silently=True,
        ))
    return notifications


def notification_mark_read(*, user: User, notification_id: int) -> int:
    return Notification.objects.filter(
        recipient=user, pk=notification_id, read_at__isnull=True
    ).update(read_at=timezone.now())
