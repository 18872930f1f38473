"""The content of seed 001 (Dialoogtafels PO, VO, MBO; Kenniswerkplaats Jeugd Friesland,
2022) as data for `demo.dialogue`: the three tables, the factor blocks with their possible
causes and the notation of the tables that named them, the overarching conclusions and the
recommendations."""

from __future__ import annotations

from dataclasses import dataclass, field

from schakel.dialogue.models import Audience, Domain, Level, Perspective, Valence

TITLE = "Evaluatie samenwerking onderwijs en zorg (dialoogtafels PO, VO, MBO)"

METHOD = (
    "Aanspreekpunten in de werkgroep hebben één casus per onderwijssoort (PO, VO, MBO) "
    "geselecteerd. De ouder(s) of jongere (MBO) hebben toestemming gegeven en waren bij de "
    "dialoogtafel aanwezig, samen met de betrokken professionals. Met een voorgestructureerde "
    "agenda en onder leiding van een onafhankelijk voorzitter is gereflecteerd op wat goed is "
    "gegaan en wat beter had gekund, en zijn aanbevelingen opgesteld. De deelnemers hebben het "
    "verslag gelezen en konden reageren; daarna is het vastgesteld. In de overstijgende "
    "dialoogtafel is gekeken of de punten incidenteel of structureel zijn.")


@dataclass(frozen=True)
class TableSeed:
    title: str
    level: str
    child: str
    history: str
    goal: str
    participants: tuple[tuple[str, str], ...]


TABLES = (
    TableSeed(
        "Casus 1 - Primair onderwijs", Level.PO,
        "Kind: basisschoolleeftijd (onderbouw) met gedragsproblematiek en "
        "grensoverschrijdend gedrag en hoogbegaafdheid.",
        "Team Jeugd en Gezin → Ambulante Vroegbehandeling → Multidisciplinair overleg van "
        "school en zorg met alle betrokkenen, inclusief ouders → extra begeleiding op school "
        "in de groep → inzet Samen Sterk met School en regelmatig breed overleg",
        "De leerling functioneert weer goed in de groep en maakt gebruik van de aangeleerde "
        "vaardigheden.",
        ((Perspective.PARENT, "Ouders"), (Perspective.PROFESSIONAL, "Leerkracht"),
         (Perspective.PROFESSIONAL, "Kwaliteitsmanager support onderwijs"),
         (Perspective.PROFESSIONAL, "Begeleider jeugdhulpaanbieder"))),
    TableSeed(
        "Casus 2 - Voortgezet onderwijs", Level.VO,
        "Kind: jonge adolescent in eerste jaar VO met hoogbegaafdheid en psychische "
        "problematiek.",
        "orthopedagoog 1 → IQ-test → Plusgroep → orthopedagoog 2 → begeleiding d.m.v. "
        "huisbezoeken → vroegtijdig naar vervolgklas en overgang VO → Multidisciplinair overleg "
        "met ouders → individuele afspraken → Multidisciplinair overleg → inzet Coach / "
        "betrekken Team Jeugd en Gezin",
        "Afname klachten, verbeterde aansluiting met klas, toename zelfvertrouwen en "
        "zelfredzaamheid.",
        ((Perspective.PARENT, "Ouders"), (Perspective.PROFESSIONAL, "Mentor"),
         (Perspective.PROFESSIONAL, "Orthopedagoog school"),
         (Perspective.PROFESSIONAL, "Zorgaanbieder hoogbegaafdheid"))),
    TableSeed(
        "Casus 3 - MBO", Level.MBO,
        "Kind: jongere met dyslexie, psychische problematiek en schoolverzuim/-uitval.",
        "begeleid wonen → studentenzorg → dyslexie-ondersteuning op school → School als "
        "Werkplaats → psycholoog → Coach 1 → GGZ-opname → onafhankelijke cliëntondersteuner "
        "MEE → Coach 2 → Coach 3 → GGZ ambulant → GGZ-opname → Ambulante thuisbegeleiding 1 → "
        "GGZ-opname → Coach 4 → Arbeidscoach gemeente → Ambulante thuisbegeleiding 2",
        "Jongere is aan het werk en is aangemeld voor het doelgroepenregister van de gemeente "
        "voor het geval er opnieuw sprake is van uitval.",
        ((Perspective.YOUNG_PERSON, "Jongere"),
         (Perspective.PROFESSIONAL, "Mentor / zorgcoördinator"),
         (Perspective.PROFESSIONAL, "Coach"), (Perspective.PROFESSIONAL, "Arbeidscoach"))),
)


@dataclass(frozen=True)
class F:
    """A factor (or possible cause) with the tables that named it; `valence` only where a
    cause differs from its factor."""

    text: str
    notation: str
    causes: tuple[F, ...] = field(default=())
    valence: str = ""


H, OB = Valence.HELPING, Valence.OBSTRUCTING

FACTORS: list[tuple[str, str, list[F]]] = [
    (Domain.FAMILY, H, [
        F("Ouders zijn gemotiveerd / jongere is gemotiveerd", "1c,2c,3c", (
            F("Ouders willen werken aan herstel van vertrouwen in school", "1c"),
            F("Ouders zijn proactief, betrouwbaar en komen afspraken na", "2c"),
            F("Ouders zijn gedreven, zoeken naar de beste hulp", "2c"),
            F("Ouders trekken samen op met zorgaanbieder, docent en orthopedagoog", "2c"))),
        F("Grote draagkracht gezin", "2c", (
            F("Ouders voelden zich sterker door de ontvangen hulp", "2c"),)),
        F("Jongere houdt zelf de regie en groeit ervan als hij de regie ook krijgt", "3c"),
        F("Krachten van de jongere", "3c", (
            F("Jongere heeft een sterke persoonlijkheid en doorzettingsvermogen", "3c"),
            F("Jongere is handig en praktisch", "3c"),
            F("Jongere is verbaal sterk", "3c"))),
    ]),
    (Domain.FAMILY, OB, [
        F("Overbelasting ouders/gezin", "2c", (
            F("Het kostte veel moeite (ook financieel) voor ouders om goede zorg voor hun "
              "kind te organiseren", "2c", (
                F("Moeder voelde zich gedwongen om te stoppen met haar studie en minder te "
                  "gaan werken", "2c"),
                F("Moeder zat niet lekker in haar vel door de zorgen rondom haar kind", "2c"))),
        )),
        F("Jongere heeft een sterke persoonlijkheid en was bang eigen regie te verliezen", "3c", (
            F("Jongere had er belang bij dat er weinig communicatie was tussen hulpverleners "
              "en onderwijs", "3c"),
            F("Jongere hield betrokken professionals uit elkaar en stond de uitwisseling van "
              "informatie tussen opleiding en hulpverlening niet toe", "3c", (
                F("De professionele stap die nodig was, werd niet genomen omdat jongere het "
                  "daar niet mee eens was", "3c"),)))),
        F("Jongere was niet open over eigen problematiek en hoe het met hem ging", "3c", (
            F("Jongere wilde niet dat mensen door zouden vragen en zouden ontdekken hoe het "
              "echt met jongere ging", "3c", (
                F("Jongere wilde uit blijven stralen dat het goed ging", "3c"),)),)),
    ]),
    (Domain.PROFESSIONAL, H, [
        F("Alliantie / goede samenwerking met ouders/kind/jongere", "1,2,3", (
            F("Goede samenwerking tussen ouders, leerkracht, hulpverlening", "1c"),
            F("Begeleider jeugdhulpaanbieder die heeft ingezet op herstel van het vertrouwen "
              "tussen ouders en school", "1c"),
            F("Nieuwe leerkracht na de zomervakantie die het vertrouwen van ouders in school "
              "hielp herstellen", "1c", (
                F("met open blik naar situatie kijken", "1c"),
                F("vertrouwen in kind uitspreken", "1c"),
                F("aansluiting bij en met oog voor ontwikkelingsbehoeften van kind", "1c"),
                F("goede communicatie met ouders", "1c"))),
            F("Mentor/zorgcoördinator school neemt de jongere serieus in wensen en "
              "behoeften", "3c"),
            F("Ondersteuning vanuit school sluit aan bij de wensen van de jongere", "3c"))),
        F("Jongere heeft grote gunfactor bij en betrokkenheid van docenten", "3c"),
        F("Motivatie van betrokken professionals van zowel school als hulpverlening om "
          "passende hulp te bieden aan jongere", "3c"),
        F("Goede samenwerking tussen professionals onderling", "1c,2c", (
            F("Kwaliteitsmanager support vanuit onderwijs heeft alle betrokkenen bij elkaar "
              "gebracht voor overleg", "1c", (
                F("gezamenlijk overleg heeft in korte tijd veel helderheid over de situatie "
                  "opgeleverd", "1c"),
                F("op basis van gezamenlijk overleg zijn gedragen plannen gemaakt en "
                  "gezamenlijke doelen gesteld", "1c"))),
            F("Evaluatiegesprekken met alle betrokkenen in breed, multidisciplinair overleg",
              "1c"),
            F("Korte lijnen tussen betrokkenen van zorgaanbieder, mentor school, "
              "orthopedagoog", "2c"))),
        F("Deskundigheid betrokken professionals", "1c,2c", (
            F("Kwaliteitsmanager support vanuit onderwijs heeft met overkoepelende blik naar "
              "de situatie gekeken", "1c"),
            F("Objectieve kijk op kind en omgeving door middel van observaties door begeleider "
              "jeugdhulpaanbieder", "1c"),
            F("Deskundige hulpverlening bij hoogbegaafdheid door zorgaanbieder", "2c"),
            F("Docenten zijn geschoold m.b.t. hoogbegaafdheid", "2c"),
            F("Vakbekwame orthopedagoog", "2c"))),
    ]),
    (Domain.PROFESSIONAL, OB, [
        F("Gebrekkige alliantie/samenwerking met ouders en/of jeugdige", "1c,2c", (
            F("Gebrek aan samenwerking tussen school en ouders", "1c"),
            F("Onvoldoende communicatie en terugkoppeling van leerkracht naar ouders", "1c"),
            F("Ouders onvoldoende op de hoogte gebracht van interventies door school n.a.v. "
              "incident", "1c"),
            F("Ouders voelden zich overweldigd", "1c", (
                F("Overmacht van aantal professionals bij het eerste evaluatiegesprek "
                  "tegenover 1 kind met ouder", "1c"),)),
            F("Ouders voelen zich niet of onvoldoende gehoord door gezinswerker gemeente",
              "2c"),
            F("Er was geen klik tussen kind en ouders enerzijds en professional Jeugd GGZ "
              "anderzijds", "2c"),
            F("Docenten sloten niet altijd goed aan bij het kind", "2c", (
                F("Veel verschillende docenten op het VO, die elk een eigen benadering "
                  "richting de leerling hebben", "2c"),)))),
        F("Gebrek aan gezamenlijke besluitvorming met ouders", "2c", (
            F("School voor primair onderwijs maakt een ontwikkelingsplan voor leerling zonder "
              "ouders hierbij te betrekken", "2c"),
            F("Onvoldoende ondersteuning van ouders op het PO bij de problematiek", "2c"),
            F("Onvoldoende luisteren naar ouders bij vraag om hulp", "2c"))),
        F("Gebrek aan samenwerking van professionals onderling", "1c,2c,3c", (
            F("Niet alle betrokken professionals wisten van elkaar dat zij betrokken waren",
              "1c"),
            F("Gebrekkige communicatie en afstemming tussen hulpverlening en school en "
              "betrokken professionals onderling", "1c,2c,3c"),
            F("Gebrek aan overdracht van ambulante vroeghulp naar jeugdhulpaanbieder", "1c"),
            F("Professional Jeugd GGZ stond niet open voor samenwerking met school", "2c"))),
        F("Gebrek aan regie / geen professional die is opgetreden als regievoerder", "3c", (
            F("Te veel mensen die zich wilden bemoeien met jongere / overkill aan hulp werkte "
              "verlammend voor jongere", "3c"),
            F("Onduidelijkheid over wie doet wat en weet iedereen dat van elkaar", "3c"))),
        F("Deskundigheid", "1c,2c,3c", (
            F("Handelingsverlegenheid van leerkracht", "1c"),
            F("Onvoldoende zicht van leerkracht groep 2 op ontwikkelingsbehoefte kind", "1c"),
            F("Professional Jeugd GGZ had geen deskundigheid op het gebied van "
              "hoogbegaafdheid", "2c"),
            F("Onvoldoende vaardigheden van professionals om belang van "
              "informatie-uitwisseling aan jongere duidelijk te maken", "3c"),
            F("Onderschatting van de impact die een klinische opname kan hebben op jongeren "
              "op school", "3c"))),
        F("Gebrek aan verklarende analyse", "1c", (
            F("Aandacht te veel gericht op gedrag en incident op zich, in plaats van op "
              "onderliggende problemen", "1c"),)),
    ]),
    (Domain.ORGANISATION_OVERARCHING, H, [
        F("Verantwoordelijkheid nemen", "1c,2c", (
            F("Bereid zijn om afstand te nemen van situatie, om breed te kijken: wat gunnen we "
              "ouders en kind in deze situatie?", "1c"),
            F("Bereidheid om verantwoordelijkheid te nemen voor passende hulp door school en "
              "jeugdhulpaanbieder gezamenlijk", "1c"),
            F("Denken in mogelijkheden en de verwachtingen en mogelijkheden eerlijk duidelijk "
              "maken", "2c", (
                F("Vanuit school duidelijk en eerlijk aangegeven wat wel en niet kan", "2c"),)))),
        F("Professionalisering / deskundigheidsbevordering", "1c,2c", (
            F("Training seksuele ontwikkeling aan leerkrachten door jeugdhulpaanbieder", "1c", (
                F("helpt om leerkrachten meer inzicht te geven in seksuele ontwikkeling van "
                  "jonge kinderen", "1c"),)),
            F("Zorgaanbieder die expertise ontwikkelt voor kinderen met combinatie van "
              "hoogbegaafdheid en psychische problematiek", "2c"),
            F("Begrip voor hoogbegaafdheid leerling vanuit VO-school", "2c"),
            F("Out of the box denken van VO-school", "2c"))),
    ]),
    (Domain.ORGANISATION_SCHOOL, H, [
        F("Informatieoverdracht", "2c", (
            F("De leerling was bij aanmelding op school direct al bekend", "2c", (
                F("Orthopedagoog school was vanaf begin meteen bij de leerling betrokken",
                  "2c"),)),)),
    ]),
    (Domain.INTERVENTION, H, [
        F("Beschikbaarheid lotgenotencontact", "2c", (
            F("Samen met andere kinderen met hoogbegaafdheid activiteiten doen", "2c"),)),
    ]),
    (Domain.ORGANISATION_OVERARCHING, OB, [
        F("Ontbreken van beleid m.b.t. gedeeld onderzoek naar problematiek en krachten "
          "(verklarende analyse)", "1c,3c"),
        F("Wederzijdse onbekendheid met ondersteuningsmogelijkheden t.b.v. kinderen die "
          "vastlopen op school", "1c", (
            F("School is niet bekend met ondersteuningsmogelijkheden vanuit jeugdhulp en "
              "jeugdhulp niet met mogelijkheden school/passend onderwijs", "1c"),)),
        F("Informatie vanuit zorg en school over jongere werd niet met elkaar gedeeld", "3c"),
        F("Gebrek aan overzicht", "3c", (
            F("Teveel processen liepen door elkaar: stage, school en hulpverlening", "3c"),)),
        F("Wijze van omgaan met en verschuilen achter privacywetgeving (AVG)", "3c"),
    ]),
    (Domain.ORGANISATION_SCHOOL, OB, [
        F("Kind krijgt buitenproportionele sanctie door school opgelegd na incident", "1c"),
        F("Verwachtingenmanagement", "1c", (
            F("Het begrip 'zorg' kan leiden tot de verwachting dat de zorgaanbieder het "
              "'probleem' oppakt, waardoor school zich terugtrekt", "1c"),)),
        F("Geen adequate hulp vanuit school aan leerkracht bij aangegeven "
          "handelingsverlegenheid", "1c"),
        F("Beperkte ondersteuning van school voor leerkrachten bij leerlingen met diverse "
          "ontwikkelingsbehoeften", "1c"),
        F("Schoolsysteem met klassenstructuur, vast rooster, toetsen en cijfers biedt weinig "
          "ruimte voor maatwerk", "1c,2c"),
        F("Verkeerde benadering en geen goede doorverwijzing van leerling", "2c", (
            F("Weinig initiatief en kennis aanwezig in het PO m.b.t. hoogbegaafdheid", "2c"),)),
        F("Zorgen over de overgang van onderbouw naar bovenbouw VO", "2c"),
        F("Niet altijd rustige werkplek beschikbaar voor leerlingen die hier behoefte aan "
          "hebben", "2c", (F("Leerling zit nu in een drukke klas met veel prikkels", "2c"),)),
        F("Impact van opnames van jongere op school werd onderschat door school", "3c"),
        F("Gebrek aan verklarende analyse", "3c", (
            F("Overvloed aan ingezette, maar niet passende, interventies", "3c"),
            F("Jongere kreeg wel allerlei hulp, maar niet de ondersteuning die jongere nodig "
              "had", "3c"),
            F("Traject duurt (veel) te lang", "3c"))),
    ]),
    (Domain.ORGANISATION_MUNICIPALITY, OB, [
        F("Ouders vinden weinig gehoor bij gemeente", "2c", (
            F("Veel formaliteit en bureaucratie binnen gemeente ervaren door ouders", "2c"),
            F("Er was geen link en contract tussen de instantie die de benodigde zorg kon "
              "bieden en de gemeente", "2c"),
            F("Benodigde hulp werd niet door gemeente vergoed", "2c"),
            F("Ouders zonder voldoende financiële middelen zijn afhankelijk van het ingekochte "
              "zorgaanbod, ook als ze het niet passend vinden", "2c"))),
    ]),
    (Domain.ORGANISATION_PROVIDER, OB, [
        F("Team Jeugd en Gezin was niet actief betrokken bij casus", "1c"),
        F("Geen match tussen vraag kind/ouders en aanbod van Jeugd GGZ-organisatie", "2c"),
    ]),
]

WENT_WELL = (
    "Zorg- en onderwijsprofessionals zien het belang van onderling overleg",
    "Wanneer alle betrokken organisaties verantwoordelijkheid nemen en gezamenlijk "
    "eigenaarschap oppakken, ontstaat verbinding en samenwerking",
    "Individuele zorgverleners die goed samenwerken en korte lijnen hebben met elkaar",
    "Scholen die verwachtingen en werkwijze vroegtijdig delen met ouders en hen tijdig en "
    "regelmatig informeren",
    "Scholen die faciliteiten bieden voor zorgaanbod in de school en/of extra begeleiding",
    "Grote betrokkenheid bij en inzet van schoolprofessionals voor leerlingen met aanvullende "
    "zorgbehoefte",
)

COULD_BE_BETTER = (
    "Er wordt te veel gekeken naar het gedrag en te weinig naar de onderliggende oorzaken; "
    "er wordt te veel gepraat over jeugdige/ouders en niet met hen",
    "Professionals hebben onvoldoende zicht op de beschikbare ondersteuningsmogelijkheden",
    "Professionals weten regelmatig niet welke andere professionals betrokken zijn",
    "Gebrekkige informatieoverdracht bij de overgang PO-VO, onderbouw-bovenbouw en VO-MBO",
    "De AVG wordt nog gebruikt als excuus om niet te overleggen of af te stemmen",
    "Bureaucratie en een bekostigingsstructuur zonder flexibiliteit",
    "Gebrek aan zorgregie, waardoor trajecten lang doorlopen zonder dat het gezin verder "
    "wordt geholpen",
)

RECOMMENDATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (Audience.OVERARCHING, (
        "Neem verantwoordelijkheid (eigenaarschap) voor het welzijn van jeugdige/gezin en "
        "creëer ruimte voor creatieve oplossingen en maatwerk",
        "Versterk de onderlinge communicatie en afstemming tussen hulp, zorg en school",
        "Organiseer een warme overdracht van zorgaanbieder naar school en vice versa",
        "Stel duidelijke kaders en maak procesafspraken voor 'samen één plan'",
        "Werk aan wederzijds verwachtingenmanagement: wie is waarvoor verantwoordelijk")),
    (Audience.SCHOOL, (
        "Zorg voor open communicatie tussen school en ouders",
        "Kies voor een levensloopbenadering en draag relevante informatie over van PO naar VO "
        "naar MBO")),
    (Audience.MUNICIPALITY, (
        "Houd bij het beschikbaar stellen van zorgaanbod rekening met de specifieke behoeften "
        "van jeugdige en gezin",)),
    (Audience.PROFESSIONALS, (
        "Zoek actief verbinding met elkaar en benut elkaars expertise",
        "Kijk naar de onderliggende redenen voor gedrag",
        "Maak heldere afspraken over wie de regievoerder is")),
)
