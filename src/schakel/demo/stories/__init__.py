"""The stories of seed 004, told through the services so that the access log is real."""

from __future__ import annotations

from schakel.cases.models import Case
from schakel.children.models import Child
from schakel.demo.stories.attachments import attachments_story
from schakel.demo.stories.common import Cast
from schakel.demo.stories.custody import jayden_story
from schakel.demo.stories.meetings import kernteam_story, mdo_story
from schakel.demo.stories.meldcode import meldcode_story
from schakel.demo.stories.notes import notes_story
from schakel.demo.stories.primary import bas_story, sara_story
from schakel.demo.stories.secondary import (
    drugs_story,
    dylan_emergency_story,
    dylan_story,
    lotte_story,
    overweight_story,
    tina_story,
)
from schakel.demo.stories.tina import tina_case_story
from schakel.demo.stories.triage import triage_story

__all__ = ["Cast", "stories_load"]


def stories_load(cast: Cast, dylan: Child, jayden: Child) -> Case:
    """Each story checks whether it was told before, so loading twice changes nothing.
    Returns Bas's case, the centre of the demo."""
    bas_case = bas_story(cast)
    sara_story(cast)
    tina_story(cast)
    drugs_story(cast)
    overweight_story(cast)
    dylan_story(cast, dylan)
    dylan_emergency_story(cast, dylan)
    lotte_story(cast)
    jayden_story(cast, jayden)
    kernteam_story(cast, bas_case)
    mdo_story(cast, bas_case)
    notes_story(cast, bas_case)
    tina_case = tina_case_story(cast)
    attachments_story(cast, bas_case, tina_case)
    meldcode_story(cast, tina_case)
    triage_story(cast)
    return bas_case
