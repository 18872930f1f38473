"""The taart van ambities (seed 004 Bijlage F): seven steps, worked "van buiten naar binnen"
— step 1 is written in the outermost ring of the cake, each next step one ring further in,
step 7 (the first step to take now) in the centre. A note of a session belongs to the ring of
its step. Step 5 asks each participant for a mark for the collaboration (1-10); step 7 asks
each participant for their own first action ("iedereen is partner en kan dus een actie voor
zichzelf formuleren"), which becomes a decision of the team's meeting."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

SCORE_MIN, SCORE_MAX = 1, 10


class Ring(models.IntegerChoices):
    """The step of Bijlage F, which is also its ring: 1 the outermost, 7 the centre."""

    INTRODUCTION = 1, _("1. Getting acquainted")
    FACTSHEETS = 2, _("2. Factsheets")
    GOES_WELL = 3, _("3. What goes well?")
    COULD_BE_BETTER = 4, _("4. What could be better?")
    MY_WISH = 5, _("5. What is my wish?")
    SHARED_WISH = 6, _("6. Formulate a shared wish")
    AND_NOW = 7, _("7. And now")


@dataclass(frozen=True)
class StepGuide:
    ring: Ring
    questions: tuple[Promise, ...]


# The guiding questions of each step, from Bijlage F.
GUIDES: tuple[StepGuide, ...] = (
    StepGuide(Ring.INTRODUCTION, (_("Who are you?"), _("What is your role?"),
                                  _("What is your first impression of the afternoon?"))),
    StepGuide(Ring.FACTSHEETS, (_("What strikes you, positive or negative?"),
                                _("Do you recognise the picture?"))),
    StepGuide(Ring.GOES_WELL, (
        _("What are you satisfied with in the collaboration?"),
        _("What are you proud of in the collaboration?"),
        _("What makes it work?"), _("Whom do you contact first?"))),
    StepGuide(Ring.COULD_BE_BETTER, (
        _("Is the child, pupil or parent always present at a conversation about the child?"),
        _("Whom do you miss in the collaboration around the pupil?"),
        _("Is the support always aimed at the future (or only at the here and now)?"),
        _("Is the support aimed at the various areas of life (school, home, sports clubs)?"))),
    StepGuide(Ring.MY_WISH, (
        _("If you had to give the collaboration a mark, what would have changed if it rose "
          "by one point?"),)),
    StepGuide(Ring.SHARED_WISH, (_("Who are involved?"), _("How and when do you work "
                                                           "together?"))),
    StepGuide(Ring.AND_NOW, (
        _("What is the first step that can be taken now, and what will you do for it "
          "yourself?"),)),
)
