"""The preventiematrix of Esrand College (the secondary school of the demo), filled by its
kernteam's chair and the municipality's policy officer through the services, from the
examples of seed 004: the drugs and smoking in years 1 and 2 that the health monitor shows
(§3.3, Tina's story: the municipality asks the youth work to be present at school), lateness
and short absence (Bijlage H's pyramid), the preventive activities youth services can bring
to a school (§1.3: parents' evenings, KIES, social skills, resilience) and the school's own
(a safe climate, healthy food, a buddy programme).

Idempotent: a school that has a matrix keeps it as it is."""

from __future__ import annotations

from schakel.access.actor import Actor
from schakel.organisations.models import School
from schakel.prevention.models import PreventionMatrix, PyramidLevel, RankedKind, Sector
from schakel.prevention.services import (
    prevention_ambition_update,
    prevention_offer_add,
    ranked_item_add,
    regie_agreement_add,
)

DESIRED = (
    "Iedere leerling voelt zich op school gezien, gehoord en veilig",
    "Leerlingen in de klassen 1 en 2 roken niet en gebruiken geen drugs",
    "Leerlingen komen op tijd en verzuimen niet",
    "Brugklassers vinden in het eerste halfjaar aansluiting bij een groep",
    "Ouders weten de weg naar opvoedsteun in de buurt",
    "Mentoren herkennen opvoed- en opgroeivragen op tijd",
)
PROBLEMS = (
    "Roken en drugsgebruik in de klassen 1 en 2 (gezondheidsmonitor)",
    "Regelmatig te laat komen en kort verzuim",
    "Moeizame aansluiting in de brugklas; leerlingen staan er alleen voor",
    "Opvoedvragen van ouders komen laat in beeld",
    "Overlap in het aanbod: ieder doet preventie vanuit de eigen organisatie",
)
L1, L2, L3 = PyramidLevel.UNIVERSAL, PyramidLevel.SELECTIVE, PyramidLevel.INDICATED
OFFERS: tuple[tuple[Sector, PyramidLevel, str, str, str], ...] = (
    (Sector.EDUCATION, L1, "Sociale veiligheid en pestpreventie", "Esrand College",
     "Een schoolbrede aanpak: goede onderlinge relaties, pestgedrag voorkomen."),
    (Sector.EDUCATION, L1, "Gezond eten en drinken op school", "Esrand College", ""),
    (Sector.EDUCATION, L1, "Verzuim maandelijks gevolgd", "Esrand College",
     "Dreigend verzuim vroeg herkennen (RtI niveau 1)."),
    (Sector.EDUCATION, L2, "Maatjesprogramma", "Esrand College",
     "Een medeleerling ondersteunt wie dreigt te verzuimen (RtI niveau 2)."),
    (Sector.EDUCATION, L3, "Tijdelijk onderwijs in een kleinere groep", "Esrand College",
     "Bij langdurig verzuim, samen met ouders en jeugdhulp (RtI niveau 3)."),
    (Sector.MUNICIPALITY, L1, "Jongerenwerk actief aanwezig op school",
     "Welzijn Hengeloo - Jongerenwerk",
     "In de pauzes en na schooltijd, in gesprek met de jongeren."),
    (Sector.MUNICIPALITY, L1, "Ouderavond over opvoedthema's", "GGD Hengeloo e.o. (JGZ)",
     "In het gebouw van de school: laagdrempelig voor ouders."),
    (Sector.MUNICIPALITY, L2, "Lessen over roken en middelengebruik in klas 1 en 2",
     "Jongerenwerk en jeugdarts", ""),
    (Sector.MUNICIPALITY, L2, "Training sociale vaardigheden en weerbaarheid (KIES)",
     "Jeugdhulp", "In aanvulling op de preventieve programma's van de school."),
    (Sector.MUNICIPALITY, L2, "Samen rond ziekteverzuim", "Leerplicht, jeugdarts en school",
     ""),
    (Sector.MUNICIPALITY, L3, "Intensieve aanpak bij langdurig verzuim",
     "Leerplicht en jeugdhulp", ""),
    (Sector.INFORMAL, L1, "Sport in de wijk", "Buurtsportvereniging",
     "Een zinvolle vrijetijdsbesteding en een positieve sociale ontwikkeling."),
    (Sector.INFORMAL, L2, "Maatjesproject voor brugklassers", "Vrijwilligerscentrale", ""),
    (Sector.INFORMAL, L3, "Het eigen netwerk van het gezin betrekken", "Familie en buren",
     "Wie steunt het gezin al? Samen met de ouders in kaart gebracht."),
)
AMBITION = (
    "Minder roken en drugsgebruik in de klassen 1 en 2, en geen leerling die door te laat "
    "komen en kort verzuim de aansluiting mist.",
    "Het jongerenwerk is elke week op school; lessen over middelengebruik in klas 2; "
    "verzuim maandelijks in het kernteam; een ouderavond per schooljaar.",
    "School (zorgcoördinator, mentoren), jongerenwerk, jeugdarts en leerplicht; de gemeente "
    "(beleid jeugd en onderwijs) financiert en volgt de voortgang.",
)
REGIE = (
    ("Overzicht van het preventieve aanbod", "Beleidsmedewerker jeugd en onderwijs, gemeente",
     "Houdt de matrix bij; twee keer per schooljaar in het kernteam, zodat het aanbod niet "
     "overlapt."),
    ("Inzet op middelengebruik in klas 1 en 2", "Zorgcoördinator Esrand College",
     "Bespreekt de signalen per klas in het kernteam; het jongerenwerk meldt terug."),
    ("Evaluatie van de ambitie", "Stuurgroep",
     "Eens per jaar: de gezondheidsmonitor en de verzuimcijfers naast de ambitie."),
)


def demo_prevention_matrix(*, school: School, chair: Actor, officer: Actor) -> PreventionMatrix:
    existing = PreventionMatrix.objects.filter(school=school).first()
    if existing is not None:
        return existing
    for rank, text in enumerate(DESIRED, start=1):
        ranked_item_add(actor=chair, school=school, kind=RankedKind.DESIRED, text=text,
                        rank=rank)
    for rank, text in enumerate(PROBLEMS, start=1):
        ranked_item_add(actor=chair, school=school, kind=RankedKind.PROBLEM, text=text,
                        rank=rank)
    for sector, level, name, provider, description in OFFERS:
        prevention_offer_add(actor=officer if sector != Sector.EDUCATION else chair,
                             school=school, sector=sector, level=level, name=name,
                             provider=provider, description=description)
    what, how, who = AMBITION
    prevention_ambition_update(actor=officer, school=school, what=what, how=how, who=who)
    for subject, holder, agreement in REGIE:
        regie_agreement_add(actor=officer, school=school, subject=subject, holder=holder,
                            agreement=agreement)
    return PreventionMatrix.objects.get(school=school)
