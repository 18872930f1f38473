"""Reminders of agreements: two days before an agreement is due its owner is reminded, and
once it is overdue told so — each once, whatever days the job runs (`cases.tasks`).

The windows, for an agreement due on day D, as on the day T the job runs as:

- *due soon*: D - 2 <= T <= D (two days before up to the due day itself);
- *overdue*: T > D (from the day after the due date).

Each is sent at the first run inside its window and never again for that due date: what was
sent is an `AgreementReminder` row, unique per (agreement, kind, due date), written in the same
transaction as the notification. A run that misses the whole *due soon* window (the job did
not run in those three days, or the agreement was made already overdue) sends no late
reminder, only the overdue notice. Only open agreements of cases that are not closed, whose
owner is still involved in the case and has an active account, are reminded. A due date that
moves (later or earlier) re-arms both reminders for the new date.

The job acts as no one: it shows nobody anything of the case beyond its reference, to the
owner who made or took on the agreement, and writes no access-log row; the owner's reading
of the case behind the link is logged as usual.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from schakel.cases.models import (
    Agreement,
    AgreementReminder,
    AgreementStatus,
    CaseStatus,
    Involvement,
    ReminderKind,
)
from schakel.cases.selectors import case_url
from schakel.notifications.models import NotificationKind
from schakel.notifications.services import Message, NotificationDraft, notifications_send
from schakel.transactions import service_transaction

REMIND_DAYS_BEFORE = 2
# A run that meets another run's rows at the unique constraint starts over once, then sees
# them; a third conflict is an error worth seeing.
ATTEMPTS = 3


@dataclass(frozen=True)
class RemindersSent:
    due_soon: int
    overdue: int


def _sent(kind: ReminderKind) -> Exists:
    return Exists(AgreementReminder.objects.filter(
        agreement=OuterRef("pk"), kind=kind, due_date=OuterRef("due_date")))


def _owner_involved(today: dt.date) -> Exists:
    return Exists(Involvement.objects.filter(
        Involvement.active_q(today), case=OuterRef("case"), professional=OuterRef("owner")))


def agreements_to_remind(today: dt.date) -> QuerySet[Agreement]:
    """The agreements that have a reminder due on `today` and not sent yet, in one query."""
    return (
        Agreement.objects
        .filter(status=AgreementStatus.OPEN, due_date__lte=today
                + dt.timedelta(days=REMIND_DAYS_BEFORE), owner__user__is_active=True)
        .exclude(case__status=CaseStatus.CLOSED)
        .filter(_owner_involved(today))
        .filter((Q(due_date__gte=today) & ~_sent(ReminderKind.DUE_SOON))
                | (Q(due_date__lt=today) & ~_sent(ReminderKind.OVERDUE)))
        .select_related("case", "owner__user")
        .order_by("pk"))


def _message(agreement: Agreement, kind: ReminderKind) -> Message:
    values = {"ref": agreement.case.reference, "date": agreement.due_date.strftime("%d-%m-%Y")}
    if kind == ReminderKind.DUE_SOON:
        return lambda: _("Reminder: your agreement in case %(ref)s is due on %(date)s.") % values
    return lambda: _("Your agreement in case %(ref)s was due on %(date)s and is overdue.") % values


def _send(today: dt.date) -> RemindersSent:
    # Rows another run is sending right now are skipped; the constraint catches the rest.
    agreements = list(agreements_to_remind(today).select_for_update(
        skip_locked=True, of=("self",)))
    kinds = {agreement.pk: (ReminderKind.DUE_SOON if agreement.due_date >= today
                            else ReminderKind.OVERDUE) for agreement in agreements}
    AgreementReminder.objects.bulk_create(
        AgreementReminder(agreement=agreement, kind=kinds[agreement.pk],
                          due_date=agreement.due_date, sent_on=today)
        for agreement in agreements)
    notifications_send(drafts=[
        NotificationDraft(
            recipient=agreement.owner.user,
            kind=(NotificationKind.AGREEMENT_DUE_SOON if kinds[agreement.pk]
                  == ReminderKind.DUE_SOON else NotificationKind.AGREEMENT_OVERDUE),
            message=_message(agreement, kinds[agreement.pk]), link=case_url(agreement.case))
        for agreement in agreements])
    due_soon = sum(kind == ReminderKind.DUE_SOON for kind in kinds.values())
    return RemindersSent(due_soon=due_soon, overdue=len(kinds) - due_soon)


def agreement_reminders_send(*, today: dt.date) -> RemindersSent:
    """Send every reminder due on `today` that was not sent before (see the module)."""
    for attempt in range(ATTEMPTS):
        try:
            with service_transaction():
                return _send(today)
        except IntegrityError:  # another run sent some of these a moment ago: select again
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover
