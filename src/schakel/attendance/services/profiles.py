"""Import profiles: a school's core team sets one up per source, starting from the layout's
default codes (`layouts.DEFAULT_CODES`), which it then adapts to the school's own codes."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.attendance.layouts import DEFAULT_CODES
from schakel.attendance.models import ImportProfile, Layout
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.organisations.models import School
from schakel.transactions import service_transaction


def import_profile_create(
    *, actor: Actor, school: School, layout: Layout | str, name: str,
) -> ImportProfile:
    decision = enforce(actor, policy.may_import_attendance(actor, school.pk),
                       event_code=EventCode.ATTENDANCE_PROFILE_CHANGE, action=Action.CREATE,
                       subject=Subject.of(school, None))
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the profile a name.")})
    with service_transaction():
        if ImportProfile.objects.filter(school=school, name=name).exists():
            raise ValidationError({"name": _(
                "The school has a profile of that name already.")})
        profile = ImportProfile.objects.create(
            school=school, name=name, layout=layout,
            code_mapping=DEFAULT_CODES[Layout(layout)])
        access_event_record(actor=actor, event_code=EventCode.ATTENDANCE_PROFILE_CHANGE,
                            action=Action.CREATE, subject=Subject.of(profile, None),
                            ground=decision.log_ground)
    return profile
