import logging
from collections.abc import Callable

from csp.constants import HEADER as CSP_HEADER
from csp.utils import build_policy
from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse

from schakel.web.views import (
    DATABASE_UNAVAILABLE,
    bad_request,
    not_found,
    server_error,
    service_unavailable,
)

logger = logging.getLogger("django.request")


class NoStoreForAuthenticatedMiddleware:
    """Pages for signed-in users may hold children's data: never cache them (ASVS 14.3.2)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated:
            response["Cache-Control"] = "no-store"
        return response


class ErrorPagesInDebugMiddleware:
    """With DEBUG on (`make run`, the demo) Django answers a missing page, a bad request and an
    error with its technical pages, in English, listing the URLs; this middleware shows the
    application's own pages instead, as production does (the handlers in `schakel.urls`).
    Tracebacks of errors still go to the log. Without DEBUG it does nothing.

    Every 404 becomes the application's page: a URL that matches nothing and an `Http404`
    raised by a middleware never reach `process_exception`, only their response passes here
    (Schakel's own 404s are that same page). 403 needs nothing: Django uses `handler403`
    under DEBUG too. django-csp leaves 404 and 500 responses without a policy under DEBUG (for
    the technical pages' inline styles); these pages get it here, as in production."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # The API answers with its own problem documents (application/problem+json).
        if (settings.DEBUG and response.status_code == 404
                and not response.get("Content-Type", "").startswith("application/problem")):
            return _with_policy(not_found(request))
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not settings.DEBUG or isinstance(exception, Http404 | PermissionDenied):
            return None
        if isinstance(exception, BadRequest | SuspiciousOperation):
            logger.warning("Bad request: %s", request.path, exc_info=exception)
            return bad_request(request, exception)
        logger.error("Internal Server Error: %s", request.path, exc_info=exception)
        return _with_policy(server_error(request))


def _with_policy(response: HttpResponse) -> HttpResponse:
    """The Content Security Policy of the settings (CSPMiddleware's), on a page of ours."""
    response[CSP_HEADER] = build_policy()
    return response


class DatabaseUnavailableMiddleware:
    """A database that cannot be reached is an outage, not a bug: a view that meets it answers
    503 with the Dutch page and Retry-After (`views.service_unavailable`) instead of a bare
    "Server Error (500)". A middleware that meets it (reading the session or the user) does not
    come here; `handler500` (`views.server_error`) answers the same for those."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_UNAVAILABLE):
            return None
        logger.error("Database unavailable: %s", request.path, exc_info=exception)
        return service_unavailable(request)
