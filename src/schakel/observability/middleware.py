"""One JSON log line and the metrics of every request (docs/production.md "Observability").

First in MIDDLEWARE: it times the whole request and sees the final status, also of the
pages that the middleware below it answer (the 503 page of a database outage, a redirect to
the sign-in page)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve

from schakel.observability.metrics import UNMATCHED_ROUTE, request_observe
from schakel.observability.requestid import HEADER, current_request_id, request_id_from

logger = logging.getLogger("schakel.request")


def _route(request: HttpRequest) -> str:
    """The URL pattern's name. A request that a middleware answered before the URL was
    resolved (a session that cannot be read in an outage) is resolved here: no database."""
    match = request.resolver_match
    if match is None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return UNMATCHED_ROUTE
    return match.view_name or UNMATCHED_ROUTE


def _user_id(request: HttpRequest) -> int | None:
    """The signed-in user's id, if the request looked the user up already: looking it up here
    would query the database, which may be the reason the request failed."""
    user = getattr(request, "_cached_user", None)
    return user.pk if user is not None and user.is_authenticated else None


class RequestObservabilityMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_from(request.headers.get(HEADER))
        # Cleared when the response is finished (`apps`), after Django's own lines about it.
        current_request_id.set(request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        seconds = time.perf_counter() - started
        route = _route(request)
        request_observe(route=route, method=request.method or "", status=response.status_code,
                        seconds=seconds)
        logger.info("request", extra={
            "request_id": request_id, "user_id": _user_id(request), "route": route,
            "method": request.method, "status": response.status_code,
            "duration_ms": round(seconds * 1000, 1)})
        response[HEADER] = request_id
        return response
