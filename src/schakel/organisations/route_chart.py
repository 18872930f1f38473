"""The route of a school as a flow chart (seed 000: "een visual of stroomschema: hoe lopen
routes, met wie en hoe kom je in contact"): signal, first contact, core team, broader team
and partners, escalation. The steps are built once from the route page's data; the page shows
them as an SVG drawn here (laid out on the server: no JavaScript, no library) and as an
ordered list, the chart's text equivalent (WCAG 2.1, 1.1.1)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from django.utils.translation import gettext as _, ngettext

from schakel.organisations.selectors import SchoolRoute
from schakel.teams.models import TeamLayer


@dataclass(frozen=True)
class RouteStep:
    title: str
    lines: tuple[str, ...]


def _join(names: list[str]) -> str:
    return ", ".join(names)


def route_steps(route: SchoolRoute) -> list[RouteStep]:
    """The route from a worry to escalation, in the words of the route page."""
    school = route.school
    contact = school.contact_point
    if contact is None:
        first = (_("No contact point named yet: ask the school's management."),)
    else:
        first = (f"{contact.full_name}, {contact.get_function_display()}",
                 *((_("Phone %(phone)s") % {"phone": contact.phone},) if contact.phone else ()))

    core = route.team_of(TeamLayer.CORE)
    if core is None:
        core_lines: tuple[str, ...] = (_("No core team in Schakel yet."),)
    else:
        functions = sorted({m.professional.get_function_display() for m in core.members})
        core_lines = (core.team.name, ngettext(
            "%(count)d member: %(functions)s", "%(count)d members: %(functions)s",
            len(core.members)) % {"count": len(core.members), "functions": _join(functions)},
            _("Discusses the worry with the parents and agrees who does what."))

    broad = route.team_of(TeamLayer.BROAD)
    partner_names = [p.organisation.name for p in route.partners_in_teams]
    partner_names += [p.name for p in route.partners if p.name not in partner_names]
    broad_lines = tuple(
        ([broad.team.name] if broad else [])
        + ([_("Partners: %(names)s") % {"names": _join(partner_names)}] if partner_names
           else [_("No partner organisations named yet.")]))

    steering = route.team_of(TeamLayer.STEERING)
    escalation_lines = (
        _("If the team gets stuck, escalate the case to: %(levels)s")
        % {"levels": _join(route.escalation_levels)},
        *((_("Steering group: %(name)s") % {"name": steering.team.name},) if steering else ()))

    return [
        RouteStep(_("Signal"), (_("Someone is worried about a child or young person: a "
                                  "teacher or mentor, a parent, the young person or a "
                                  "partner."),)),
        RouteStep(_("First contact"), first),
        RouteStep(_("Core team"), core_lines),
        RouteStep(_("Broader team and partners"), broad_lines),
        RouteStep(_("Escalation"), escalation_lines),
    ]


# Layout in the units of the viewBox: 340 wide, so that at 100% width one unit is about a
# CSS pixel on a 375 px phone and the text stays readable there.
WIDTH = 340
MARGIN = 8
PADDING = 12
TITLE_SIZE, TITLE_LINE, TITLE_CHARS = 15, 20, 32
TEXT_SIZE, TEXT_LINE, TEXT_CHARS = 13, 18, 40
GAP = 30  # between two boxes, for the arrow


@dataclass(frozen=True)
class ChartLine:
    text: str
    y: int
    is_title: bool


@dataclass(frozen=True)
class ChartBox:
    y: int
    height: int
    lines: list[ChartLine]


@dataclass(frozen=True)
class ChartArrow:
    y1: int
    y2: int


@dataclass(frozen=True)
class RouteChart:
    width: int
    height: int
    boxes: list[ChartBox]
    arrows: list[ChartArrow]
    box_x: int = MARGIN
    box_width: int = WIDTH - 2 * MARGIN
    text_x: int = MARGIN + PADDING
    centre_x: int = WIDTH // 2
    title_size: int = TITLE_SIZE
    text_size: int = TEXT_SIZE


def _wrap(text: str, chars: int) -> list[str]:
    # Long words (an e-mail address) stay whole rather than break in the middle.
    return textwrap.wrap(text, chars, break_long_words=False, break_on_hyphens=False) or [""]


def route_chart(steps: list[RouteStep]) -> RouteChart:
    """Boxes one under the other, each step numbered as in the list, arrows between them."""
    boxes: list[ChartBox] = []
    arrows: list[ChartArrow] = []
    y = MARGIN
    for number, step in enumerate(steps, start=1):
        if boxes:
            arrows.append(ChartArrow(y1=y - GAP, y2=y - 2))
        lines: list[ChartLine] = []
        baseline = y + PADDING + TITLE_SIZE
        for text in _wrap(f"{number}. {step.title}", TITLE_CHARS):
            lines.append(ChartLine(text=text, y=baseline, is_title=True))
            baseline += TITLE_LINE
        for detail in step.lines:
            for text in _wrap(detail, TEXT_CHARS):
                lines.append(ChartLine(text=text, y=baseline, is_title=False))
                baseline += TEXT_LINE
        height = baseline - TEXT_LINE + PADDING + 2 - y  # 2: room for descenders
        boxes.append(ChartBox(y=y, height=height, lines=lines))
        y += height + GAP
    return RouteChart(width=WIDTH, height=y - GAP + MARGIN, boxes=boxes, arrows=arrows)
