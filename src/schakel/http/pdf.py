"""Documents as PDF: a template rendered to HTML and laid out by WeasyPrint (Pango from the
system), with the print stylesheet of the document (`static/css/print/`). The same for every
printable document of Schakel (the plan for the meeting with the parents, reports)."""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import CSS, HTML  # type: ignore[import-untyped]


def pdf_from_template(template_name: str, context: Mapping[str, object], *,
                      stylesheet: str) -> bytes:
    """`stylesheet` is a static file path (e.g. "css/print/plan.css"); the document loads
    nothing from the network."""
    html = render_to_string(template_name, dict(context))
    path = finders.find(stylesheet)
    if not isinstance(path, str):
        raise LookupError(f"No static file {stylesheet!r}")
    document = HTML(string=html, base_url=None, url_fetcher=_no_fetching)
    return bytes(document.write_pdf(stylesheets=[CSS(filename=path)]))


def _no_fetching(url: str, timeout: int = 10, ssl_context: object = None) -> dict[str, object]:
    raise ValueError(f"A printed document fetches nothing ({url}).")
