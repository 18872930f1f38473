"""Tina's file (seed 004): the zorgcoördinator of the Esrand College opens a case from the
mentor's signal about her lateness and the mother's worry about the smell of weed; the mentor
is involved, they fill the first steps of the plan, the mentor talks with Tina and her
parents (a conversation note, shared with them in the portal) and the zorgcoördinator talks
with Tina alone (a care note). The school's letter to the parents is attached to the mentor's
note (`attachments_story`), and the mentor walks the Meldcode route (`meldcode_story`)."""

from __future__ import annotations

from schakel.cases.models import Case
from schakel.cases.services import plan
from schakel.cases.services.lifecycle import case_involve, case_open, case_set_coordinator
from schakel.consent.models import InformationCategory
from schakel.demo.stories.common import Cast, backdate
from schakel.notes.models import NoteKind
from schakel.notes.services import note_write
from schakel.signals.models import Signal

TINA_CASE_TITLE = "Tina: te laat, aansluiting in de klas en zorgen thuis"
TINA_PARENTS_NOTE = (
    "Gesprek met Tina en haar ouders op school. Tina vertelt dat ze 's ochtends moeilijk op "
    "gang komt en dat ze zich in de klas nog niet thuis voelt. Moeder maakt zich zorgen over "
    "de vriendengroep buiten school. Afgesproken: Tina meldt zich een maand lang elke ochtend "
    "om 8.25 uur bij de mentor; over vier weken evalueren we samen.")
TINA_ALONE_NOTE = (
    "Gesprek met Tina alleen. Ze wil er graag bij horen en gaat sinds kort om met oudere "
    "jongeren uit de wijk. Over blowen wil ze nog niet veel zeggen. Ze staat open voor een "
    "gesprek met de jongerenwerker op school.")
PLAN = {
    1: "Tina komt vaak te laat in het eerste uur en vindt moeilijk aansluiting in de klas. "
       "Moeder ruikt af en toe een wietgeur. We starten omdat het sinds de zomer aanhoudt.",
    2: "Verzuimregistratie, observaties van de mentor en een gesprek met Tina en haar ouders.",
}


def tina_case_story(cast: Cast) -> Case:
    tina = cast.children["tina"]
    existing = Case.objects.filter(child=tina, title=TINA_CASE_TITLE).first()
    if existing is not None:
        return existing
    coordinator = cast.actor("zorgcoordinator.demo")
    mentor = cast.actor("mentor.demo")
    signals = list(Signal.objects.filter(child=tina).order_by("raised_at"))
    case = case_open(actor=coordinator, school=cast.places.schools["vo"], title=TINA_CASE_TITLE,
                     child=tina, signals=signals,
                     part="Zorgcoördinator: aanspreekpunt van de school")
    backdate(case, opened_at=cast.moment(8, 15))
    case_involve(actor=coordinator, case=case, professional=cast.professionals["mentor.demo"],
                 part="Mentor brugklas: dagelijks contact met Tina en haar ouders",
                 start_date=cast.days_ago(8))
    case_set_coordinator(actor=coordinator, case=case,
                         professional=cast.professionals["zorgcoordinator.demo"])
    for step, content in PLAN.items():
        plan.plan_step_save(actor=coordinator, case=case, step=step, content=content)
    plan.agreement_create(
        actor=coordinator, case=case, owner=cast.professionals["mentor.demo"],
        due_date=cast.days_ago(-28),
        description="Elke ochtend om 8.25 uur melden bij de mentor; over vier weken evalueren")
    note_write(
        actor=mentor, case=case, kind=NoteKind.PARENTS, held_on=cast.days_ago(6),
        participants="Tina, moeder, vader, mentor", text=TINA_PARENTS_NOTE,
        category=InformationCategory.SCHOOL, shared_with_parents=True)
    note_write(
        actor=coordinator, case=case, kind=NoteKind.CHILD, held_on=cast.days_ago(4),
        participants="Tina, zorgcoördinator", text=TINA_ALONE_NOTE,
        category=InformationCategory.CARE)
    return case
