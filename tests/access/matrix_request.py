"""Making the request of one matrix cell and describing what came back."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.http import HttpResponseBase, StreamingHttpResponse
from django.urls import reverse

from tests.access.matrix_urls import SIGN_IN_PAGES, Expected, Pattern
from tests.access.matrix_world import CHILD_FIRST_NAME, CHILD_LAST_NAME, MatrixWorld
from tests.support import pdf_text

# Query strings some pages need to show anything (formatted with the world's ids).
QUERIES: dict[str, str] = {
    "cases:agreement_status": "agreement={agreement_id}",
    "cases:end_involvement": "involvement={involvement_id}",
    "consent:check": "child_id={child_id}",
    # Part of the name only: the page repeats the query, and that must not count as a hit.
    "signals:pupil_search": f"school={{school_id}}&q={CHILD_LAST_NAME[:5]}",
    "audit:log": "child={child_id}",
    # The first letters of the names: the page repeats the query, and that is no hit.
    "children:search": f"q={CHILD_FIRST_NAME[:6]}+{CHILD_LAST_NAME[:4]}",
}


@dataclass(frozen=True)
class Outcome:
    status: int
    location: str
    body: str

    @property
    def sign_in(self) -> str:
        """The token of the sign-in page this redirects to, or ""."""
        if self.status != 302:
            return ""
        path = urlsplit(self.location).path
        return next((token for token, name in SIGN_IN_PAGES.items() if path == reverse(name)),
                    "")

    @property
    def shows_child(self) -> bool:
        return CHILD_FIRST_NAME in self.body or CHILD_LAST_NAME in self.body

    def as_expected(self) -> Expected:
        return Expected(self.status, sign_in=self.sign_in, shows_child=self.shows_child)


def _body(response: HttpResponseBase) -> str:
    """The text of the response; of a PDF the text it shows (poppler's pdftotext), so that
    the child's name is found in a printed document as in a page."""
    if response.get("Content-Type") == "application/pdf":
        return pdf_text(response.content)  # type: ignore[attr-defined]
    if isinstance(response, StreamingHttpResponse):
        return b"".join(response.streaming_content).decode()  # type: ignore[arg-type]
    content: bytes = response.content  # type: ignore[attr-defined]
    return content.decode()


def cell_url(world: MatrixWorld, pattern: Pattern) -> str:
    missing = [name for name in pattern.kwargs if name not in world.url_kwargs]
    if missing:
        raise AssertionError(f"{pattern.key}: the matrix world has no id for {missing}")
    url = reverse(pattern.view_name, kwargs={k: world.url_kwargs[k] for k in pattern.kwargs})
    query = QUERIES.get(pattern.key)
    if query:
        url += "?" + query.format(**world.url_kwargs, **world.query_ids)
    return url


def request_cell(world: MatrixWorld, pattern: Pattern, method: str, role: str,
                 data: dict[str, object] | None = None) -> Outcome:
    """GET the page, or POST `data` to it (by default no data at all)."""
    client = world.client_for(role)
    url = cell_url(world, pattern)
    response = client.get(url) if method == "GET" else client.post(url, data or {})
    return Outcome(response.status_code, response.get("Location", ""), _body(response))

