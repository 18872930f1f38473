from __future__ import annotations

from typing import Any, NoReturn

from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    """NEN 7513 action codes."""

    CREATE = "C", _("Create")
    READ = "R", _("Read")
    UPDATE = "U", _("Update")
    DELETE = "D", _("Delete")
    EXECUTE = "E", _("Export / execute")


class Outcome(models.TextChoices):
    SUCCESS = "success", _("Success")
    DENIED = "denied", _("Denied")


class AppendOnlyQuerySet(models.QuerySet["AccessEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise PermissionError("The access log is append-only.")

    def delete(self) -> NoReturn:
        raise PermissionError("The access log is append-only.")


class AccessEvent(models.Model):
    """One line of the access log (logregel, NEN 7513): who did what with which child's data,
    when, on which ground and with what outcome. Written by services and selectors, never by
    model signals, so that reads and bulk changes are logged too. Append-only."""

    occurred_at = models.DateTimeField(_("when (UTC)"), db_index=True)
    event_code = models.CharField(_("event"), max_length=60)
    action = models.CharField(_("action"), max_length=1, choices=Action.choices)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    # Who, copied at the time of the event so that the log stays true when people move on.
    user_id = models.BigIntegerField(_("user id"), null=True)
    user_name = models.CharField(_("user"), max_length=200)
    user_function = models.CharField(_("function"), max_length=100, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(_("access point"), null=True)
    # What.
    object_type = models.CharField(_("object type"), max_length=60)
    object_id = models.CharField(_("object id"), max_length=40, blank=True)
    child_id = models.BigIntegerField(_("child id"), null=True)
    # Why: the authorisation ground the access policy used (treatment relationship, consent).
    ground = models.CharField(_("ground"), max_length=100, blank=True)
    source_system = models.CharField(max_length=40, default="schakel")

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["child_id", "-occurred_at"]),
            models.Index(fields=["user_id", "-occurred_at"]),
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("The access log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise PermissionError("The access log is append-only.")
