"""The table of demo sign-ins that `make run` prints before the server starts. Other parts
of the demo (such as the second factor) extend the rows here, in one place."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _, ngettext

from schakel.demo.people import DEMO_PASSWORD
from schakel.demo.selectors import DemoReach, demo_professionals_reach


@dataclass
class SigninRow:
    username: str
    name: str
    function: str
    organisation: str
    sees: str


def _sees(reach: DemoReach) -> str:
    parts = []
    if reach.core_teams:
        parts.append(_("core team of %(schools)s: its signals and which cases exist")
                     % {"schools": ", ".join(reach.core_teams)})
    if reach.coordinating:
        parts.append(ngettext("coordinator of %(n)s case", "coordinator of %(n)s cases",
                              reach.coordinating) % {"n": reach.coordinating})
    if reach.involved:
        parts.append(ngettext("involved in %(n)s case", "involved in %(n)s cases",
                              reach.involved) % {"n": reach.involved})
    if reach.professional.is_log_administrator:
        parts.append(_("reads the access log"))
    if not parts and reach.other_teams:
        parts.append(_("member of the broader team or steering group of %(schools)s; "
                       "signals they raise themselves")
                     % {"schools": ", ".join(reach.other_teams)})
    return "; ".join(parts) or _("no child's data (aggregates only)")


def signin_rows() -> list[SigninRow]:
    """One row per demo sign-in (username ending in `.demo`)."""
    return [
        SigninRow(
            username=reach.professional.user.username,
            name=reach.professional.full_name,
            function=str(reach.professional.get_function_display()),
            organisation=reach.professional.organisation.name,
            sees=_sees(reach),
        )
        for reach in demo_professionals_reach()
    ]


def signin_headers() -> list[str]:
    return [_("Username"), _("Name"), _("Function"), _("Organisation"), _("Can see")]


def signin_table(rows: list[SigninRow]) -> str:
    """The rows as a plain-text table; the last column wraps onto its own line."""
    headers = signin_headers()
    cells = [[r.username, r.name, r.function, r.organisation] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) if cells else len(h)
              for i, h in enumerate(headers[:4])]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers[:4], widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    for row, cell in zip(rows, cells, strict=True):
        lines.append("  ".join(c.ljust(w) for c, w in zip(cell, widths, strict=True)).rstrip())
        lines.append(f"    {headers[4]}: {row.sees}")
    return "\n".join(lines)


def signin_password_line() -> str:
    return _("Password for every demo sign-in: %(password)s") % {"password": DEMO_PASSWORD}


def signin_second_factor_line() -> str:
    """How to get the second-factor code of a demo sign-in (`demo_enroll_totp` gives every
    demo professional an authenticator whose secret derives from SECRET_KEY)."""
    return _("Second step of signing in: the current 6-digit code of a demo sign-in is "
             "printed by `.venv/bin/python manage.py demo_totp <username>`.")


DEFAULT_ADDRESS = "127.0.0.1:8000"


def signin_open_line(address: str = DEFAULT_ADDRESS) -> str:
    """Where to open the demo: `address` as runserver takes it (`[addr:]port`; a bare port
    listens on 127.0.0.1), the HOST of `make run`."""
    address = address.strip() or DEFAULT_ADDRESS
    if address.isdigit():
        address = f"127.0.0.1:{address}"
    return _("Open %(url)s in your browser.") % {"url": f"http://{address}/"}
