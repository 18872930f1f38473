"""The systems that call the API (docs/api.md): each an OAuth 2 client of django-oauth-toolkit,
bound to one organisation, with the scopes it may ask for."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from oauth2_provider.models import Application

# The scopes of the API, one per resource and kind of access (docs/api.md).
SCOPES: dict[str, str] = {
    "organisaties:lezen": "Organisaties en scholen lezen",
    "leerlingen:schrijven": "Leerlingen en inschrijvingen synchroniseren",
    "signalen:schrijven": "Signalen melden en hun status lezen",
    "verzuim:schrijven": "Verzuimregistraties importeren en de voortgang lezen",
    "meldingen:lezen": "Meldingen van professionals van de eigen organisatie lezen",
}


class ApiClient(models.Model):
    """A system (a school's administration, a municipality's case system) with its own
    client credentials. Acts as `Actor.system` for its organisation only; its `user` is a
    dedicated inactive account without a password, so nobody signs in to the pages with it."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="schakel_client")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="api_clients",
        verbose_name=_("organisation"))
    # As the access log names it (`AccessEvent.source_system`, 40 characters).
    name = models.CharField(_("name"), max_length=40, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_client")
    # Space-separated, as OAuth 2 writes scopes; each one of `SCOPES`.
    scopes = models.CharField(_("scopes"), max_length=300)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def scope_list(self) -> list[str]:
        return self.scopes.split()


class ClientSignal(models.Model):
    """A signal raised through the API, and by which client: that client may read its
    status (`policy.may_read_signal`)."""

    client = models.ForeignKey(ApiClient, on_delete=models.PROTECT, related_name="signals")
    signal = models.OneToOneField(
        "signals.Signal", on_delete=models.CASCADE, related_name="raised_through")

    def __str__(self) -> str:
        return f"{self.client_id} - {self.signal_id}"


class ClientAttendanceImport(models.Model):
    """An attendance import started through the API, and by which client: that client reads
    its status (`policy.may_read_attendance_import_status`), and the job's access-log rows
    name it as the source system."""

    client = models.ForeignKey(ApiClient, on_delete=models.PROTECT,
                               related_name="attendance_imports")
    attendance_import = models.OneToOneField(
        "attendance.AttendanceImport", on_delete=models.CASCADE, related_name="started_through")

    def __str__(self) -> str:
        return f"{self.client_id} - {self.attendance_import_id}"
