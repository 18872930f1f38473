"""The questions of seed 004 Bijlage B ("Verdieping school - klas - kindniveau"): the guide for
the kernteam's collective work on each level. English msgids, like the afwegingskader's
questions (`meldcode/steps.py`); the Dutch catalogue holds the seed's own wording."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class GuideLevel:
    key: str
    title: Promise
    questions: tuple[Promise, ...]


GUIDE: tuple[GuideLevel, ...] = (
    GuideLevel("child", _("Child level"), (
        _("How do we work together on a child's need for support?"),
        _("How do we share with each other when there are concerns (from various "
          "professionals)?"),
        _("Does the support form one whole, at school and at home?"),
        _("How is the support that comes first (voorliggende ondersteuning) organised?"),
        _("What does the environment need to facilitate the need for support?"),
        _("Can the care come to the child instead of the child to the care?"),
        _("How do we organise a shared responsibility in which we can quickly deploy the "
          "support needed?"),
        _("How do we help the parent to take the regie?"),
        _("To whom can you escalate when you cannot work it out?"),
        _("Who keeps the overview and brings those involved together if need be?"),
    )),
    GuideLevel("class", _("Class level"), (
        _("What stands out in certain classes? Can and should we do something about it?"),
        _("Does the teacher have enough tools to offer the right support in these striking "
          "themes, or are further training, extra support and knowledge needed?"),
        _("What are the dynamics between the pupils in the class?"),
    )),
    GuideLevel("school", _("School level"), (
        _("What stands out in the school? Can and should we do something with it, preventive "
          "versus curative? Support that comes first versus specialist help;"),
        _("Do the professionals have enough tools to offer the right support in these "
          "striking themes? Are further training, extra support, knowledge needed?"),
        _("What is the climate for learning and living like?"),
        _("How do we work on prevention around the support needs of the population? Think of "
          "next steps in prevention: training on themes for the whole school or several "
          "schools, given by the professionals of the interprofessional team (care "
          "providers, youth workers, youth police, etc.)."),
    )),
)

# The four steps of the matrix (seed 004 §3.3 e), shown above its parts.
STEPS: tuple[Promise, ...] = (
    _("Decide together on the top 12 of desired situations and of the most common problems."),
    _("Take stock of everything the sectors already offer in prevention on the three levels "
      "of the prevention pyramid."),
    _("Set a shared ambition and approach: what, how, who."),
    _("Make agreements on regie. What is needed to keep the overview? Which agreements do we "
      "make to safeguard quality and effectiveness?"),
)
