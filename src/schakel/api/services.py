"""The API's own writes: registering a client; raising a signal and starting an attendance
import through a client."""

from __future__ import annotations

import secrets

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext as _
from oauth2_provider.models import Application

from schakel.access.actor import Actor
from schakel.accounts.models import User
from schakel.api.models import SCOPES, ApiClient, ClientAttendanceImport, ClientSignal
from schakel.attendance.models import AttendanceImport, ImportProfile
from schakel.attendance.services.start import attendance_import_start
from schakel.children.models import Child
from schakel.organisations.models import Organisation, School, SchoolClass
from schakel.signals.models import Signal, SignalLevel, Theme
from schakel.signals.services import signal_raise
from schakel.transactions import composed_services, service_transaction


def api_client_create(
    *, organisation: Organisation, name: str, scopes: list[str],
) -> tuple[ApiClient, str]:
    """A new system client of `organisation` with these scopes (an operator's command, not a
    page). Returns the client and its secret, which is stored hashed and shown only now."""
    name = name.strip()
    errors: dict[str, str] = {}
    if not name or len(name) > ApiClient._meta.get_field("name").max_length:  # type: ignore[operator]
        errors["name"] = _("Give the client a name of at most 40 characters.")
    elif ApiClient.objects.filter(name=name).exists():
        errors["name"] = _("A client with this name exists already.")
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown or not scopes:
        errors["scopes"] = _("Choose scopes among: %(scopes)s.") % {"scopes": ", ".join(SCOPES)}
    if errors:
        raise ValidationError(errors)
    secret = secrets.token_urlsafe(48)
    with service_transaction():
        user = User.objects.create(
            username=f"api-{secrets.token_hex(8)}", first_name=name[:150], is_active=False,
            password=make_password(None))
        application = Application.objects.create(
            name=name, client_type=Application.CLIENT_CONFIDENTIAL,
            authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
            client_secret=secret, hash_client_secret=True, user=user, skip_authorization=True)
        client = ApiClient.objects.create(
            application=application, organisation=organisation, name=name, user=user,
            scopes=" ".join(dict.fromkeys(scopes)))
    return client, secret


def client_signal_raise(
    *, actor: Actor, level: SignalLevel, school: School, theme: Theme, description: str,
    child: Child | None, school_class: SchoolClass | None, observed_outside_school: bool,
) -> Signal:
    """Raise a signal as the professional `actor` (acting through a system client,
    `actor.system`) with the signals' own service, and remember which client raised it so
    that it can read the status (`policy.may_read_signal_status`)."""
    if actor.system is None:
        raise PermissionError("A signal through the API needs its system client.")
    signal = signal_raise(
        actor=actor, level=level, school=school, theme=theme, description=description,
        child=child, school_class=school_class, observed_outside_school=observed_outside_school,
    )
    with service_transaction():
        ClientSignal.objects.create(client_id=actor.system.client_id, signal=signal)
    return signal


def client_attendance_import_start(
    *, actor: Actor, profile: ImportProfile, file: File[bytes], file_name: str,
    import_valid_rows: bool,
) -> AttendanceImport:
    """Start the import of an attendance export as the professional `actor` (acting through
    its system client) with the attendance's own service, and remember the client, in one
    transaction: the job, enqueued on commit, finds the client and logs it as the source."""
    if actor.system is None:
        raise PermissionError("An import through the API needs its system client.")
    with composed_services():
        attendance_import = attendance_import_start(
            actor=actor, profile=profile, file=file, file_name=file_name,
            import_valid_rows=import_valid_rows)
        ClientAttendanceImport.objects.create(client_id=actor.system.client_id,
                                              attendance_import=attendance_import)
    return attendance_import
