from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

from django.db import connections, models, router, transaction
from django.utils.translation import gettext_lazy as _

from schakel.audit.chain import ADVISORY_LOCK_KEY, GENESIS, row_digest, values_of
from schakel.audit.events import EventCode


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


class Basis(models.TextChoices):
    """The coded basis of an access (NEN 7513: the authorisation protocol, treatment
    relationship and consent profile used), derived from the access policy's decision
    (`audit.basis.basis_of`); the row's `ground` keeps the detail."""

    TREATMENT = "treatment", _("Treatment relationship (involved in the help)")
    CONSENT = "consent", _("Consent")
    LEGAL_GROUND = "legal_ground", _("Legal ground")
    EMERGENCY = "emergency", _("Emergency access")
    OWN_DATA = "own_data", _("Own file (portal)")
    ADMINISTRATION = "administration", _("Administration or privacy officer")


def _chain_link(using: str, events: Sequence[AccessEvent]) -> None:
    """Link new events to the end of the hash chain. Must run inside the transaction that
    inserts them: on PostgreSQL a transaction-level advisory lock serialises the writers from
    reading the last hash until commit; on SQLite every write transaction is serialised
    already (`transaction_mode` IMMEDIATE)."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_KEY])
    previous: str = (
        AccessEvent._base_manager.using(using).order_by("-pk")
        .values_list("row_hash", flat=True).first()
    ) or GENESIS
    for event in events:
        event.previous_hash = previous
        event.row_hash = row_digest(values_of(event), previous)
        previous = event.row_hash


class AppendOnlyQuerySet(models.QuerySet["AccessEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise PermissionError("The access log is append-only.")

    def delete(self) -> NoReturn:
        raise PermissionError("The access log is append-only.")

    def bulk_create(  # type: ignore[override]
        self, objs: Iterable[AccessEvent], batch_size: int | None = None,
    ) -> list[AccessEvent]:
        """Insert in one go, chained in the order given."""
        events = list(objs)
        if not events:
            return events
        with transaction.atomic(using=self.db, savepoint=False):
            _chain_link(self.db, events)
            return super().bulk_create(events, batch_size=batch_size)

    def bulk_update(self, objs: Any, fields: Any, batch_size: Any = None) -> NoReturn:
        raise PermissionError("The access log is append-only.")


class AccessEvent(models.Model):
    """One line of the access log (logregel, NEN 7513): who did what with which child's data,
    when, on which ground and with what outcome. Written by services and selectors, never by
    model signals, so that reads and bulk changes are logged too. Append-only."""

    occurred_at = models.DateTimeField(_("when (UTC)"), db_index=True)
    # An `EventCode` value; not `choices`, so that a new code or label needs no migration.
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
    # Relationship and consent profile, e.g. "involved; consent #12, consent #13": as long
    # as a family case needs it.
    ground = models.TextField(_("ground"), blank=True)
    # The same ground coded (NEN 7513); empty on rows from before it was recorded and on
    # refusals. Hashed only when set (`audit.chain`).
    basis = models.CharField(_("basis"), max_length=20, choices=Basis.choices, blank=True,
                             db_default="", default="")
    # The responsible user on whose behalf the access was made, copied at the time like
    # `user_id`/`user_name`; empty when the user acted for themselves.
    on_behalf_of_id = models.BigIntegerField(_("on behalf of (user id)"), null=True,
                                             blank=True)
    on_behalf_of_name = models.CharField(_("on behalf of"), max_length=200, blank=True,
                                         db_default="", default="")
    source_system = models.CharField(max_length=40, default="schakel")
    # Tamper evidence: the hash chain over the fields above (see `audit.chain`).
    previous_hash = models.CharField(max_length=64, blank=True, editable=False)
    row_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["child_id", "-occurred_at"]),
            models.Index(fields=["user_id", "-occurred_at"]),
            models.Index(fields=["outcome", "-occurred_at"], name="audit_event_outcome_idx"),
            models.Index(fields=["basis", "-occurred_at"], name="audit_event_basis_idx"),
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Insert only, linked to the end of the hash chain in the same transaction (no
        savepoint of its own: a failed log write fails the whole change)."""
        if self.pk is not None:
            raise PermissionError("The access log is append-only.")
        using = kwargs.get("using") or router.db_for_write(AccessEvent, instance=self)
        with transaction.atomic(using=using, savepoint=False):
            _chain_link(using, [self])
            super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise PermissionError("The access log is append-only.")

    @property
    def event_label(self) -> str:
        """The event in plain words; a code that is no longer written shows as itself."""
        if self.event_code in EventCode.values:
            return str(EventCode(self.event_code).label)
        return self.event_code
