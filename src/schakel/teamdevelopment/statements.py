"""The texts the team answers, as data (seed 004, "Handreiking interprofessionele teams
Twente"): the nulmeting statements of §3.2 ("In kaart brengen van de samenwerking - het
interprofessioneel team") and the aspects of the table in §2.2 ("Het verschil tussen MDO en
interprofessioneel werken"), each with the column of a multidisciplinary team (MDO) and of
interprofessional work (IPW). English msgids, translated to the seed's Dutch wording in the
catalogue, as the afwegingskader's questions in `meldcode/steps.py`.

`code` is what an answer stores: it never changes once answers exist; a new text gets a new
code. The scales are Schakel's choice (the seed gives the statements, not a scale): five
points of agreement for the nulmeting, and for each aspect whether it holds in our team (no /
sometimes or possibly / yes), the words of the §2.2 table, where interprofessional work says
"yes" to every aspect."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Questionnaire(models.TextChoices):
    BASELINE = "baseline", _("Baseline of the collaboration (nulmeting)")
    MDO_IPW = "mdo_ipw", _("From MDO to interprofessional work")


@dataclass(frozen=True)
class Item:
    code: str
    text: Promise


@dataclass(frozen=True)
class Aspect(Item):
    mdo: Promise  # the MDO column of the §2.2 table
    ipw: Promise  # the IPW column: "yes" throughout


@dataclass(frozen=True)
class Option:
    value: int
    label: Promise | str


# Seed 004 §3.2, "Het interprofessioneel team:" (the seven statements, in the seed's order).
BASELINE_STATEMENTS: tuple[Item, ...] = (
    Item("know_members", _("I know the members of the team.")),
    Item("know_expertise", _("I know what my colleague's function involves and what I can "
                             "expect of their expertise.")),
    Item("mandate", _("I have the mandate to deploy the support that is needed.")),
    Item("complement_plan", _("As a team we complement each other in drawing up the support "
                              "plan.")),
    Item("meet_regularly", _("I meet the team on a regular basis.")),
    Item("know_contacts", _("I know who the contact points are of the various organisations "
                            "involved around the school.")),
    Item("whole_system", _("As a whole team we look at the system and the various areas of "
                           "life.")),
)

YES, SOMETIMES, NO = _("Yes"), _("Sometimes"), _("No")
POSSIBLY = _("Possibly")

# Seed 004 §2.2, the table "Aspect - Multidisciplinair - Interprofessioneel werken".
MDO_IPW_ASPECTS: tuple[Aspect, ...] = (
    Aspect("disciplines", _("Several disciplines involved in the support"), YES, YES),
    Aspect("meetings", _("Consultation and meetings"), SOMETIMES, YES),
    Aspect("shared_vision", _("A shared vision at school, class and child level"),
           POSSIBLY, YES),
    Aspect("equality", _("Equality of the disciplines"), POSSIBLY, YES),
    Aspect("joint_plan", _("A joint support plan at school, class and child level"), NO, YES),
    Aspect("task_division", _("Agreements on the division of tasks"), POSSIBLY, YES),
    Aspect("know_fields", _("Knowledge of each other's field"), POSSIBLY, YES),
    Aspect("holistic", _("A holistic approach"), NO, YES),
    Aspect("one_contact", _("One contact point at the organisations"), NO, YES),
    Aspect("joint_responsibility", _("Joint responsibility"), POSSIBLY, YES),
    Aspect("all_life_areas", _("All areas of life matter"), POSSIBLY, YES),
    Aspect("parents_partners", _("Parents are seen as partners"), POSSIBLY, YES),
)

AGREEMENT_SCALE: tuple[Option, ...] = (
    Option(1, _("Strongly disagree")),
    Option(2, _("Disagree")),
    Option(3, _("Neither agree nor disagree")),
    Option(4, _("Agree")),
    Option(5, _("Strongly agree")),
)

# "In our team this aspect holds": 1 no, 2 sometimes or possibly, 3 yes (as in IPW).
PRESENCE_SCALE: tuple[Option, ...] = (
    Option(1, _("No")),
    Option(2, _("Sometimes or possibly")),
    Option(3, _("Yes")),
)

ITEMS: dict[str, tuple[Item, ...]] = {
    Questionnaire.BASELINE: BASELINE_STATEMENTS,
    Questionnaire.MDO_IPW: MDO_IPW_ASPECTS,
}
SCALES: dict[str, tuple[Option, ...]] = {
    Questionnaire.BASELINE: AGREEMENT_SCALE,
    Questionnaire.MDO_IPW: PRESENCE_SCALE,
}


def items_of(questionnaire: str) -> tuple[Item, ...]:
    return ITEMS[Questionnaire(questionnaire)]


def scale_of(questionnaire: str) -> tuple[Option, ...]:
    return SCALES[Questionnaire(questionnaire)]
