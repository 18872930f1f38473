"""The professionals of the demo world with their visitekaartjes, their sign-ins and the
interprofessional teams of the three schools. Plain ORM, idempotent. All people are fiction."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from schakel.accounts.models import User
from schakel.demo.dates import school_year_start
from schakel.organisations.models import Function, Organisation, Professional, School
from schakel.teams.models import Team, TeamLayer, TeamMembership

DEMO_PASSWORD = "schakel-demo-2026"  # noqa: S105 - the published demo password
DEMO_SUFFIX = ".demo"


@dataclass(frozen=True)
class PersonSpec:
    username: str
    first_name: str
    last_name: str
    function: Function
    organisation: str  # key in world.ORGANISATIONS
    phone: str
    what_i_do: str
    what_to_expect: str
    how_to_reach: str
    is_log_administrator: bool = False
    is_functional_administrator: bool = False
    # The school's aandachtsfunctionaris for the Meldcode.
    is_meldcode_officer: bool = False

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def email(self) -> str:
        local = f"{self.first_name}.{self.last_name}".lower().replace(" ", "")
        return f"{local}@example.org"


PEOPLE = [
    PersonSpec(
        "ib.demo", "Anouk", "Bosman", Function.SUPPORT_COORDINATOR, "po_board", "074 555 0101",
        "Intern begeleider van IKC De Vlinderboom en het aanspreekpunt van de school. Ik "
        "coördineer de leerlingenzorg en zit het kernteam voor.",
        "Ik reageer binnen twee werkdagen, breng zorgen in het kernteam en houd ouders en "
        "leerkrachten op de hoogte van wat we afspreken.",
        "Maandag, dinsdag en donderdag op school; bel of mail, het liefst voor 15.00 uur.",
        is_meldcode_officer=True,
    ),
    PersonSpec(
        "leerkracht.demo", "Jeroen", "Kamphuis", Function.TEACHER, "po_board", "074 555 0102",
        "Leerkracht van groep 4 van IKC De Vlinderboom.",
        "Ik zie de kinderen elke dag en deel wat ik zie in de klas en op het plein. Ik werk de "
        "handelingsadviezen uit in de klas.",
        "Na schooltijd (vanaf 14.30 uur) op school of per mail.",
    ),
    PersonSpec(
        "leerkracht-groep1.demo", "Femke", "Nijhuis", Function.TEACHER, "po_board",
        "074 555 0103",
        "Leerkracht van groep 1 van IKC De Vlinderboom.",
        "Ik begeleid de jongste kinderen bij hun start op school en stem af met de "
        "kinderopvang bij de overgang.",
        "Na schooltijd op school; maandag en woensdag.",
    ),
    PersonSpec(
        "jvk.demo", "Marieke", "ter Horst", Function.YOUTH_NURSE, "ggd", "074 555 0201",
        "Jeugdverpleegkundige van de GGD voor IKC De Vlinderboom. Ik kijk naar gezondheid, "
        "welbevinden en opvoeden, thuis en op school.",
        "Een gesprek met ouders en kind, op school of thuis; ik kan regiehouder zijn en sta "
        "dan naast de ouders. Ik verwijs zo nodig naar de jeugdarts of de huisarts.",
        "Dinsdagochtend spreekuur op school; verder per telefoon of mail.",
    ),
    PersonSpec(
        "jeugdarts.demo", "Sanne", "Oude Luttikhuis", Function.YOUTH_DOCTOR, "ggd",
        "074 555 0202",
        "Jeugdarts van de GGD voor het Esrand College en het ROC. Ik let op verzuim door "
        "ziekte, leefstijl en middelengebruik en bespreek de gezondheidsmonitor.",
        "Medisch advies bij ziekteverzuim, een consult met jongere en ouders en duiding van de "
        "monitorcijfers voor de school.",
        "Via het secretariaat JGZ; spreekuur op school om de week op donderdag.",
    ),
    PersonSpec(
        "jeugdregisseur.demo", "Erik", "Brinkhuis", Function.YOUTH_DIRECTOR, "municipality",
        "074 555 0301",
        "Jeugdregisseur van de gemeente Hengeloo voor de wijk Esrand. Ik zet jeugdhulp in en "
        "houd de regie als meerdere hulpverleners betrokken zijn.",
        "Snel een beschikking voor passende hulp, een keukentafelgesprek en opschalen naar "
        "het SOT als het nodig is.",
        "Elke werkdag bereikbaar; in het kernteam van IKC De Vlinderboom en het Esrand College.",
    ),
    PersonSpec(
        "leerplicht.demo", "Patricia", "Meijerink", Function.TRUANCY_OFFICER, "municipality",
        "074 555 0302",
        "Leerplichtambtenaar en RMC-consulent van de gemeente Hengeloo.",
        "Samen met school, jongere en ouders zoeken naar de oorzaak van verzuim; een melding "
        "na 16 uur ongeoorloofd verzuim in 4 lesweken pak ik binnen een week op.",
        "Maandag tot en met donderdag; in het zorgteam van het Esrand College en het ROC.",
    ),
    PersonSpec(
        "beleid.demo", "Thijs", "Haverkate", Function.POLICY_OFFICER, "municipality",
        "074 555 0303",
        "Beleidsmedewerker jeugd en onderwijs van de gemeente Hengeloo.",
        "Ik kijk naar de schoolprofielen en collectieve signalen, nooit naar individuele "
        "kinderen, en vertaal ze naar preventief aanbod.",
        "Per mail; aanwezig bij de stuurgroep.",
        is_functional_administrator=True,
    ),
    PersonSpec(
        "privacy.demo", "Yvonne", "Stokkers", Function.PRIVACY_OFFICER, "municipality",
        "074 555 0304",
        "Privacy officer en beheerder van het logboek van Schakel voor de gemeente Hengeloo.",
        "Ik controleer wie welke gegevens heeft ingezien, beantwoord inzageverzoeken en "
        "adviseer over het delen van gegevens.",
        "Per mail; antwoord binnen vijf werkdagen.",
        is_log_administrator=True,
    ),
    PersonSpec(
        "poh.demo", "Lieke", "Mensink", Function.GP_MENTAL_HEALTH, "gp", "074 555 0401",
        "Praktijkondersteuner GGZ jeugd van Huisartsenpraktijk De Esch; regelmatig op school.",
        "Kortdurende begeleiding van kinderen en ouders, spelenderwijs en dichtbij, zodat "
        "verwijzing naar specialistische hulp vaak niet nodig is.",
        "Woensdag op IKC De Vlinderboom; andere dagen via de praktijk.",
    ),
    PersonSpec(
        "jongerenwerk.demo", "Mohamed", "el Amrani", Function.YOUTH_WORKER, "welfare",
        "074 555 0501",
        "Jongerenwerker in de wijk Esrand en op het Esrand College.",
        "Laagdrempelig contact met jongeren op school en op straat, groepsgesprekken over "
        "roken, alcohol en drugs, en toeleiding naar hulp als dat nodig is.",
        "In de pauzes op school (dinsdag en vrijdag) en 's avonds in het jongerencentrum.",
    ),
    PersonSpec(
        "zorgcoordinator.demo", "Karin", "Lammerink", Function.CARE_COORDINATOR, "vo_board",
        "074 555 0601",
        "Zorgcoördinator van het Esrand College en het aanspreekpunt van de school.",
        "Ik zit het zorg- en adviesteam voor, verbind mentoren met de partners in het team en "
        "zorg voor een warme overdracht van en naar de basisschool en het mbo.",
        "Elke schooldag tot 16.00 uur; bel de receptie of mail.",
        is_meldcode_officer=True,
    ),
    PersonSpec(
        "mentor.demo", "Daan", "Scholten", Function.MENTOR, "vo_board", "074 555 0602",
        "Mentor van 1 mavo/havo a op het Esrand College.",
        "Ik volg de leerlingen van mijn klas, voer mentorgesprekken en betrek ouders vroeg.",
        "Per mail of via de leerlingadministratie; mentoruur op woensdag.",
    ),
    PersonSpec(
        "mbo.demo", "Ilse", "Hofman", Function.CARE_COORDINATOR, "mbo", "074 555 0701",
        "Coördinator studentondersteuning van ROC Hengeloo - Kappersacademie en het "
        "aanspreekpunt van de school.",
        "Ik organiseer de ondersteuning van studenten en zit het interprofessioneel team voor.",
        "Maandag tot en met donderdag; mail of loop binnen bij het studentenloket.",
    ),
    PersonSpec(
        "smw.demo", "Bart", "Veldkamp", Function.SCHOOL_SOCIAL_WORKER, "welfare",
        "074 555 0502",
        "Schoolmaatschappelijk werker voor het Esrand College en het ROC.",
        "Gesprekken met jongeren en ouders over wat er thuis of met vrienden speelt; "
        "faalangst- en weerbaarheidstrainingen.",
        "Maandag en donderdag op school; anders per telefoon.",
    ),
    PersonSpec(
        "kinderopvang.demo", "Esther", "Pierik", Function.CHILDCARE_WORKER, "childcare",
        "074 555 0801",
        "Pedagogisch medewerker van Kinderopvang Het Speelkwartier, partner in IKC De "
        "Vlinderboom.",
        "Een warme overdracht van het kinderdagverblijf naar groep 1: wat het kind nodig "
        "heeft voor een goede start.",
        "Elke werkdag op de groep; bel tijdens het middagslaapje (13.00-14.30 uur).",
    ),
    PersonSpec(
        "orthopedagoog.demo", "Roos", "Hulshof", Function.ORTHOPEDAGOGUE, "po_board",
        "074 555 0104",
        "Orthopedagoog van Stichting De Boomgaard, in de tweede schil van IKC De Vlinderboom.",
        "Observatie in de klas, onderzoek en handelingsadviezen voor leerkrachten.",
        "Op afspraak via de intern begeleider.",
    ),
    PersonSpec(
        "jeugdbescherming.demo", "Nadia", "Kuipers", Function.CHILD_PROTECTION, "gi",
        "074 555 0901",
        "Jeugdbeschermer (gezinsvoogd) bij Jeugdbescherming Twentestroom.",
        "Bij een ondertoezichtstelling heb ik de regie over het proces; ik meld mij bij de "
        "school en deel begin en einde van de maatregel.",
        "Elke werkdag; bij spoed via het algemene nummer van de GI.",
    ),
]

# The interprofessional teams: school key -> layer -> [(username, role)].
TEAMS: dict[str, dict[TeamLayer, list[tuple[str, str]]]] = {
    "po": {
        TeamLayer.CORE: [
            ("ib.demo", "Voorzitter, aanspreekpunt school"),
            ("jvk.demo", "Jeugdgezondheidszorg"),
            ("jeugdregisseur.demo", "Gemeente, toegang jeugdhulp"),
            ("kinderopvang.demo", "Kinderopvang (IKC-partner), warme overdracht"),
        ],
        TeamLayer.BROAD: [
            ("poh.demo", "POH-GGZ jeugd"),
            ("orthopedagoog.demo", "Orthopedagoog"),
            ("leerkracht.demo", "Leerkracht groep 4"),
            ("leerkracht-groep1.demo", "Leerkracht groep 1"),
            ("leerplicht.demo", "Leerplicht"),
        ],
    },
    "vo": {
        TeamLayer.CORE: [
            ("zorgcoordinator.demo", "Voorzitter, aanspreekpunt school"),
            ("jeugdarts.demo", "Jeugdgezondheidszorg"),
            ("jeugdregisseur.demo", "Gemeente, toegang jeugdhulp"),
            ("leerplicht.demo", "Leerplicht"),
            ("jongerenwerk.demo", "Jongerenwerk"),
        ],
        TeamLayer.BROAD: [
            ("mentor.demo", "Mentor brugklas"),
            ("smw.demo", "Schoolmaatschappelijk werk"),
            ("jeugdbescherming.demo", "Jeugdbescherming (lege stoel)"),
        ],
        TeamLayer.STEERING: [
            ("beleid.demo", "Gemeente, beleid jeugd en onderwijs"),
        ],
    },
    "mbo": {
        TeamLayer.CORE: [
            ("mbo.demo", "Voorzitter, aanspreekpunt school"),
            ("jeugdarts.demo", "Jeugdgezondheidszorg"),
            ("leerplicht.demo", "Leerplicht en RMC"),
            ("smw.demo", "Schoolmaatschappelijk werk"),
        ],
    },
}

CONTACT_POINTS = {"po": "ib.demo", "vo": "zorgcoordinator.demo", "mbo": "mbo.demo"}

TEAM_NAMES = {
    TeamLayer.CORE: "Kernteam {school}",
    TeamLayer.BROAD: "Breder team {school}",
    TeamLayer.STEERING: "Stuurgroep {school}",
}


def _user_load(spec: PersonSpec) -> User:
    user, created = User.objects.update_or_create(
        username=spec.username,
        defaults={"first_name": spec.first_name, "last_name": spec.last_name,
                  "email": spec.email, "is_active": True},
    )
    if created or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def professionals_load(organisations: dict[str, Organisation]) -> dict[str, Professional]:
    """username -> Professional, with their user and visitekaartje."""
    professionals = {}
    for spec in PEOPLE:
        user = _user_load(spec)
        professionals[spec.username], _created = Professional.objects.update_or_create(
            user=user,
            defaults={
                "organisation": organisations[spec.organisation], "function": spec.function,
                "full_name": spec.full_name, "email": spec.email, "phone": spec.phone,
                "what_i_do": spec.what_i_do, "what_to_expect": spec.what_to_expect,
                "how_to_reach": spec.how_to_reach,
                "is_log_administrator": spec.is_log_administrator,
                "is_functional_administrator": spec.is_functional_administrator,
                "is_meldcode_officer": spec.is_meldcode_officer,
            },
        )
    return professionals


def teams_load(schools: dict[str, School], professionals: dict[str, Professional]) -> None:
    for key, username in CONTACT_POINTS.items():
        school = schools[key]
        if school.contact_point_id != professionals[username].pk:
            school.contact_point = professionals[username]
            school.save(update_fields=["contact_point"])
    since = school_year_start(timezone.localdate())  # members since this school year began
    for key, layers in TEAMS.items():
        school = schools[key]
        for layer, members in layers.items():
            team, _created = Team.objects.update_or_create(
                school=school, layer=layer,
                defaults={"name": TEAM_NAMES[layer].format(school=school.name)})
            for username, role in members:
                TeamMembership.objects.update_or_create(
                    team=team, professional=professionals[username], end_date=None,
                    defaults={"role": role},
                    create_defaults={"role": role, "start_date": since})
