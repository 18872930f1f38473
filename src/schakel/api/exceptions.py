"""Errors as `application/problem+json` (RFC 9457; NL GOV API Design Rules): `type`,
`title`, `status`, `detail`, `instance`, and for invalid input `invalid-params` with one entry
per field. One handler for every view of the API (`REST_FRAMEWORK["EXCEPTION_HANDLER"]`)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

logger = logging.getLogger("schakel.api")

PROBLEM_JSON = "application/problem+json"


def _titles() -> dict[int, str]:
    return {
        400: _("Invalid input"),
        401: _("Not authenticated"),
        403: _("No access"),
        404: _("Not found"),
        405: _("Method not allowed"),
        406: _("Not acceptable"),
        413: _("Payload too large"),
        415: _("Unsupported media type"),
        429: _("Too many requests"),
        500: _("Internal error"),
    }


def _details() -> dict[int, str]:
    return {
        401: _("Sign in with a valid access token (OAuth 2 client credentials)."),
        403: _("The access token lacks the scope this request needs."),
        404: _("The resource does not exist, or is not yours to see."),
        405: _("This resource does not take this method."),
        429: _("Too many requests from this client; try again later."),
        500: _("Something went wrong on our side; try again later."),
    }


def _flatten(detail: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            if key in ("non_field_errors", "__all__"):
                name = prefix
            yield from _flatten(value, name)
    elif isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            for item in detail:
                yield prefix, str(item)
        else:
            for index, item in enumerate(detail):
                yield from _flatten(item, f"{prefix}.{index}" if prefix else str(index))
    else:
        yield prefix, str(detail)


def problem(status_code: int, *, instance: str, detail: str = "",
            invalid_params: list[dict[str, Any]] | None = None,
            headers: dict[str, str] | None = None) -> Response:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": _titles().get(status_code, _("Error")),
        "status": status_code,
        "detail": detail or _details().get(status_code, ""),
        "instance": instance,
    }
    if invalid_params:
        body["invalid-params"] = invalid_params
    return Response(body, status=status_code, headers=headers, content_type=PROBLEM_JSON)


def problem_handler(exc: Exception, context: dict[str, Any]) -> Response:
    request = context.get("request")
    instance = request.path if request is not None else ""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            detail=exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
    response = exception_handler(exc, context)
    if response is None:
        logger.error("API error at %s", instance, exc_info=exc)
        return problem(status.HTTP_500_INTERNAL_SERVER_ERROR, instance=instance)
    headers = {name: value for name, value in response.headers.items()
               if name in ("WWW-Authenticate", "Retry-After", "Allow")}
    if isinstance(exc, exceptions.ValidationError):
        params = [{"name": name or "body", "reason": reason}
                  for name, reason in _flatten(exc.detail)]
        return problem(400, instance=instance, detail=_(
            "The request has invalid fields; see invalid-params."),
            invalid_params=params, headers=headers)
    detail = str(exc.detail) if response.status_code == 413 and isinstance(
        exc, exceptions.APIException) else ""
    wait = getattr(exc, "wait", None) if isinstance(exc, exceptions.Throttled) else None
    if wait is not None:
        detail = _("Too many requests from this client; try again in %(seconds)s seconds.") % {
            "seconds": int(wait)}
    return problem(response.status_code, instance=instance, detail=detail, headers=headers)
