"""What a system calling the API may do (`Actor.system`, docs/api.md).

A system client is bound to one organisation: it reads that organisation and its schools,
synchronises the pupils of those schools, raises signals for professionals of that
organisation and reads the status of the signals it raised; it starts attendance imports for
a core-team member of its organisation and follows their progress. Anything else is missing to it
(404), as to a professional. The scopes of its token (which resources at all) are checked by
the API itself before it asks here; the policy decides which objects."""

from __future__ import annotations

from django.db.models import Q

from schakel.access.actor import Actor
from schakel.access.policy.core import DENY, Decision, Ground
from schakel.api.models import ClientAttendanceImport, ClientSignal
from schakel.attendance.models import AttendanceImport
from schakel.organisations.models import Organisation, Professional, School
from schakel.signals.models import Signal


def _system_organisation_id(actor: Actor) -> int | None:
    return actor.system.organisation_id if actor.system is not None else None


def organisations_for_system_q(actor: Actor) -> Q:
    """The organisations a system client reads (a filter on `Organisation`): its own."""
    organisation_id = _system_organisation_id(actor)
    return Q(pk=organisation_id) if organisation_id is not None else Q(pk__in=[])


def schools_for_system_q(actor: Actor) -> Q:
    """The schools a system client reads (a filter on `School`): its organisation's."""
    organisation_id = _system_organisation_id(actor)
    if organisation_id is None:
        return Q(pk__in=[])
    return Q(organisation_id=organisation_id)


def may_read_organisation(actor: Actor, organisation: Organisation) -> Decision:
    if actor.professional is None and _system_organisation_id(actor) == organisation.pk:
        return Decision(True, Ground.SYSTEM_CLIENT)
    return DENY


def may_read_school(actor: Actor, school: School) -> Decision:
    if actor.professional is None and _system_organisation_id(actor) == school.organisation_id:
        return Decision(True, Ground.SYSTEM_CLIENT)
    return DENY


def may_act_for_professional(actor: Actor, professional: Professional) -> Decision:
    """A system client records what a professional of its own organisation did in it (a
    signal raised in the school's system); the professional's own rights decide the rest."""
    if (actor.professional is None
            and _system_organisation_id(actor) == professional.organisation_id
            and professional.user.is_active):
        return Decision(True, Ground.SYSTEM_CLIENT)
    return DENY


def may_read_signal_status(actor: Actor, signal: Signal) -> Decision:
    """A system client reads the signals it raised itself (through `ClientSignal`)."""
    if actor.system is None or actor.professional is not None:
        return DENY
    if ClientSignal.objects.filter(client_id=actor.system.client_id, signal=signal).exists():
        return Decision(True, Ground.SYSTEM_CLIENT)
    return DENY


def may_read_attendance_import_status(actor: Actor,
                                      attendance_import: AttendanceImport) -> Decision:
    """A system client follows the attendance imports it started itself (through
    `ClientAttendanceImport`); the import itself is done as the professional it names, under
    the attendance rules (`policy.attendance`)."""
    if actor.system is None or actor.professional is not None:
        return DENY
    if ClientAttendanceImport.objects.filter(client_id=actor.system.client_id,
                                             attendance_import=attendance_import).exists():
        return Decision(True, Ground.SYSTEM_CLIENT)
    return DENY


def notifications_for_system_q(actor: Actor) -> Q:
    """The notifications a system client lists (a filter on `Notification`): those of the
    active professionals of its organisation, so that its own system can tell them something
    waits in Schakel. What the API shows of them is as content-free as the e-mail: the kind,
    the link (ids only), when and whether read; never the text, which may name a child."""
    organisation_id = _system_organisation_id(actor)
    if organisation_id is None or actor.professional is not None:
        return Q(pk__in=[])
    return Q(recipient__professional__organisation_id=organisation_id,
             recipient__is_active=True)


def may_list_notifications(actor: Actor) -> Decision:
    if _system_organisation_id(actor) is not None and actor.professional is None:
        return Decision(True, Ground.SYSTEM_CLIENT)
    return DENY
