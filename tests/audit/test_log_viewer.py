"""The privacy officer's log viewer and dashboard of unusual access (issue 7, item 16): words
instead of codes, the child's name and a search by it, refusals and emergency access marked
by a class and a text, counting in the database, and only for the log administrator."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from schakel.audit.models import AccessEvent, Basis, Outcome
from schakel.audit.selectors import AccessLogFilter, access_log_dashboard, access_log_page
from schakel.cases.services.emergency import emergency_access_claim
from tests.conftest import World
from tests.factories import (
    AccessEventFactory,
    ChildFactory,
    InvolvementFactory,
    ProfessionalFactory,
    actor_for,
)
from tests.support import sign_in

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def _nl(client: Client, url: str, data: dict[str, str] | None = None) -> str:
    response = client.get(url, data or {}, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    return response.content.decode()


def test_the_log_shows_words_and_the_childs_name(world: World, client: Client):
    AccessEventFactory(child_id=world.child.pk, object_type="cases.case",
                       ground="involved; file_holder")
    sign_in(client, world.log_admin.user)
    page = _nl(client, "/logboek/")
    assert "Bas Jansen" in page
    assert "de casus" in page
    assert "cases.case" not in page
    assert "betrokken bij de casus; organisatie die het dossier beheert" in page
    assert "involved; file_holder" not in page
    assert "Behandelrelatie" in page  # the basis, derived for a row from before it was coded


def test_the_search_by_the_childs_name(world: World):
    other = ChildFactory(first_name="Fleur", last_name="de Boer")
    AccessEventFactory(child_id=world.child.pk)
    AccessEventFactory(child_id=other.pk)
    admin = actor_for(world.log_admin)
    for query, expected in (("bas jans", {world.child.pk}), ("Boer", {other.pk}),
                            ("Fleur Jansen", set())):
        read = access_log_page(actor=admin, filters=AccessLogFilter(child_name=query),
                               page_number=1)
        assert {row.event.child_id for row in read.rows} == expected, query


def test_refusals_and_emergency_access_are_marked_by_class_and_text(
        world: World, client: Client):
    AccessEventFactory(child_id=world.child.pk, denied=True, user_name="Olaf Buiten")
    worker = ProfessionalFactory(social_worker=True)
    InvolvementFactory(case=world.case, professional=worker)
    emergency_access_claim(actor=actor_for(worker), case=world.case, reason="Acuut gevaar")
    sign_in(client, world.log_admin.user)
    page = _nl(client, "/logboek/")
    assert 'class="utrecht-table__row log-row--denied"' in page
    assert 'class="utrecht-table__row log-row--emergency"' in page
    assert '<strong class="log-flag">Geweigerd</strong>' in page
    assert '<strong class="log-flag">Noodtoegang</strong>' in page
    only = _nl(client, "/logboek/", {"basis": Basis.EMERGENCY})
    assert "log-row--denied" not in only
    assert "log-row--emergency" in only
    refused = _nl(client, "/logboek/", {"refused": "on"})
    assert "log-row--emergency" not in refused
    assert "log-row--denied" in refused


def test_the_log_page_costs_the_same_queries_for_many_children(
        world: World, client: Client, django_assert_max_num_queries):
    sign_in(client, world.log_admin.user)
    AccessEventFactory(child_id=world.child.pk)
    _nl(client, "/logboek/")
    with django_assert_max_num_queries(30) as few:
        _nl(client, "/logboek/")
    children = [ChildFactory() for _n in range(29)] + [ChildFactory(last_name="van 't Riet")]
    for child in children:
        AccessEventFactory(child_id=child.pk)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = _nl(client, "/logboek/")
    newest = children[-25:]  # the first page, newest first
    assert all(f"{escape(child.full_name)} <span" in page for child in newest)


def _at(local: dt.datetime) -> dt.datetime:
    return local.replace(tzinfo=AMSTERDAM)


def test_the_dashboard_counts_refusals_night_reads_and_many_children(world: World, settings):
    settings.SCHAKEL_AUDIT_MANY_CHILDREN = 3
    today = timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday() or 7)  # a past Monday
    if (today - monday).days > 20:
        monday += dt.timedelta(days=7)
    for _n in range(3):
        AccessEventFactory(user_id=41, user_name="Wim Weiger", denied=True,
                           occurred_at=_at(dt.datetime.combine(monday, dt.time(10))))
    AccessEventFactory(user_id=42, user_name="Nina Nacht",
                       occurred_at=_at(dt.datetime.combine(monday, dt.time(23, 30))))
    AccessEventFactory(user_id=42, user_name="Nina Nacht",
                       occurred_at=_at(dt.datetime.combine(monday, dt.time(6, 59))))
    AccessEventFactory(user_id=43, user_name="Dag Dienst",  # within office hours
                       occurred_at=_at(dt.datetime.combine(monday, dt.time(7, 0))))
    saturday = monday + dt.timedelta(days=5)
    if saturday < today:
        AccessEventFactory(user_id=44, user_name="Zaterdag",
                           occurred_at=_at(dt.datetime.combine(saturday, dt.time(12))))
    for child in range(4):
        AccessEventFactory(user_id=45, user_name="Veel Kinderen", child_id=1000 + child,
                           occurred_at=_at(dt.datetime.combine(monday, dt.time(14, child))))
    dashboard = access_log_dashboard(actor=actor_for(world.log_admin))
    assert [(c.user_name, c.count) for c in dashboard.refusals] == [("Wim Weiger", 3)]
    outside = {c.user_name: c.count for c in dashboard.outside_hours}
    assert outside.get("Nina Nacht") == 2
    assert "Dag Dienst" not in outside
    assert "Wim Weiger" not in outside
    if saturday < today:
        assert outside.get("Zaterdag") == 1
    assert [(m.user_name, m.children) for m in dashboard.many_children] == [
        ("Veel Kinderen", 4)]


def test_the_dashboard_lists_emergency_access_with_its_reason(world: World, client: Client):
    worker = ProfessionalFactory(social_worker=True)
    InvolvementFactory(case=world.case, professional=worker)
    emergency_access_claim(actor=actor_for(worker), case=world.case, reason="Kind meldt geweld")
    sign_in(client, world.log_admin.user)
    page = _nl(client, "/logboek/ongebruikelijk/")
    assert "Kind meldt geweld" in page
    assert "Bas Jansen" in page
    assert "log-row--emergency" in page
    assert AccessEvent.objects.filter(user_id=world.log_admin.user_id,
                                      event_code="access_log.read",
                                      child_id=world.child.pk).exists()


def test_the_dashboard_query_count_does_not_grow_with_the_log(
        world: World, client: Client, django_assert_max_num_queries):
    sign_in(client, world.log_admin.user)
    _nl(client, "/logboek/ongebruikelijk/")
    with django_assert_max_num_queries(30) as few:
        _nl(client, "/logboek/ongebruikelijk/")
    now = timezone.now()
    for n in range(40):
        AccessEventFactory(user_id=n % 7, user_name=f"U{n % 7}", child_id=n,
                           denied=n % 3 == 0, occurred_at=now - dt.timedelta(hours=n))
    with django_assert_max_num_queries(len(few.captured_queries)):
        _nl(client, "/logboek/ongebruikelijk/")


def test_only_the_log_administrator_sees_the_log_and_the_dashboard(
        world: World, client: Client):
    sign_in(client, world.nurse.user)
    assert client.get("/logboek/ongebruikelijk/").status_code == 404
    assert client.get("/logboek/").status_code == 404
    assert AccessEvent.objects.filter(user_id=world.nurse.user_id,
                                      outcome=Outcome.DENIED).count() == 2
