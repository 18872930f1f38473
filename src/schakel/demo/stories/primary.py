"""Seed 004 at IKC De Vlinderboom: Bas's fights on the playground (a case with the youth
nurse as regiehouder and the POH involved) and Sara's start in groep 1 after the warm
hand-over from day care. Everything goes through the services."""

from __future__ import annotations

import datetime as dt

from schakel.access import policy
from schakel.cases.models import AgreementStatus, Case
from schakel.cases.services import plan
from schakel.cases.services.lifecycle import case_involve, case_open, case_set_coordinator
from schakel.children.models import Guardianship
from schakel.consent.models import ConsentMethod, InformationCategory
from schakel.consent.services import consent_record
from schakel.demo.stories.common import Cast, backdate, theme
from schakel.signals.models import Signal, SignalLevel, SignalStatus
from schakel.signals.services import signal_raise, signal_set_status

BAS_CASE_TITLE = "Bas: ruzie op het schoolplein en zorgen thuis"

BAS_SIGNAL = (
    "Bas maakt de laatste tijd veel ruzie met andere kinderen op het schoolplein. Af en toe "
    "slaat en schopt hij klasgenoten. Hij is hiervoor bestraft, maar het gedrag houdt aan. "
    "Besproken met ouders: zij vinden het heel vervelend maar herkennen het thuis niet."
)
BAS_HOME_SIGNAL = (
    "In het kernteam: ouders gaven aan misschien niet zoveel oog te hebben voor Bas, omdat de "
    "ziekenhuisbezoeken van moeder veel aandacht vragen. Het gedrag op school kan een relatie "
    "hebben met de zorgen thuis rond moeder."
)

BAS_PLAN = {
    0: "Betrokken: ouders (Ingrid en Marco Twente), Bas, leerkracht groep 4 (Jeroen Kamphuis), "
       "intern begeleider (Anouk Bosman), jeugdverpleegkundige (Marieke ter Horst, "
       "regiehouder) en de POH-GGZ (Lieke Mensink). Samen ingevuld met ouders; iedereen heeft "
       "een kopie ontvangen.",
    1: "Bas maakt sinds enkele maanden ruzie op het schoolplein en slaat of schopt soms "
       "klasgenoten. Bestraffen helpt niet. Ouders herkennen het thuis niet; de "
       "ziekenhuisbezoeken van moeder vragen veel aandacht. We starten omdat het gedrag "
       "aanhoudt en mogelijk samenhangt met de zorgen thuis.",
    2: "Bronnen: observaties van de leerkracht in de klas en op het plein, het gesprek met "
       "ouders, het JGZ-dossier en een gesprek met Bas. Wat ontbreekt: hoe Bas de ziekte van "
       "moeder beleeft; de POH verkent dit spelenderwijs. Ouders gaven toestemming om te delen "
       "tussen school, JGZ en huisartsenpraktijk.",
    3: "Bas speelt op het plein zonder te slaan of te schoppen en weet bij wie hij terecht kan "
       "als het thuis zwaar is. Ouders voelen zich gesteund in de drukke periode rond de "
       "behandeling van moeder. Nodig: leerkracht, POH, jeugdverpleegkundige en ouders samen.",
    4: "In plaats van bestraffen ondersteunt de leerkracht Bas meteen bij lastig gedrag "
       "(time-in). De POH begeleidt Bas zes keer spelenderwijs op school. De "
       "jeugdverpleegkundige is regiehouder en vaste contactpersoon voor ouders. Wat we nog "
       "missen: mogelijk steun thuis tijdens de behandeling van moeder (mantelzorgondersteuning); "
       "dit bespreken we bij de evaluatie.",
}

BAS_ADVICE = (
    "Benoem direct wat goed gaat, ook kleine dingen op het plein. Geef Bas in de pauze een "
    "vaste taak (bijvoorbeeld het spelmateriaal uitdelen) en een vaste plek om naartoe te gaan "
    "als het te veel wordt. Merk je spanning op, ga dan naast hem staan en haal hem even apart "
    "(time-in in plaats van time-out). Houd bij binnenkomst een kort praatje: hoe gaat het "
    "thuis? Bestraf niet na afloop, maar bespreek samen wat hij de volgende keer kan doen."
)

SARA_HANDOVER = (
    "Warme overdracht vanuit het kinderdagverblijf: Sara vindt het lastig om met nieuwe "
    "situaties om te gaan; veranderingen zorgen voor stress. Ingebracht in het "
    "interprofessioneel team om samen een goede start in groep 1 voor te bereiden: wenmomenten "
    "vooraf, een vaste juf als aanspreekpunt en een rustige plek in de klas."
)
SARA_PLAYGROUND = (
    "Sara heeft het naar haar zin in groep 1 en maakt een goede start. Speelafspraken maken "
    "lukt haar niet; ze staat regelmatig in haar eentje op het schoolplein. Individuele "
    "opdrachtjes in de klas gaan heel goed, samenwerken doet ze liever niet. IB'er en "
    "leerkracht willen de jeugdverpleegkundige uitnodigen om hierover met ouders op school in "
    "gesprek te gaan."
)


def _bas_signals(cast: Cast) -> list[Signal]:
    school = cast.places.schools["po"]
    bas = cast.children["bas"]
    behaviour = signal_raise(
        actor=cast.actor("leerkracht.demo"), level=SignalLevel.CHILD, school=school,
        theme=theme("gedrag"), description=BAS_SIGNAL, child=bas)
    backdate(behaviour, raised_at=cast.moment(42, 15))
    home = signal_raise(
        actor=cast.actor("jvk.demo"), level=SignalLevel.CHILD, school=school,
        theme=theme("thuissituatie"), description=BAS_HOME_SIGNAL, child=bas,
        observed_outside_school=True)
    backdate(home, raised_at=cast.moment(38, 9))
    return [behaviour, home]


def _bas_consents(cast: Cast) -> None:
    """At the first talk both parents agreed, in writing, that school, JGZ and the GP practice
    share what they know about Bas (plan step 2). Recorded by the IB'er, whose school holds
    the file; without it the nurse and the POH could not read the case."""
    bas = cast.children["bas"]
    custodians = policy.custody_on(bas, cast.days_ago(34)).guardian_ids
    parents = [g.guardian for g in Guardianship.objects.filter(
        child=bas, guardian_id__in=custodians).select_related("guardian")]
    for key in ("po_board", "ggd", "gp"):
        consent_record(
            actor=cast.actor("ib.demo"), child=bas,
            organisation=cast.places.organisations[key], category=InformationCategory.CARE,
            purpose="Samen één plan voor Bas: afstemmen tussen school, JGZ en huisartsenpraktijk",
            method=ConsentMethod.WRITTEN, given_at=cast.days_ago(34), guardians=parents)


def _bas_team(cast: Cast, case: Case) -> None:
    ib, jvk = cast.actor("ib.demo"), cast.actor("jvk.demo")
    case_involve(
        actor=ib, case=case, professional=cast.professionals["jvk.demo"],
        part="Jeugdverpleegkundige: gesprek met ouders, zicht op de thuissituatie; "
             "regiehouder en vaste contactpersoon voor ouders",
        start_date=cast.days_ago(35))
    case_set_coordinator(actor=ib, case=case, professional=cast.professionals["jvk.demo"])
    _bas_consents(cast)
    case_involve(
        actor=jvk, case=case, professional=cast.professionals["leerkracht.demo"],
        part="Leerkracht groep 4: ondersteunt Bas direct bij lastig gedrag in klas en op het "
             "plein", start_date=cast.days_ago(28))
    case_involve(
        actor=jvk, case=case, professional=cast.professionals["poh.demo"],
        part="POH-GGZ: begeleidt Bas spelenderwijs bij het omzetten van zijn gedrag, op school",
        start_date=cast.days_ago(21))


def _bas_plan(cast: Cast, case: Case) -> None:
    ib, jvk = cast.actor("ib.demo"), cast.actor("jvk.demo")
    consultation = plan.consultation_record(
        actor=ib, case=case,
        signals_seen="Ruzie, slaan en schoppen op het schoolplein (leerkracht); zorgen thuis "
                     "rond de ziekenhuisbezoeken van moeder (ouders, jeugdverpleegkundige).",
        already_started="Bestraffen (time-out, nablijven): geen verbetering. Gesprek van de "
                        "leerkracht met ouders.",
        wisdom="Het gedrag kan samenhangen met de zorgen thuis. Niet bestraffen maar direct "
               "ondersteunen; samen met ouders, leerkracht en Bas in gesprek.",
        who_takes_role="De jeugdverpleegkundige wordt regiehouder en gaat met ouders in "
                       "gesprek; de IB'er ondersteunt de leerkracht; de POH wordt gevraagd.",
    )
    backdate(consultation, recorded_at=cast.moment(34, 14))
    filled = {0: ("ib.demo", 33), 1: ("ib.demo", 33), 2: ("jvk.demo", 28),
              3: ("jvk.demo", 21), 4: ("jvk.demo", 21)}
    for step, content in BAS_PLAN.items():
        username, days = filled[step]
        entry = plan.plan_step_save(
            actor=cast.actor(username), case=case, step=step, content=content,
            consensus=True if step == 3 else None)
        backdate(entry, filled_in_at=cast.moment(days, 16))
    for description, provider, start, end, effect in (
        ("Bestraffen bij slaan en schoppen (time-out, nablijven)", "IKC De Vlinderboom",
         70, 36, "Geen verbetering; het gedrag houdt aan."),
        ("Directe ondersteuning door de leerkracht bij lastig gedrag (time-in)",
         "IKC De Vlinderboom", 28, None, "Minder incidenten in de klas; op het plein nog lastig."),
        ("Spelenderwijs gedragsbegeleiding op school", "Huisartsenpraktijk De Esch (POH-GGZ)",
         14, None, ""),
    ):
        plan.intervention_record(
            actor=jvk, case=case, description=description, provider=provider,
            start_date=cast.days_ago(start),
            end_date=cast.days_ago(end) if end is not None else None, effect=effect)
    advice = plan.classroom_advice_give(
        actor=cast.actor("poh.demo"), case=case, advice=BAS_ADVICE)
    backdate(advice, given_at=cast.moment(10, 13))


def _bas_agreements(cast: Cast, case: Case) -> None:
    jvk = cast.actor("jvk.demo")
    p = cast.professionals
    talk = plan.agreement_create(
        actor=jvk, case=case, owner=p["jvk.demo"], due_date=cast.today,
        description="Gesprek met ouders, leerkracht en Bas over een andere aanpak dan "
                    "bestraffen")
    backdate(talk, due_date=cast.days_ago(26), created_at=cast.moment(33, 16))
    plan.agreement_set_status(actor=jvk, agreement=talk, status=AgreementStatus.DONE)
    backdate(talk, completed_at=cast.moment(27, 11))
    inform = plan.agreement_create(
        actor=jvk, case=case, owner=p["ib.demo"], due_date=cast.today,
        description="Ouders schriftelijk informeren over de inzet van de POH op school en hun "
                    "toestemming vastleggen")
    backdate(inform, due_date=cast.days_ago(4), created_at=cast.moment(21, 16))  # overdue
    for owner, days, provisional, description in (
        ("leerkracht.demo", 28, False,
         "Elke ochtend een kort contactmoment bij binnenkomst; bij lastig gedrag direct naast "
         "Bas staan"),
        ("poh.demo", 35, True,
         "Zes sessies spelenderwijze begeleiding op school en terugkoppeling in het kernteam"),
        ("jvk.demo", 14, False,
         "Evaluatie (stap 6) plannen met ouders, leerkracht en POH"),
    ):
        agreement = plan.agreement_create(
            actor=jvk, case=case, owner=p[owner], due_date=cast.today + dt.timedelta(days=days),
            is_provisional=provisional, description=description)
        backdate(agreement, created_at=cast.moment(21, 16))


def bas_story(cast: Cast) -> Case:
    existing = Case.objects.filter(child=cast.children["bas"], title=BAS_CASE_TITLE).first()
    if existing is not None:
        return existing
    signals = _bas_signals(cast)
    case = case_open(
        actor=cast.actor("ib.demo"), school=cast.places.schools["po"], title=BAS_CASE_TITLE,
        child=cast.children["bas"], signals=signals,
        part="Intern begeleider: aanspreekpunt van de school, brengt de zorgen in het kernteam")
    backdate(case, opened_at=cast.moment(35, 11))
    case.involvements.filter(professional=cast.professionals["ib.demo"]).update(
        start_date=cast.days_ago(35))
    _bas_team(cast, case)
    _bas_plan(cast, case)
    _bas_agreements(cast, case)
    case.refresh_from_db()  # the services changed it through their own locked copies
    return case


def sara_story(cast: Cast) -> None:
    sara = cast.children["sara"]
    if Signal.objects.filter(child=sara, description=SARA_HANDOVER).exists():
        return
    school = cast.places.schools["po"]
    handover = signal_raise(
        actor=cast.actor("kinderopvang.demo"), level=SignalLevel.CHILD, school=school,
        theme=theme("welbevinden"), description=SARA_HANDOVER, child=sara,
        observed_outside_school=True)
    backdate(handover, raised_at=cast.moment(120, 10))
    signal_set_status(actor=cast.actor("ib.demo"), signal=handover,
                      status=SignalStatus.DISCUSSED)
    playground = signal_raise(
        actor=cast.actor("leerkracht-groep1.demo"), level=SignalLevel.CHILD, school=school,
        theme=theme("sociale-relaties"), description=SARA_PLAYGROUND, child=sara)
    backdate(playground, raised_at=cast.moment(6, 15))
