from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.http import HttpRequest

from schakel.accounts.models import User
from schakel.organisations.models import Professional


@dataclass(frozen=True)
class OnBehalfOf:
    """The responsible user on whose behalf someone acts (NEN 7513), copied into the log."""

    user_id: int
    name: str


@dataclass(frozen=True)
class SystemClient:
    """A system calling the API (`schakel.api`) with its own OAuth 2 client: the client's id,
    its name as the access log names it (`source_system`) and the organisation it is bound to.
    The policy decides what a system client may do (`policy.systems`)."""

    client_id: int
    name: str
    organisation_id: int
    organisation_name: str = ""


@dataclass(frozen=True)
class Actor:
    """Who is acting, as services, selectors, the policy and the audit log need it."""

    user: User
    professional: Professional | None
    ip_address: str | None = None
    # For someone who is not a professional: their role as the access log names it, such as
    # "ouder" or "jongere" for the portal (see `schakel.portal`).
    role: str = ""
    # Set when the user acts for someone else (an operator for an administrator, a secretary
    # for a professional); None when acting for themselves.
    on_behalf_of: OnBehalfOf | None = None
    # Set when the action comes through the API: the system client that called. A system acts
    # by itself (no professional), or for a professional of its organisation who did the
    # work in that system (raising a signal): then `professional` is that professional.
    system: SystemClient | None = None

    def require_professional(self) -> Professional:
        """The acting professional; services call this after the policy allowed the action,
        which it only does for professionals."""
        if self.professional is None:
            raise PermissionError("This action is for professionals.")
        return self.professional

    @property
    def source_system(self) -> str:
        """The system the action came from, as the access log names it."""
        return self.system.name if self.system is not None else SOURCE_SYSTEM

    @property
    def name(self) -> str:
        if self.professional is not None:
            return self.professional.full_name
        return self.user.get_full_name() or self.user.get_username()


def actor_for_user(user: User, ip_address: str | None = None) -> Actor:
    professional = (
        Professional.objects.select_related("organisation").filter(user=user).first()
    )
    return Actor(user=user, professional=professional, ip_address=ip_address)


def actor_from_request(request: HttpRequest) -> Actor:
    cached: Actor | None = getattr(request, "_schakel_actor", None)
    if cached is not None:
        return cached
    user = request.user
    if not isinstance(user, User):
        raise PermissionError("An actor needs a signed-in user.")
    actor = actor_for_user(user, ip_address=request.META.get("REMOTE_ADDR"))
    request._schakel_actor = actor  # type: ignore[attr-defined]
    return actor


# What the access log names as the source system of everything done in Schakel itself.
SOURCE_SYSTEM = "schakel"
SYSTEM_USERNAME = "schakel-system"


def system_actor() -> Actor:
    """The actor for work Schakel does by itself, such as the scheduled retention run: a
    dedicated user without a professional, inactive and with an unusable password so that
    nobody can sign in as it, created on first use. The access log names it by username."""
    user, _created = User.objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={"is_active": False, "password": make_password(None)},
    )
    return Actor(user=user, professional=None)
