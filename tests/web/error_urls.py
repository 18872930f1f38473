"""The project's URLs plus views that fail in each way, for the error page tests (open to
anonymous visitors, so that the second-factor middleware lets the request through)."""

from __future__ import annotations

from django.core.exceptions import BadRequest, PermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path

from schakel import urls
from schakel.accounts.decorators import second_factor_exempt


@second_factor_exempt
def raise_404(request: HttpRequest) -> HttpResponse:
    raise Http404("no such thing")


@second_factor_exempt
def raise_403(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


@second_factor_exempt
def raise_400(request: HttpRequest) -> HttpResponse:
    raise BadRequest("malformed")


@second_factor_exempt
def raise_error(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug")


@second_factor_exempt
def raise_operational_error(request: HttpRequest) -> HttpResponse:
    raise OperationalError("could not connect to server: Connection refused")


@second_factor_exempt
def raise_interface_error(request: HttpRequest) -> HttpResponse:
    raise InterfaceError("connection already closed")


urlpatterns = [
    *urls.urlpatterns,
    path("test-fouten/404", raise_404),
    path("test-fouten/403", raise_403),
    path("test-fouten/400", raise_400),
    path("test-fouten/500", raise_error),
    path("test-fouten/database", raise_operational_error),
    path("test-fouten/verbinding", raise_interface_error),
]

handler400 = urls.handler400
handler403 = urls.handler403
handler404 = urls.handler404
handler500 = urls.handler500
