"""A request's read rows are written together (`writer.reads_together`): a page that shows
several parts of a child's file writes one link of the access log's chain, not one each."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from schakel.audit.writer import reads_together


class ReadsTogetherMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with reads_together():
            return self.get_response(request)
