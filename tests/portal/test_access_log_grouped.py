"""The parents' access log ("wie heeft gekeken", issue 7 item 16): newest first, one line per
person per day with how often and what, every line with its ground in words; counted in the
database, so the number of queries does not grow with the rows."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.audit.models import Outcome
from tests.factories import AccessEventFactory
from tests.portal.fixtures import PortalWorld, portal_sign_in


def _log(pw: PortalWorld, client: Client):
    return client.get(reverse("portal:access_log", kwargs={"child_id": pw.young.pk}),
                      HTTP_ACCEPT_LANGUAGE="nl")


def test_one_line_per_person_per_day_newest_first(pw: PortalWorld) -> None:
    now = timezone.now().replace(hour=11)
    yesterday = now - dt.timedelta(days=1)
    for minutes in range(6):  # six reads of the case by one person on one day: one line
        AccessEventFactory(child_id=pw.young.pk, occurred_at=yesterday + dt.timedelta(
            minutes=minutes), user_id=pw.nurse.user_id, user_name="Marieke ter Horst",
            object_type="cases.case", ground="coordinator; file_holder")
    AccessEventFactory(child_id=pw.young.pk, occurred_at=yesterday, user_id=pw.nurse.user_id,
                       user_name="Marieke ter Horst", object_type="children.child",
                       ground="listed")
    AccessEventFactory(child_id=pw.young.pk, occurred_at=now, user_id=999,
                       user_name="Olaf Buiten", outcome=Outcome.DENIED, ground="")
    response = _log(pw, portal_sign_in(Client(), pw.mother_user))
    lines = [line for line in response.context["page"].object_list
             if line.user_name in {"Marieke ter Horst", "Olaf Buiten"}]
    assert [(line.user_name, line.count) for line in lines] == [
        ("Olaf Buiten", 1), ("Marieke ter Horst", 7)]
    refused, nurse = lines
    assert refused.refused
    assert refused.grounds == ["geen: toegang geweigerd"]
    assert set(nurse.what) == {"Inzien: de casus", "Inzien: de gegevens van het kind"}
    assert "—" not in " ".join(nurse.grounds)
    assert "regiehouder van de casus; organisatie die het dossier beheert" in nurse.grounds
    page = response.content.decode()
    assert "7 keer" in page
    assert "log-row--denied" in page
    assert "Geweigerd" in page


def test_the_number_of_queries_does_not_grow_with_the_rows(
        pw: PortalWorld, django_assert_max_num_queries) -> None:
    client = portal_sign_in(Client(), pw.mother_user)
    now = timezone.now()
    for day in range(3):
        AccessEventFactory(child_id=pw.young.pk, occurred_at=now - dt.timedelta(days=day))
    _log(pw, client)  # warm caches (session, permissions)
    with django_assert_max_num_queries(20) as few:
        _log(pw, client)
    for day in range(40):
        for user in range(3):
            AccessEventFactory(child_id=pw.young.pk, user_id=100 + user,
                               user_name=f"Pro {user}", occurred_at=now - dt.timedelta(days=day))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = _log(pw, client)
    assert len(response.context["page"].object_list) == 25
