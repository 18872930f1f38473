"""Every response of the API says its version (NL GOV API Design Rules: `API-Version`)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

API_PREFIX = "/api/"


class ApiVersionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path_info.startswith(API_PREFIX):
            response["API-Version"] = settings.SCHAKEL_API_VERSION
            response["Cache-Control"] = "no-store"
        return response
