"""The world the load test's simulated users act in (`load.py` runs this in a process of its
own with the production settings and the same SECRET_KEY as the web processes, after the
region was generated): a signed-in session per professional, API clients, and an empty
school per pupil-synchronisation run. Written as JSON for `locustfile.py`.

The sessions are made the way the tests sign in (`tests.support.sign_in`: the password's
session with the second factor verified as django-otp records it), so that no TOTP code is
typed under load; the pages still run the whole middleware stack for them (session, second
factor, idle and absolute time-outs, CSRF).
"""

from __future__ import annotations

import secrets
import string
from typing import Any

from region import median_cases, open_case_counts

CSRF_ALPHABET = string.ascii_letters + string.digits
CLASSES = [f"groep {n}" for n in range(1, 9)]


def _actor(professional: Any) -> Any:
    from schakel.access.actor import Actor

    return Actor(user=professional.user, professional=professional, ip_address="127.0.0.1")


def _session(user: Any) -> str:
    from django.test import Client
    from tests.support import sign_in

    return str(sign_in(Client(), user).cookies["sessionid"].value)


def _signal_target(actor: Any) -> dict[str, int] | None:
    """A school the professional may raise a signal at, one of its current pupils and a
    theme; None when they raise signals nowhere."""
    from django.utils import timezone

    from schakel.access import policy
    from schakel.children.models import Enrolment
    from schakel.organisations.models import School
    from schakel.signals.models import Theme

    school = School.objects.filter(policy.schools_for_raising_q(actor)).order_by("pk").first()
    if school is None:
        return None
    pupil = (Enrolment.objects.active_on(timezone.localdate()).filter(school=school)
             .order_by("pk").first())
    theme = Theme.objects.filter(is_active=True).order_by("pk").first()
    if pupil is None or theme is None:
        return None
    return {"school": school.pk, "child": pupil.child_id, "theme": theme.pk}


def _cases(actor: Any) -> tuple[list[int], int | None]:
    """Up to three of the professional's open cases that they may read, and one of them
    they may add an agreement to."""
    from django.db.models import Q
    from django.utils import timezone

    from schakel.access import policy
    from schakel.cases.models import Case, CaseStatus

    today = timezone.localdate()
    ids = list(Case.objects.filter(
        Q(involvements__end_date__isnull=True) | Q(involvements__end_date__gte=today),
        involvements__professional=actor.professional)
        .exclude(status=CaseStatus.CLOSED).order_by("pk").values_list("pk", flat=True)
        .distinct()[:20])
    readable = policy.readable_case_ids(actor, ids)
    cases = [pk for pk in ids if pk in readable][:3]
    writable = next((case for case in Case.objects.filter(pk__in=cases).order_by("pk")
                     if policy.may_contribute_to_case(actor, case)), None)
    return cases, writable.pk if writable else None


def page_users(count: int) -> tuple[list[dict[str, Any]], float]:
    """`count` different generated professionals with open cases, those nearest the median
    number of cases first (preferring those who may also raise a signal), each with a
    session; and that median."""
    from schakel.organisations.models import Professional

    counts = open_case_counts()
    median = median_cases(counts)
    by_closeness = sorted(counts, key=lambda pn: (abs(pn[1] - median), pn[0]))
    users: list[dict[str, Any]] = []
    without_signal: list[dict[str, Any]] = []
    for pk, n in by_closeness:
        if len(users) >= count:
            break
        professional = Professional.objects.select_related("user").get(pk=pk)
        actor = _actor(professional)
        cases, writable = _cases(actor)
        if not cases or writable is None:
            continue
        user: dict[str, Any] = {
            "username": professional.user.username, "open_cases": n, "cases": cases,
            "agreement_case": writable, "owner": professional.pk,
            "signal": _signal_target(actor)}
        (users if user["signal"] else without_signal).append(user)
    users = (users + without_signal)[:count]
    if len(users) < count:
        raise SystemExit(f"Only {len(users)} professionals with readable open cases; "
                         f"{count} needed: generate a larger region.")
    for user in users:
        user["session"] = _session(Professional.objects.get(pk=user["owner"]).user)
        user["csrf"] = "".join(secrets.choice(CSRF_ALPHABET) for _ in range(32))
    return users, median


def _education_schools() -> list[tuple[Any, Any, int]]:
    """(school, a professional of its organisation, a current pupil) of generated schools,
    one per organisation."""
    from django.utils import timezone

    from schakel.children.models import Enrolment
    from schakel.organisations.models import Professional, School, Sector

    today = timezone.localdate()
    found: list[tuple[Any, Any, int]] = []
    seen: set[int] = set()
    for school in (School.objects.filter(organisation__sector=Sector.EDUCATION)
                   .select_related("organisation").order_by("pk")):
        if school.organisation_id in seen:
            continue
        professional = (Professional.objects.filter(
            organisation=school.organisation, user__is_active=True,
            user__username__startswith="gen-").select_related("user").order_by("pk").first())
        pupil = (Enrolment.objects.active_on(today).filter(school=school).order_by("pk")
                 .values_list("child_id", flat=True).first())
        if professional is not None and pupil is not None:
            seen.add(school.organisation_id)
            found.append((school, professional, pupil))
    if not found:
        raise SystemExit("No generated school with pupils and staff.")
    return found


def _client(organisation: Any, name: str, scopes: list[str]) -> dict[str, str]:
    from schakel.api.services import api_client_create

    client, secret = api_client_create(organisation=organisation, name=name, scopes=scopes)
    return {"client_id": client.application.client_id, "secret": secret}


def _empty_school(organisation: Any, tag: str, step: int) -> Any:
    """A new school of the organisation with classes and no pupils, for one run of the
    synchronisation (its first batch creates every pupil)."""
    from schakel.organisations.models import School, SchoolClass, SchoolType

    year = (SchoolClass.objects.order_by("-school_year").values_list("school_year", flat=True)
            .first()) or "2026-2027"
    while True:
        brin = "".join(secrets.choice(string.ascii_uppercase) for _ in range(4))
        if not School.objects.filter(brin=brin).exists():
            break
    school = School.objects.create(
        organisation=organisation, name=f"Laadtest {tag} {step}", brin=brin,
        school_type=SchoolType.PO, municipality=organisation.municipality)
    SchoolClass.objects.bulk_create(
        SchoolClass(school=school, name=name, school_year=year) for name in CLASSES)
    return school


def api_world(signal_clients: int, sync_runs: int) -> dict[str, Any]:
    """`signal_clients` clients that raise signals (each for another organisation while
    there are enough, with the school, professional, pupil and theme to raise it for), and
    per synchronisation run a client with an empty school of its own."""
    from schakel.signals.models import Theme

    tag = secrets.token_hex(3)
    theme = Theme.objects.filter(is_active=True).order_by("pk").values_list(
        "code", flat=True).first()
    schools = _education_schools()
    signals = []
    for i in range(signal_clients):
        school, professional, pupil = schools[i % len(schools)]
        signals.append({**_client(school.organisation, f"Laadtest {tag} signalen {i}",
                                  ["signalen:schrijven"]),
                        "school": school.pk, "melder": professional.pk, "leerling": pupil,
                        "thema": theme})
    syncs = []
    organisation = schools[0][0].organisation
    for step in range(sync_runs):
        school = _empty_school(organisation, tag, step)
        syncs.append({**_client(organisation, f"Laadtest {tag} leerlingen {step}",
                                ["leerlingen:schrijven"]),
                      "school": school.pk, "classes": CLASSES})
    return {"signal_clients": signals, "sync": syncs}
