"""The glossary as Schakel ships it: school and care terms and abbreviations (DESIGN §2.12,
seed 000: "MDO" means something else in school than in care). A functional administrator
changes and extends it on the page *Begrippen*; an upgrade never overwrites their changes
(existing names are skipped)."""

from django.db import migrations

G, E, C, M, P = "general", "education", "care", "municipality", "protection"

# (name, written out, abbreviation?, {domain: meaning})
TERMS: list[tuple[str, str, bool, dict[str, str]]] = [
    ("MDO", "multidisciplinair overleg", True, {
        E: "Overleg over één leerling met ouders, school en de betrokken professionals, vaak "
           "met het samenwerkingsverband, om de ondersteuning op school af te spreken.",
        C: "Overleg van behandelaars van verschillende disciplines over de behandeling van een "
           "cliënt, meestal binnen één zorgaanbieder en zonder school."}),
    ("OPP", "ontwikkelingsperspectiefplan", True, {
        E: "Plan met het verwachte uitstroomniveau van een leerling en de extra ondersteuning "
           "die school daarvoor biedt; verplicht bij extra ondersteuning (WPO art. 40a, WVO "
           "art. 2.44), met ouders besproken."}),
    ("SOT", "schoolondersteuningsteam", True, {
        E: "Team van school en vaste partners (JGZ, schoolmaatschappelijk werk, gemeente) dat "
           "ondersteuningsvragen van leerlingen bespreekt; in de ene regio kernteam, in de "
           "andere ZAT genoemd."}),
    ("ZAT", "zorg- en adviesteam", True, {
        E: "Oudere naam voor het overleg van school met zorgpartners over leerlingen; nu vaak "
           "kernteam of schoolondersteuningsteam."}),
    ("GI", "gecertificeerde instelling", True, {
        P: "Instelling die kinderbeschermingsmaatregelen (ondertoezichtstelling, voogdij) en "
           "jeugdreclassering uitvoert, gecertificeerd volgens de Jeugdwet (art. 3.4)."}),
    ("OTS", "ondertoezichtstelling", True, {
        P: "Kinderbeschermingsmaatregel: de kinderrechter stelt een kind onder toezicht van "
           "een GI; een jeugdbeschermer begeleidt het gezin, de ouders houden het gezag (BW "
           "1:255). Eindigt uiterlijk op 18 jaar."}),
    ("JGZ", "jeugdgezondheidszorg", True, {
        C: "Jeugdartsen en jeugdverpleegkundigen van de GGD of het consultatiebureau, die de "
           "gezondheid en ontwikkeling van alle kinderen van 0 tot 18 volgen (Wet publieke "
           "gezondheid)."}),
    ("POH-GGZ", "praktijkondersteuner huisarts GGZ", True, {
        C: "Medewerker van de huisartsenpraktijk die kortdurende begeleiding geeft bij "
           "psychische klachten en zo nodig doorverwijst."}),
    ("IB", "intern begeleider", True, {
        E: "Coördineert op een basisschool de ondersteuning van leerlingen en de "
           "samenwerking met ouders en partners; de IB'er."}),
    ("GGD", "Gemeentelijke Gezondheidsdienst", True, {
        C: "Regionale gezondheidsdienst van de gemeenten; voert onder meer de "
           "jeugdgezondheidszorg uit."}),
    ("GGZ", "geestelijke gezondheidszorg", True, {
        C: "Hulp en behandeling bij psychische problemen."}),
    ("JGGZ", "jeugd-ggz", True, {
        C: "Geestelijke gezondheidszorg voor kinderen en jongeren, gefinancierd uit de "
           "Jeugdwet."}),
    ("SWV", "samenwerkingsverband passend onderwijs", True, {
        E: "De scholen in een regio samen; verdeelt het geld voor extra ondersteuning en geeft "
           "toelaatbaarheidsverklaringen voor het speciaal onderwijs."}),
    ("TLV", "toelaatbaarheidsverklaring", True, {
        E: "Besluit van het samenwerkingsverband dat een leerling naar het speciaal "
           "(voortgezet) onderwijs mag."}),
    ("AMHK", "Advies- en Meldpunt Huiselijk geweld en Kindermishandeling", True, {
        P: "Wettelijke naam van Veilig Thuis (Wmo 2015 art. 4.1.1)."}),
    ("RvdK", "Raad voor de Kinderbescherming", True, {
        P: "Onderzoekt of een kinderbeschermingsmaatregel nodig is en adviseert de "
           "kinderrechter."}),
    ("JR", "jeugdreclassering", True, {
        P: "Begeleiding van een jongere die met politie of justitie in aanraking kwam, door "
           "een GI; kan na het 18e jaar doorlopen."}),
    ("LPA", "leerplichtambtenaar", True, {
        M: "Ambtenaar van de gemeente die toeziet op de leerplicht en de kwalificatieplicht, "
           "verzuimmeldingen behandelt en zo nodig proces-verbaal opmaakt."}),
    ("RMC", "Regionaal Meld- en Coördinatiepunt voortijdig schoolverlaten", True, {
        M: "Volgt jongeren tot 23 jaar zonder startkwalificatie en helpt hen terug naar school "
           "of werk."}),
    ("VSV", "voortijdig schoolverlaten", True, {
        E: "Een jongere tot 23 jaar verlaat het onderwijs zonder startkwalificatie."}),
    ("CJG", "Centrum voor Jeugd en Gezin", True, {
        M: "Inlooppunt van de gemeente voor vragen over opvoeden en opgroeien."}),
    ("SMW", "schoolmaatschappelijk werk", True, {
        C: "Maatschappelijk werker op of voor school die leerlingen en ouders kortdurend "
           "begeleidt bij problemen thuis of op school."}),
    ("AMW", "algemeen maatschappelijk werk", True, {
        C: "Laagdrempelige hulp voor volwassenen en gezinnen bij problemen met werk, geld, "
           "relaties of opvoeding."}),
    ("BSO", "buitenschoolse opvang", True, {
        E: "Opvang van basisschoolkinderen voor en na schooltijd en in de vakanties."}),
    ("KDV", "kinderdagverblijf", True, {
        E: "Opvang van kinderen van 0 tot 4 jaar."}),
    ("IKC", "integraal kindcentrum", True, {
        E: "Onderwijs en opvang voor kinderen van 0 tot 13 jaar onder één dak, met één team en "
           "één visie."}),
    ("PO", "primair onderwijs", True, {E: "De basisschool en het speciaal basisonderwijs."}),
    ("VO", "voortgezet onderwijs", True, {
        E: "Vmbo, havo, vwo en praktijkonderwijs, na de basisschool."}),
    ("SO", "speciaal onderwijs", True, {
        E: "Onderwijs voor kinderen die extra ondersteuning nodig hebben, met een "
           "toelaatbaarheidsverklaring."}),
    ("VSO", "voortgezet speciaal onderwijs", True, {
        E: "Speciaal onderwijs voor jongeren van 12 tot 20 jaar."}),
    ("SBO", "speciaal basisonderwijs", True, {
        E: "Basisschool voor kinderen die meer ondersteuning nodig hebben dan de gewone "
           "basisschool kan bieden."}),
    ("MBO", "middelbaar beroepsonderwijs", True, {E: "Beroepsopleidingen na het vmbo."}),
    ("ROC", "regionaal opleidingencentrum", True, {E: "Instelling voor mbo-onderwijs."}),
    ("PrO", "praktijkonderwijs", True, {
        E: "Voortgezet onderwijs dat leerlingen voorbereidt op werk, dichtbij huis."}),
    ("VMBO", "voorbereidend middelbaar beroepsonderwijs", True, {
        E: "Vierjarige schoolsoort in het voortgezet onderwijs die voorbereidt op het mbo."}),
    ("LWOO", "leerwegondersteunend onderwijs", True, {
        E: "Extra ondersteuning in het vmbo voor leerlingen met leerachterstanden."}),
    ("HGW", "handelingsgericht werken", True, {
        E: "Werkwijze waarin de school uitgaat van wat een leerling nodig heeft en samen met "
           "ouders en leerling doelen stelt."}),
    ("NT2", "Nederlands als tweede taal", True, {
        E: "Onderwijs in het Nederlands aan leerlingen met een andere moedertaal."}),
    ("VVE", "voor- en vroegschoolse educatie", True, {
        E: "Programma's voor peuters en kleuters met een risico op een taal- of "
           "ontwikkelingsachterstand."}),
    ("EED", "ernstige enkelvoudige dyslexie", True, {
        C: "Dyslexie waarvoor diagnostiek en behandeling uit de Jeugdwet vergoed worden."}),
    ("TOS", "taalontwikkelingsstoornis", True, {
        C: "Stoornis in de taalontwikkeling die niet uit gehoor of intelligentie voortkomt."}),
    ("ADHD", "aandachtstekortstoornis met hyperactiviteit", True, {
        C: "Ontwikkelingsstoornis met problemen in aandacht, impulsiviteit en beweeglijkheid."}),
    ("ASS", "autismespectrumstoornis", True, {
        C: "Ontwikkelingsstoornis in sociale communicatie en interactie, met vaste patronen."}),
    ("LVB", "licht verstandelijke beperking", True, {
        C: "Een IQ van ongeveer 50 tot 85 met beperkingen in het sociaal aanpassingsvermogen."}),
    ("AVG", "Algemene verordening gegevensbescherming", True, {
        G: "Europese privacywet; regelt wanneer persoonsgegevens verwerkt en gedeeld mogen "
           "worden."}),
    ("WGBO", "Wet op de geneeskundige behandelingsovereenkomst", True, {
        C: "Regelt dossier, geheimhouding en inzage bij medische en jeugdhulp (BW 7:446 "
           "e.v.)."}),
    ("BIG", "Wet op de beroepen in de individuele gezondheidszorg", True, {
        C: "Register van zorgverleners zoals artsen en gz-psychologen."}),
    ("SKJ", "Stichting Kwaliteitsregister Jeugd", True, {
        C: "Beroepsregister van jeugdzorgwerkers en jeugd- en gezinsprofessionals."}),
    ("Wmo", "Wet maatschappelijke ondersteuning 2015", True, {
        M: "Wet waarmee de gemeente volwassenen ondersteunt om zelfstandig te wonen en mee te "
           "doen."}),
    ("Wlz", "Wet langdurige zorg", True, {
        C: "Wet voor mensen die blijvend intensieve zorg of toezicht nodig hebben."}),
    ("WPO", "Wet op het primair onderwijs", True, {E: "De wet voor het basisonderwijs."}),
    ("WVO", "Wet voortgezet onderwijs 2020", True, {E: "De wet voor het voortgezet onderwijs."}),
    ("PGB", "persoonsgebonden budget", True, {
        M: "Geld van de gemeente waarmee ouders zelf jeugdhulp inkopen."}),
    ("ZIN", "zorg in natura", True, {
        M: "Jeugdhulp die de gemeente rechtstreeks bij een aanbieder inkoopt."}),
    ("BRP", "Basisregistratie Personen", True, {
        M: "De registratie van inwoners door de gemeente."}),
    ("DUO", "Dienst Uitvoering Onderwijs", True, {
        E: "Uitvoeringsorganisatie van het ministerie van OCW; ontvangt onder meer "
           "verzuimmeldingen van scholen (Verzuimloket)."}),
    ("OCW", "ministerie van Onderwijs, Cultuur en Wetenschap", True, {
        G: "Het ministerie dat over het onderwijs gaat."}),
    ("VIR", "Verwijsindex risicojongeren", True, {
        M: "Landelijk systeem waarin professionals melden dat zij bij een jongere betrokken "
           "zijn, zodat zij elkaar vinden (Jeugdwet par. 7.1.2)."}),
    ("MR", "medezeggenschapsraad", True, {
        E: "Raad van ouders en personeel die meepraat en instemt met het beleid van de "
           "school."}),
    ("OOP", "onderwijsondersteunend personeel", True, {
        E: "Medewerkers van school die geen les geven, zoals onderwijsassistenten."}),
    ("JB", "jeugdbescherming", True, {
        P: "Uitvoering van kinderbeschermingsmaatregelen door een GI."}),
    ("zorgcoördinator", "", False, {
        E: "In het voortgezet onderwijs: coördineert de leerlingenzorg van de school; de "
           "tegenhanger van de IB'er in het basisonderwijs.",
        C: "In de zorg: de medewerker die de zorg rond een cliënt afstemt."}),
    ("thuiszitter", "", False, {
        E: "Leerplichtige jongere die ingeschreven staat maar zonder geldige reden langer dan "
           "vier weken niet naar school gaat, of die niet ingeschreven staat en geen "
           "vrijstelling heeft."}),
    ("regiehouder", "", False, {
        G: "De professional die de afspraken rond een kind en gezin bewaakt en het "
           "aanspreekpunt is, ook voor ouders: één gezin, één plan, één regiehouder."}),
    ("kernteam", "", False, {
        E: "Het vaste interprofessionele team van een school (IB'er of zorgcoördinator, JGZ, "
           "schoolmaatschappelijk werk, gemeente) dat signalen bespreekt en afspraken maakt."}),
    ("lege stoel", "", False, {
        E: "Een vaste plek in het kernteamoverleg voor een gast: een professional die "
           "(nog) niet in het team zit en voor een vraag aanschuift."}),
    ("spoedoverleg", "", False, {
        G: "Kort online overleg op korte termijn, als een situatie niet kan wachten tot het "
           "volgende kernteamoverleg."}),
    ("Veilig Thuis", "", False, {
        P: "Advies- en meldpunt bij huiselijk geweld en kindermishandeling; stap 4 en 5 van de "
           "Meldcode."}),
    ("Meldcode", "", False, {
        G: "De meldcode huiselijk geweld en kindermishandeling: vijf stappen die een "
           "professional zet bij een vermoeden (Wet verplichte meldcode)."}),
    ("melding", "", False, {
        E: "In school vaak: een verzuimmelding bij leerplicht via DUO.",
        C: "In de zorg vaak: een melding bij Veilig Thuis volgens de Meldcode.",
        M: "Bij de gemeente: een aanvraag of signaal bij het wijkteam."}),
    ("jeugdregisseur", "", False, {
        M: "Medewerker van de gemeente die jeugdhulp toegankelijk maakt, beschikkingen afgeeft "
           "en regie neemt waar dat nodig is."}),
    ("wijkteam", "", False, {
        M: "Team van de gemeente met hulpverleners die inwoners dichtbij ondersteunen; de "
           "toegang tot jeugdhulp en Wmo."}),
    ("gezag", "", False, {
        G: "De wettelijke zeggenschap over een minderjarig kind: ouderlijk gezag of voogdij "
           "(BW 1:245). Wie gezag heeft, geeft toestemming voor het kind tot 16 jaar."}),
    ("voogdij", "", False, {
        P: "Gezag over een kind door een ander dan een ouder, bijvoorbeeld een GI na een "
           "gezagsbeëindigende maatregel (BW 1:275)."}),
]


def seed(apps, schema_editor):
    Term = apps.get_model("glossary", "Term")
    Meaning = apps.get_model("glossary", "Meaning")
    existing = {name.lower() for name in Term.objects.values_list("name", flat=True)}
    for name, expansion, is_abbreviation, meanings in TERMS:
        if name.lower() in existing:
            continue
        term = Term.objects.create(name=name, expansion=expansion, is_abbreviation=is_abbreviation)
        Meaning.objects.bulk_create(
            Meaning(term=term, domain=domain, text=text) for domain, text in meanings.items())


class Migration(migrations.Migration):

    dependencies = [("glossary", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
