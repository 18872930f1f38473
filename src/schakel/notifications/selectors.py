from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F, QuerySet

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.accounts.models import User
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.notifications.models import (
    EmailDelivery,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from schakel.notifications.preferences import (
    SAFETY_KINDS,
    allowed_deliveries,
    effective_delivery,
    professional_kinds,
)


def notifications_for(
    *, user: User, unread_only: bool = False, kind: NotificationKind | None = None,
) -> QuerySet[Notification]:
    qs = Notification.objects.filter(recipient=user)
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    if kind is not None:
        qs = qs.filter(kind=kind)
    return qs


def notifications_for_system(
    *, actor: Actor, professional_id: int | None = None, unread_only: bool = False,
) -> QuerySet[Notification]:
    """The notifications of the professionals of a system client's organisation
    (`policy.notifications_for_system_q`), oldest first for paging, with the recipient's
    professional id; one access-log row per request."""
    decision = enforce(actor, policy.may_list_notifications(actor),
                       event_code=EventCode.NOTIFICATION_SYSTEM_LIST, action=Action.READ,
                       subject=Subject("notifications.notification", "", None))
    qs = Notification.objects.filter(policy.notifications_for_system_q(actor))
    if professional_id is not None:
        qs = qs.filter(recipient__professional__id=professional_id)
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    access_event_record(actor=actor, event_code=EventCode.NOTIFICATION_SYSTEM_LIST,
                        action=Action.READ, ground=decision.log_ground,
                        subject=Subject("notifications.notification", "", None))
    return qs.annotate(professional_id=F("recipient__professional__id")).order_by("pk")


def unread_count(*, user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


@dataclass(frozen=True)
class PreferenceRow:
    """One kind on a user's preferences page: what is done now and what may be chosen."""

    kind: NotificationKind
    delivery: EmailDelivery
    choices: tuple[EmailDelivery, ...]
    is_safety: bool


def notification_preferences_for(*, user: User) -> list[PreferenceRow]:
    """The kinds a professional receives, each with the user's effective choice (one query)."""
    stored = dict(NotificationPreference.objects.filter(user=user).values_list(
        "kind", "delivery"))
    return [PreferenceRow(kind=kind, delivery=effective_delivery(kind, stored.get(kind)),
                          choices=allowed_deliveries(kind), is_safety=kind in SAFETY_KINDS)
            for kind in professional_kinds()]


def notification_kind_or_none(value: str | None) -> NotificationKind | None:
    """The kind a list filter names, or None for a value that is no kind."""
    return NotificationKind(value) if value in NotificationKind.values else None
