"""Access-log rows and notifications."""

from __future__ import annotations

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from schakel.audit.models import AccessEvent, Action, Outcome
from schakel.notifications.models import Notification, NotificationKind
from tests.factories.people import UserFactory

# --- audit and notifications -------------------------------------------------------------


class AccessEventFactory(DjangoModelFactory[AccessEvent]):
    class Meta:
        model = AccessEvent

    occurred_at = factory.LazyFunction(timezone.now)
    event_code = "case.view"
    action = Action.READ
    outcome = Outcome.SUCCESS
    user_id = 1
    user_name = "Anne de Vries"
    user_function = "Jeugdverpleegkundige"
    organisation_name = "GGD Twente"
    ip_address = "192.0.2.10"
    object_type = "cases.case"
    object_id = "1"
    child_id = 1
    ground = "involved"

    class Params:
        denied = factory.Trait(outcome=Outcome.DENIED, ground="")


class NotificationFactory(DjangoModelFactory[Notification]):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    kind = NotificationKind.INVOLVED
    message = "Je bent betrokken bij casus C2026-000001."
    link = "/casussen/1/"
