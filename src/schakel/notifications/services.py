from __future__ import annotations

from collections.abc import Callable, Iterable

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import Truncator

from schakel.accounts.models import User
from schakel.notifications.models import Notification, NotificationKind
from schakel.notifications.tasks import notification_emails_send

MESSAGE_MAX_CHARS: int = Notification._meta.get_field("message").max_length or 300

# The text of a notification: best a function that renders it, so that it can be written in
# every language (`lambda: _("Case %(ref)s has been closed.") % {"ref": case.reference}`).
Message = str | Callable[[], str]


def _render(message: Message) -> str:
    return Truncator(message() if callable(message) else message).chars(MESSAGE_MAX_CHARS)


def notification_texts(message: Message) -> dict[str, str]:
    """The text in each language of the interface (settings.LANGUAGES): `message` rendered
    with each language active, translated labels and dates included. A plain string is in one
    language only: no texts."""
    if not callable(message):
        return {}
    texts = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts[code] = _render(message)
    return texts


def notification_send(
    *, recipients: Iterable[User], kind: NotificationKind, message: Message, link: str = "",
) -> list[Notification]:
    """Store in-app notifications and, once the transaction commits, enqueue the job that
    e-mails each recipient a content-free note that something is waiting in Schakel.

    `message` renders the text (`notification_texts`); each recipient reads it in their own
    language (`Notification.text`), whatever the language of the one who caused it."""
    unique = {user.pk: user for user in recipients}
    text, texts = _render(message), notification_texts(message)
    notifications = Notification.objects.bulk_create(
        Notification(recipient=user, kind=kind, message=text, texts=texts, link=link)
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
