"""Small helpers for reading a request: ids from forms and links, the choice among offered
objects (a tampered id is a 404), htmx detection and the signed-in user."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest

from schakel.accounts.models import User


class _HasPk(Protocol):
    @property
    def pk(self) -> object: ...


T = TypeVar("T", bound=_HasPk)


def pick_or_404(items: Iterable[T], pk: int | None) -> T:
    """The item with this id among those the actor was offered; a tampered id is a 404."""
    for item in items:
        if pk is not None and item.pk == pk:
            return item
    raise Http404


def int_or_none(value: str | None) -> int | None:
    """An id from a query string, or None when it is missing or not a number."""
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def chosen_school(request: HttpRequest, schools: list[T]) -> T | None:
    """The school chosen in a form (POST) or a link (GET) among those offered; the only one
    when there is one; None when a choice is still to be made; 404 when tampered with."""
    raw = request.POST.get("school") if request.method == "POST" else request.GET.get("school")
    if raw in (None, ""):
        return schools[0] if len(schools) == 1 else None
    return pick_or_404(schools, int_or_none(raw))


def is_htmx(request: HttpRequest) -> bool:
    """Whether htmx asked for a fragment (the page itself works without it)."""
    return request.headers.get("HX-Request") == "true"


def signed_in_user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # login_required has run before
        raise PermissionError("A signed-in user is required.")
    return user


def service_errors_as_messages(request: HttpRequest, error: ValidationError) -> None:
    """A service's refusal of a form-less action (a button) as messages on the next page."""
    for message in error.messages:
        messages.error(request, message)
