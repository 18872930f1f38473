"""Tina's Meldcode route (docs/meldcode.md): her mentor worries after she tells him about
shouting at home and he sees a bruise; he walks the five steps with the zorgcoördinator as
aandachtsfunctionaris. The weighing finds no acute or structural unsafety, so help is
organised and nothing is reported. Only the mentor and the aandachtsfunctionaris see the
route (and a privacy officer of the school board: the demo's privacy officer works for the
municipality, so she does not)."""

from __future__ import annotations

from schakel.cases.models import Case
from schakel.demo.meldcode import demo_meldcode_route_finished
from schakel.demo.stories.common import Cast
from schakel.meldcode.models import RouteStep

TINA_FINDINGS: dict[int, str] = {
    RouteStep.SIGNALS: (
        "Tina komt vaak te laat en is moe. Ze vertelde na de mentorles dat er thuis veel "
        "geschreeuwd wordt sinds haar vader zijn werk kwijt is. Vorige week zag de gymdocent "
        "een blauwe plek op haar bovenarm; Tina zei dat die van hockey kwam. Signalen "
        "genoteerd met datum en wie ze zag (mentor, gymdocent)."),
    RouteStep.CONSULTATION: (
        "Collegiale consultatie met de zorgcoördinator, aandachtsfunctionaris. Samen de "
        "signalen gewogen; Veilig Thuis raadplegen vinden we nu niet nodig, wel snel een "
        "gesprek met ouders en met Tina."),
    RouteStep.CONVERSATION: (
        "Gesprek met vader en moeder, daarna apart met Tina. Ouders erkennen dat er thuis "
        "spanning is en dat ze vaker ruzie hebben; er wordt niet geslagen. Tina bevestigt "
        "dat; de blauwe plek is van een hockeywedstrijd (de trainer weet ervan). Ze voelt "
        "zich thuis veilig, maar wil even weg van de ruzies."),
    RouteStep.WEIGHING: (
        "Afwegingskader doorlopen met de aandachtsfunctionaris: geen acute of structurele "
        "onveiligheid; ouders willen hulp bij de spanning thuis."),
    RouteStep.DECISION: (
        "Hulp georganiseerd: opvoedondersteuning via het wijkteam (jeugdregisseur), een "
        "gesprek van Tina met de jongerenwerker op school en elke ochtend contact met de "
        "mentor. Niet gemeld. Over zes weken evalueren we met ouders en Tina."),
}


def meldcode_story(cast: Cast, tina_case: Case) -> None:
    demo_meldcode_route_finished(
        case=tina_case, runner=cast.professionals["mentor.demo"],
        officer=cast.professionals["zorgcoordinator.demo"], veilig_thuis=None, report=False,
        findings=TINA_FINDINGS, days_ago=(7, 7, 6, 3, 2))
