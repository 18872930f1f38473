"""Who is e-mailed about what: the defaults per kind of notification and what a user may
choose (the rule, written once; the service and the page both ask it).

- Every notification is stored and shown in Schakel, whatever the user chose: "off" means
  no e-mail, never a hidden note. The notifications page is the one place where a user sees
  everything that was addressed to them, and the unread count in the menu stays true.
- `IMMEDIATELY`: one content-free e-mail per notification, sent by the e-mail job.
- `DIGEST`: one content-free e-mail a day listing how many notifications of which kind wait
  (`notifications.tasks.notification_digests_send`, in the schedule).
- Safety-relevant kinds (`SAFETY_KINDS`) cannot be set to "off": whoever seldom signs in
  still learns of them within a day. A withdrawn consent means sharing must stop at once
  (AVG art. 7(3)); becoming regiehouder or being offered a hand-over means a child waits for
  someone to act.

A kind without a default here (a kind added later) is e-mailed at once, as before there
were preferences.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from schakel.notifications.models import EmailDelivery, NotificationKind

SAFETY_KINDS: frozenset[str] = frozenset({
    NotificationKind.CONSENT_WITHDRAWN,
    NotificationKind.BECAME_COORDINATOR,
    NotificationKind.HANDOVER_OFFERED,
    NotificationKind.EMERGENCY_ACCESS,
})

# What asks for action goes out at once; what is only good to know waits for the digest.
DEFAULT_DELIVERY: Mapping[str, EmailDelivery] = {
    NotificationKind.MATCH: EmailDelivery.DIGEST,
    NotificationKind.MEASURE_STARTED: EmailDelivery.DIGEST,
    NotificationKind.MEASURE_ENDED: EmailDelivery.DIGEST,
    NotificationKind.HANDOVER_DECIDED: EmailDelivery.DIGEST,
    # The invitation itself is e-mailed with its calendar file (`meetings.tasks`).
    NotificationKind.MEETING_INVITATION: EmailDelivery.OFF,
}

# The kinds a parent or young person receives in the portal; a professional's page does not
# offer them (and the portal has no preferences page: its kinds are e-mailed at once).
PORTAL_KINDS: frozenset[str] = frozenset({
    NotificationKind.CONSENT_REQUESTED,
    NotificationKind.CORRECTION_ANSWERED,
    NotificationKind.INFORMATION_ANSWERED,
    NotificationKind.FAMILY_INVITATION,
})


def default_delivery(kind: str) -> EmailDelivery:
    return DEFAULT_DELIVERY.get(kind, EmailDelivery.IMMEDIATELY)


def allowed_deliveries(kind: str) -> tuple[EmailDelivery, ...]:
    """The choices a user has for a kind, in the order the page offers them."""
    if kind in SAFETY_KINDS:
        return (EmailDelivery.IMMEDIATELY, EmailDelivery.DIGEST)
    return (EmailDelivery.IMMEDIATELY, EmailDelivery.DIGEST, EmailDelivery.OFF)


def effective_delivery(kind: str, chosen: str | None) -> EmailDelivery:
    """What is done for a kind given the stored choice (None: no choice stored). A choice the
    rule does not allow (stored before the rule, or by hand) counts as the digest."""
    if chosen is None:
        return default_delivery(kind)
    delivery = EmailDelivery(chosen)
    if delivery not in allowed_deliveries(kind):
        return EmailDelivery.DIGEST
    return delivery


def professional_kinds() -> list[NotificationKind]:
    """The kinds a professional's preferences page offers, in the order of the enum."""
    return [kind for kind in NotificationKind if kind not in PORTAL_KINDS]


def deliveries_for(
    pairs: Iterable[tuple[int, str]], stored: Mapping[tuple[int, str], str],
) -> dict[tuple[int, str], EmailDelivery]:
    """The effective delivery of each (user id, kind), given the stored choices by the same
    key (a dict built from one query)."""
    return {pair: effective_delivery(pair[1], stored.get(pair)) for pair in pairs}
