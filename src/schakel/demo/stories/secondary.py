"""Seed 004 at the Esrand College and the ROC: Tina's lateness and the smell of weed, drugs
in years 1 and 2 (jongerenwerk on the school), overweight as a theme at the MBO; plus an
escalated case (Dylan) and Lotte's closed case from her first MBO year, so that escalation
and closure can be seen. Everything goes through the services."""

from __future__ import annotations

import datetime as dt

from schakel.cases.models import Case, EmergencyAccess, EscalationLevel
from schakel.cases.selectors import case_get
from schakel.cases.services import plan
from schakel.cases.services.emergency import emergency_access_claim
from schakel.cases.services.lifecycle import (
    case_close,
    case_escalate,
    case_involve,
    case_open,
    case_set_coordinator,
)
from schakel.children.models import Child, Guardianship, MeasureKind
from schakel.children.services import measure_start
from schakel.consent.models import ConsentMethod, InformationCategory, LegalGroundKind
from schakel.consent.services import consent_record, legal_ground_record
from schakel.demo.family import DYLAN_MOTHER
from schakel.demo.stories.common import Cast, backdate, theme
from schakel.organisations.models import Organisation
from schakel.signals.models import Signal, SignalLevel, SignalStatus
from schakel.signals.services import signal_raise, signal_set_status

TINA_LATE = (
    "Tina zit sinds dit schooljaar in de brugklas mavo/havo. Ze komt regelmatig te laat (de "
    "afgelopen vier weken zeven keer het eerste uur) en haar cijferlijst is niet goed. Eén "
    "vriendinnetje van de basisschool is meegegaan; samen proberen ze aansluiting te vinden bij "
    "een andere groep meiden, wat moeizaam gaat. De mentor wil Tina en haar ouders uitnodigen "
    "voor een gesprek."
)
TINA_SUBSTANCES = (
    "Moeder vertelde in het oudergesprek dat ze af en toe een wietgeur denkt te ruiken. Tina "
    "wil zich graag anders kleden en doet meer make-up op."
)
DRUGS_MONITOR = (
    "Uit de gezondheidsmonitor blijkt dat in de klassen 1 en 2 al veel drugs wordt gebruikt en "
    "gerookt. Voorstel: collectief oppakken met jongerenwerk en gemeente."
)
DRUGS_COLLECTIVE = (
    "Op verzoek van gemeente en school is het jongerenwerk actief aanwezig op school en gaat "
    "in gesprek met de leerlingen van klas 1 en 2."
)
DRUGS_STREET = (
    "Een groepje leerlingen uit klas 2 rookt en blowt in de pauze bij het winkelcentrum "
    "tegenover de school."
)
OVERWEIGHT = (
    "In het interprofessioneel team wordt de zorg gedeeld dat het aantal studenten met "
    "overgewicht toeneemt."
)
OVERWEIGHT_COLLECTIVE = (
    "Op voorstel van een specialist (diëtist) klassikale lessen over eetpatronen, om inzet van "
    "specialistische hulp te voorkomen."
)
DYLAN_CASE_TITLE = "Dylan: langdurig verzuim en zorgen thuis"
LOTTE_CASE_TITLE = "Lotte: faalangst bij praktijkexamens in leerjaar 1"


def tina_story(cast: Cast) -> None:
    tina = cast.children["tina"]
    if Signal.objects.filter(child=tina, description=TINA_LATE).exists():
        return
    school = cast.places.schools["vo"]
    late = signal_raise(
        actor=cast.actor("mentor.demo"), level=SignalLevel.CHILD, school=school,
        theme=theme("verzuim"), description=TINA_LATE, child=tina)
    backdate(late, raised_at=cast.moment(16, 12))
    signal_set_status(actor=cast.actor("zorgcoordinator.demo"), signal=late,
                      status=SignalStatus.DISCUSSED)
    substances = signal_raise(
        actor=cast.actor("zorgcoordinator.demo"), level=SignalLevel.CHILD, school=school,
        theme=theme("middelengebruik"), description=TINA_SUBSTANCES, child=tina,
        observed_outside_school=True)
    backdate(substances, raised_at=cast.moment(9, 14))


def drugs_story(cast: Cast) -> None:
    school = cast.places.schools["vo"]
    if Signal.objects.filter(school=school, description=DRUGS_MONITOR).exists():
        return
    coordinator = cast.actor("zorgcoordinator.demo")
    for class_name in ("1 mavo/havo a", "2 mavo/havo a"):
        signal = signal_raise(
            actor=cast.actor("jeugdarts.demo"), level=SignalLevel.CLASS, school=school,
            theme=theme("middelengebruik"), description=DRUGS_MONITOR,
            school_class=cast.places.classes["vo", class_name])
        backdate(signal, raised_at=cast.moment(30, 10))
        signal_set_status(actor=coordinator, signal=signal,
                          status=SignalStatus.LINKED_COLLECTIVE,
                          collective_action=DRUGS_COLLECTIVE)
    street = signal_raise(
        actor=cast.actor("jongerenwerk.demo"), level=SignalLevel.CLASS, school=school,
        theme=theme("middelengebruik"), description=DRUGS_STREET,
        school_class=cast.places.classes["vo", "2 mavo/havo b"], observed_outside_school=True)
    backdate(street, raised_at=cast.moment(3, 13))


def overweight_story(cast: Cast) -> None:
    school = cast.places.schools["mbo"]
    if Signal.objects.filter(school=school, description=OVERWEIGHT).exists():
        return
    signal = signal_raise(
        actor=cast.actor("mbo.demo"), level=SignalLevel.SCHOOL, school=school,
        theme=theme("gezondheid"), description=OVERWEIGHT)
    backdate(signal, raised_at=cast.moment(45, 11))
    signal_set_status(actor=cast.actor("mbo.demo"), signal=signal,
                      status=SignalStatus.LINKED_COLLECTIVE,
                      collective_action=OVERWEIGHT_COLLECTIVE)


def dylan_story(cast: Cast, dylan: Child) -> None:
    """An escalated case, coordinated by the jeugdregisseur (who is not involved with Bas)."""
    if Case.objects.filter(child=dylan, title=DYLAN_CASE_TITLE).exists():
        return
    p = cast.professionals
    school = cast.places.schools["vo"]
    coordinator = cast.actor("zorgcoordinator.demo")
    signal = signal_raise(
        actor=coordinator, level=SignalLevel.CHILD, school=school, theme=theme("verzuim"),
        child=dylan,
        description="Dylan is sinds de herfstvakantie vrijwel niet meer op school geweest; "
                    "ouders reageren niet op uitnodigingen.")
    backdate(signal, raised_at=cast.moment(50, 9))
    case = case_open(actor=coordinator, school=school, title=DYLAN_CASE_TITLE, child=dylan,
                     signals=[signal], part="Zorgcoördinator: aanspreekpunt van de school")
    backdate(case, opened_at=cast.moment(48, 10))
    case_involve(actor=coordinator, case=case, professional=p["leerplicht.demo"],
                 part="Leerplichtambtenaar: verzuimaanpak, gesprek met jongere en ouders",
                 start_date=cast.days_ago(48))
    case_involve(actor=coordinator, case=case, professional=p["jeugdregisseur.demo"],
                 part="Jeugdregisseur: regiehouder, zicht op het gezin en inzet van jeugdhulp",
                 start_date=cast.days_ago(45))
    # The school reports the absence to the leerplichtambtenaar (Leerplichtwet art. 21a); at
    # the home visit that follows, Dylan and his mother agree that the municipality's
    # jeugdregisseur and the leerplichtambtenaar work with the school on a plan.
    municipality = cast.places.organisations["municipality"]
    legal_ground_record(
        actor=coordinator, child=dylan, organisation=municipality,
        category=InformationCategory.ATTENDANCE, kind=LegalGroundKind.TRUANCY_REPORTING,
        reference="Melding verzuim aan de leerplichtambtenaar (Leerplichtwet 1969 art. 21a)",
        valid_from=cast.days_ago(47), valid_until=cast.today + dt.timedelta(days=300))
    _dylan_consent(cast, dylan, municipality, given_days_ago=46,
                   purpose="Samen met school en leerplicht een plan voor Dylans schoolgang")
    case_set_coordinator(actor=coordinator, case=case, professional=p["jeugdregisseur.demo"])
    director = cast.actor("jeugdregisseur.demo")
    plan.plan_step_save(
        actor=director, case=case, step=1, is_provisional=True,
        content="Langdurig verzuim sinds de herfstvakantie; ouders zijn niet bereikbaar. We "
                "starten omdat er geen zicht is op hoe het thuis gaat.")
    plan.agreement_create(
        actor=director, case=case, owner=p["leerplicht.demo"],
        due_date=cast.today + dt.timedelta(days=7),
        description="Huisbezoek samen met de jeugdregisseur en een gesprek met Dylan")
    case_escalate(
        actor=director, case=case, level=EscalationLevel.SOT,
        reason="Het verzuim loopt op en ouders zijn niet bereikbaar; er is geen zicht op de "
               "veiligheid thuis. Afstemmen met Veilig Thuis en de GI in het SOT.")
    guardian = cast.actor("jeugdbescherming.demo")
    measure_start(actor=guardian, child=dylan, kind=MeasureKind.PROVISIONAL_OTS,
                  organisation=cast.places.organisations["gi"],
                  worker=p["jeugdbescherming.demo"], start_date=cast.days_ago(2),
                  end_date=cast.today + dt.timedelta(days=88))
    # The school's data reach the GI on the duty to inform during the OTS (derived from the
    # measure); the care content of the case on the consent of Dylan and his mother.
    _dylan_consent(cast, dylan, cast.places.organisations["gi"], given_days_ago=2,
                   purpose="Afstemmen met de jeugdbeschermer tijdens de voorlopige OTS")
    case_involve(actor=director, case=case, professional=p["jeugdbescherming.demo"],
                 part="Jeugdbeschermer: voorlopige ondertoezichtstelling sinds de "
                      "SOT-bespreking; regie over het proces",
                 start_date=cast.days_ago(2))


def dylan_emergency_story(cast: Cast, dylan: Child) -> None:
    """Dylan's mentor, not involved in the case, hears from Dylan that he is not safe at home
    and opens the case on an emergency access (break the glass): the access log shows it in
    red, the privacy officer's dashboard lists it with the reason, the coordinator is told."""
    case = Case.objects.filter(child=dylan, title=DYLAN_CASE_TITLE).first()
    if case is None or EmergencyAccess.objects.filter(case=case).exists():
        return
    mentor = cast.actor("mentor.demo")
    emergency_access_claim(
        actor=mentor, case=case,
        reason="Dylan vertelde vanochtend dat hij niet naar huis durft; de zorgcoördinator en "
               "de jeugdregisseur zijn niet bereikbaar en ik moet weten wie al betrokken is.")
    case_get(actor=mentor, case_id=case.pk)


def _dylan_consent(cast: Cast, dylan: Child, organisation: Organisation, *,
                   given_days_ago: int, purpose: str) -> None:
    """Dylan (14) and his mother, who has custody, consent to sharing the case's care content
    (from 12 to 15 both must, Jeugdwet 7.3.4)."""
    mother = Guardianship.objects.get(child=dylan, guardian__full_name=DYLAN_MOTHER[0]).guardian
    consent_record(
        actor=cast.actor("zorgcoordinator.demo"), child=dylan, organisation=organisation,
        category=InformationCategory.CARE, purpose=purpose, method=ConsentMethod.WRITTEN,
        given_at=cast.days_ago(given_days_ago), guardians=[mother], young_person=True)


def lotte_story(cast: Cast) -> None:
    """A case from Lotte's first MBO year, closed with feedback to the school."""
    lotte = cast.children["lotte"]
    if Case.objects.filter(child=lotte, title=LOTTE_CASE_TITLE).exists():
        return
    p = cast.professionals
    coordinator = cast.actor("mbo.demo")
    case = case_open(actor=coordinator, school=cast.places.schools["mbo"],
                     title=LOTTE_CASE_TITLE, child=lotte,
                     part="Coördinator studentondersteuning: aanspreekpunt van de school")
    case_involve(actor=coordinator, case=case, professional=p["smw.demo"],
                 part="Schoolmaatschappelijk werk: faalangsttraining")
    consent_record(
        actor=coordinator, child=lotte, organisation=cast.places.organisations["welfare"],
        category=InformationCategory.CARE,
        purpose="Begeleiding bij faalangst door het schoolmaatschappelijk werk",
        method=ConsentMethod.VERBAL, given_at=cast.days_ago(300), young_person=True)
    case_set_coordinator(actor=coordinator, case=case, professional=p["smw.demo"])
    plan.intervention_record(
        actor=cast.actor("smw.demo"), case=case, description="Faalangsttraining (8 sessies)",
        provider="Welzijn Hengeloo - schoolmaatschappelijk werk",
        start_date=cast.days_ago(280), end_date=cast.days_ago(190),
        effect="Lotte voelt zich zekerder bij praktijkexamens; ze haalde ze allemaal.")
    case_close(actor=cast.actor("smw.demo"), case=case,
               reason="Faalangsttraining afgerond met goed resultaat; terugkoppeling aan de "
                      "studieloopbaanbegeleider en de coördinator studentondersteuning.")
    backdate(case, opened_at=cast.moment(300, 10), closed_at=cast.moment(180, 15))
    case.involvements.update(start_date=cast.days_ago(300))
