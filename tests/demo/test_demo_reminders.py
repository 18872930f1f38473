"""The demo world shows a reminder where a user looks: the IB'er's overdue agreement on Bas's
case is in her notifications, once."""

from __future__ import annotations

import pytest

from schakel.cases.models import AgreementReminder, ReminderKind
from schakel.demo.loader import demo_world_load
from schakel.notifications.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db


def test_the_overdue_agreement_is_in_the_ib_ers_notifications_once() -> None:
    demo = demo_world_load()
    demo_world_load()
    ib = demo.professionals["ib.demo"].user
    [overdue] = Notification.objects.filter(recipient=ib, kind=NotificationKind.AGREEMENT_OVERDUE)
    assert demo.bas_case.reference in overdue.message
    reminder = AgreementReminder.objects.get(kind=ReminderKind.OVERDUE)
    assert reminder.agreement.case == demo.bas_case
