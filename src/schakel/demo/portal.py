"""Portal accounts for the demo family (seed 004), idempotent: the mother, Tina (13) and
Lotte (17), and the consent Tina and her mother give in the portal to share care content
with the GGD (the youth nurse's organisation); and Jayden's father, without custody, who
asks for information about Jayden (BW 1:377c). Run after `demo_load`; the consent goes
through the portal's services, so the access log and the consent records are real."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.accounts.models import User
from schakel.children.models import Child, Guardian
from schakel.consent.models import Consent, ConsentMethod, InformationCategory
from schakel.demo.family import CHILDREN, GUARDIANS, JAYDEN, JAYDEN_FATHER
from schakel.demo.people import DEMO_PASSWORD
from schakel.organisations.models import Organisation, Professional
from schakel.portal.models import InformationRequest, PendingConsent
from schakel.portal.services.consent import portal_consent_cosign, portal_consent_give
from schakel.portal.services.information import information_request_ask
from schakel.transactions import composed_services

NURSE_USERNAME = "jvk.demo"
CONSENT_PURPOSE = (
    "Afstemming van de zorg rond Tina tussen school en de jeugdverpleegkundige van de GGD.")
FATHER_USERNAME = "vader.demo"
FATHER_QUESTION = ("Ik heb geen gezag over Jayden, maar wil graag weten hoe het op school met "
                   "hem gaat: in welke groep hij zit en bij wie ik terecht kan.")


class DemoFamilyMissing(Exception):
    """The demo world is not loaded (run `manage.py demo_load` first)."""


@dataclass(frozen=True)
class PortalSignin:
    username: str
    name: str
    role: str


def _child(key: str) -> Child:
    spec = next(s for s in [*CHILDREN, JAYDEN] if s.key == key)
    child = Child.objects.filter(education_number=spec.education_number).first()
    if child is None:
        raise DemoFamilyMissing(key)
    return child


def _account(username: str, first_name: str, last_name: str, email: str) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, first_name=first_name, last_name=last_name, email=email)
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def _actor(user: User) -> Actor:
    probe = Actor(user=user, professional=None)
    person = policy.portal_person(probe)
    return Actor(user=user, professional=None, role=person.role if person else "")


def _consent_with_ggd(mother: Guardian, tina: Child, ggd: Organisation) -> None:
    if Consent.objects.filter(child=tina, organisation=ggd, category=InformationCategory.CARE,
                              method=ConsentMethod.PORTAL).active_on(timezone.localdate()).exists():
        return
    if tina.user is None or mother.user is None:  # linked by the caller
        raise DemoFamilyMissing("portal accounts")
    pending = PendingConsent.objects.filter(
        child=tina, organisation=ggd, category=InformationCategory.CARE, status="open").first()
    if pending is None:
        result = portal_consent_give(
            actor=_actor(tina.user), child=tina, organisation=ggd,
            category=InformationCategory.CARE, purpose=CONSENT_PURPOSE)
        if not isinstance(result, PendingConsent):
            return
        pending = result
    portal_consent_cosign(actor=_actor(mother.user), pending=pending)


def _father_asks(father: Guardian, jayden: Child) -> None:
    """Jayden's father (no custody) asks for information; the school's contact point
    answers it (it stays open in the demo, so it waits on their list)."""
    if InformationRequest.objects.filter(child=jayden, guardian=father).exists():
        return
    if father.user is None:  # linked by the caller
        raise DemoFamilyMissing("portal accounts")
    information_request_ask(actor=_actor(father.user), child=jayden, question=FATHER_QUESTION)


def demo_portal_load() -> list[PortalSignin]:
    """Link the portal accounts and record the consent; returns the sign-ins to print."""
    mother_name, _relation, _custody, mother_email, _phone = GUARDIANS[0]
    mother = Guardian.objects.filter(full_name=mother_name).first()
    nurse = Professional.objects.select_related("organisation").filter(
        user__username=NURSE_USERNAME).first()
    if mother is None or nurse is None:
        raise DemoFamilyMissing(mother_name if mother is None else NURSE_USERNAME)
    tina, lotte = _child("tina"), _child("lotte")
    with composed_services():
        first, _space, last = mother_name.partition(" ")
        if mother.user is None:
            mother.user = _account("moeder.demo", first, last, mother_email)
            mother.save(update_fields=["user"])
        for child, username in ((tina, "tina.demo"), (lotte, "lotte.demo")):
            if child.user is None:
                child.user = _account(username, child.first_name, child.last_name,
                                      f"{username}@example.org")
                child.save(update_fields=["user"])
        _consent_with_ggd(mother, tina, nurse.organisation)
        father = Guardian.objects.filter(full_name=JAYDEN_FATHER[0]).first()
        if father is None:
            raise DemoFamilyMissing(JAYDEN_FATHER[0])
        if father.user is None:
            first, _space, last = father.full_name.partition(" ")
            father.user = _account(FATHER_USERNAME, first, last, JAYDEN_FATHER[2])
            father.save(update_fields=["user"])
        _father_asks(father, _child(JAYDEN.key))
    return [
        PortalSignin("moeder.demo", mother.full_name, "ouder"),
        PortalSignin("tina.demo", tina.full_name, "jongere"),
        PortalSignin("lotte.demo", lotte.full_name, "jongere"),
        PortalSignin(FATHER_USERNAME, father.full_name, "ouder"),
    ]
