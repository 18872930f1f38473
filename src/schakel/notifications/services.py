from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from schakel.accounts.models import User
from schakel.notifications.models import (
    EmailDelivery,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from schakel.notifications.preferences import (
    allowed_deliveries,
    default_delivery,
    deliveries_for,
)
from schakel.notifications.tasks import notification_emails_send
from schakel.transactions import service_transaction

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


@dataclass(frozen=True)
class NotificationDraft:
    """One notification to send (`notifications_send`)."""

    recipient: User
    kind: NotificationKind
    message: Message
    link: str = ""


def _stored_choices(drafts: Sequence[NotificationDraft]) -> dict[tuple[int, str], str]:
    users = {draft.recipient.pk for draft in drafts}
    kinds = {str(draft.kind) for draft in drafts}
    rows = NotificationPreference.objects.filter(
        user_id__in=users, kind__in=kinds).values_list("user_id", "kind", "delivery")
    return {(user_id, kind): delivery for user_id, kind, delivery in rows}


def notifications_send(*, drafts: Sequence[NotificationDraft]) -> list[Notification]:
    """Store in-app notifications, each with its e-mail delivery decided from the recipient's
    preference (`notifications.preferences`), and once the transaction commits enqueue one job
    that e-mails, content-free, those to be e-mailed at once. The digest job takes the others.
    A constant number of queries, however many drafts."""
    if not drafts:
        return []
    deliveries = deliveries_for(
        {(draft.recipient.pk, str(draft.kind)) for draft in drafts}, _stored_choices(drafts))
    notifications = Notification.objects.bulk_create(
        Notification(
            recipient=draft.recipient, kind=draft.kind, message=_render(draft.message),
            texts=notification_texts(draft.message), link=draft.link,
            delivery=deliveries[(draft.recipient.pk, str(draft.kind))])
        for draft in drafts
    )
    to_email = [notification.pk for notification in notifications
                if notification.recipient.email
                and notification.delivery == EmailDelivery.IMMEDIATELY]
    if to_email:
        transaction.on_commit(
            lambda: notification_emails_send.enqueue(notification_ids=to_email))
    return notifications


def notification_send(
    *, recipients: Iterable[User], kind: NotificationKind, message: Message, link: str = "",
) -> list[Notification]:
    """Store one in-app notification per recipient and e-mail them content-free as each
    recipient prefers (`notifications_send`).

    `message` renders the text (`notification_texts`); each recipient reads it in their own
    language (`Notification.text`), whatever the language of the one who caused it."""
    unique = {user.pk: user for user in recipients}
    return notifications_send(drafts=[
        NotificationDraft(recipient=user, kind=kind, message=message, link=link)
        for user in unique.values()])


def notification_preferences_save(
    *, user: User, choices: Mapping[str, str],
) -> list[NotificationPreference]:
    """Store a user's choices (kind → delivery). A choice equal to the kind's default is not
    stored, so that a better default reaches everyone who never chose otherwise. A kind that
    may not be switched off (`preferences.SAFETY_KINDS`) refuses "off", and nothing changes."""
    errors: dict[str, str] = {}
    for kind, delivery in choices.items():
        if kind not in NotificationKind.values:
            errors[kind] = _("Unknown kind of notification.")
        elif delivery not in allowed_deliveries(kind):
            errors[kind] = (
                _("This notification cannot be switched off: choose immediately or the daily "
                  "e-mail.") if delivery == EmailDelivery.OFF
                else _("Choose how you want to receive this notification."))
    if errors:
        raise ValidationError(errors)
    kept = [NotificationPreference(user=user, kind=kind, delivery=delivery)
            for kind, delivery in choices.items() if delivery != default_delivery(kind)]
    with service_transaction():
        NotificationPreference.objects.filter(user=user, kind__in=list(choices)).delete()
        return NotificationPreference.objects.bulk_create(kept)


def notification_mark_read(*, user: User, notification_id: int) -> int:
    return Notification.objects.filter(
        recipient=user, pk=notification_id, read_at__isnull=True
    ).update(read_at=timezone.now())
