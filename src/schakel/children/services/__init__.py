"""Changes to a child's measures (OTS, voogdij, jeugdreclassering) and custody (gezag).

A voogdij (guardianship order) changes no custody period: while it runs the parents'
periods do not count and the GI is the voogd (`policy.custody`); when custody ends for good
or is restored by the court (BW 1:277), that is recorded with `custody_end`/`custody_record`.

Start and end notify the contact point of the child's current school(s) (seed 003: the
jeugdbeschermer informs the school at the start and the end of the measure). The notification
names the child, the measure and whom to contact, never care content. While an OTS is active
the GI receives the school's data on the school's duty to inform (`policy.may_receive_category`
derives that ground from the measure).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.accounts.models import User
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.children.models import (
    Child,
    Custody,
    CustodySource,
    Enrolment,
    Guardianship,
    Measure,
    MeasureKind,
)
from schakel.dates import add_months, add_years
from schakel.notifications.models import NotificationKind
from schakel.notifications.services import notification_send
from schakel.organisations.models import Organisation, Professional, Sector
from schakel.transactions import service_transaction

OTS_MAX_MONTHS = 12  # BW 1:258: at most one year, extended by a new period of at most a year
PROVISIONAL_OTS_MAX_MONTHS = 3  # BW 1:257: a provisional OTS lasts at most three months
NOTIFICATION_MAX_CHARS = 300  # Notification.message
# The ages between which a measure can run, per kind: from the first, and ending before the
# birthday of the second. A supervision order and guardianship are measures for a minor;
# youth probation follows criminal law for young people from 12 and adolescent criminal law
# up to 23.
MEASURE_AGES: dict[str, tuple[int, int]] = {
    MeasureKind.OTS: (0, 18),  # BW 1:255
    MeasureKind.PROVISIONAL_OTS: (0, 18),  # BW 1:257
    MeasureKind.GUARDIANSHIP: (0, 18),  # BW 1:245 (gezag over minderjarigen)
    MeasureKind.YOUTH_PROBATION: (12, 23),  # Sr 77a, 77c (verify)
}
# Kinds that may not overlap in time with another measure of the same group.
_OVERLAP_GROUPS: dict[str, frozenset[str]] = {
    MeasureKind.OTS: frozenset({MeasureKind.OTS, MeasureKind.PROVISIONAL_OTS}),
    MeasureKind.PROVISIONAL_OTS: frozenset({MeasureKind.OTS, MeasureKind.PROVISIONAL_OTS}),
    MeasureKind.GUARDIANSHIP: frozenset({MeasureKind.GUARDIANSHIP}),
    MeasureKind.YOUTH_PROBATION: frozenset({MeasureKind.YOUTH_PROBATION}),
}


def _day(day: dt.date) -> str:
    return date_format(day, "j F Y")


def _period_errors(
    child: Child, kind: str, start_date: dt.date, end_date: dt.date | None,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if end_date is not None and end_date < start_date:
        errors["end_date"] = _("The end date lies before the start date.")
    elif kind == MeasureKind.OTS:
        if end_date is None:
            errors["end_date"] = _("An OTS is ordered for a set period: give its end date.")
        elif end_date > add_months(start_date, OTS_MAX_MONTHS):
            errors["end_date"] = _("An OTS lasts at most one year per period; record an "
                                   "extension as a new period.")
    elif kind == MeasureKind.PROVISIONAL_OTS:
        if end_date is None:
            errors["end_date"] = _("A provisional OTS is ordered for a set period: give its end "
                                   "date.")
        elif end_date > add_months(start_date, PROVISIONAL_OTS_MAX_MONTHS):
            errors["end_date"] = _("A provisional OTS lasts at most three months.")
    return errors or _age_errors(child, kind, start_date, end_date)


def _age_errors(
    child: Child, kind: str, start_date: dt.date, end_date: dt.date | None,
) -> dict[str, str]:
    """A measure runs only between the ages of `MEASURE_AGES` for its kind."""
    from_age, until_age = MEASURE_AGES[kind]
    label = MeasureKind(kind).label
    values = {"name": child.first_name, "measure": label, "from": from_age,
              "until": until_age, "age": child.age_on(start_date), "date": _day(start_date)}
    last_day = add_years(child.birth_date, until_age) - dt.timedelta(days=1)
    if child.age_on(start_date) < from_age:
        return {"start_date": _("%(measure)s applies from %(from)s years; %(name)s is %(age)s "
                                "on %(date)s.") % values}
    if start_date > last_day:
        return {"start_date": _("%(measure)s ends at %(until)s years; %(name)s is %(age)s on "
                                "%(date)s.") % values}
    if end_date is not None and end_date > last_day:
        return {"end_date": _("%(measure)s ends at %(until)s years: %(name)s turns %(until)s "
                              "on %(birthday)s, so the end date is %(last)s at the latest.") % {
            **values, "birthday": _day(last_day + dt.timedelta(days=1)),
            "last": _day(last_day)}}
    return {}


def _overlapping(child: Child, kind: str, start: dt.date, end: dt.date | None) -> bool:
    return Measure.objects.filter(
        child=child, kind__in=_OVERLAP_GROUPS[kind]).overlapping(start, end).exists()


def _school_contact_points(child: Child) -> list[User]:
    enrolments = Enrolment.objects.filter(child=child).active_on(
        timezone.localdate()).select_related("school__contact_point__user")
    return [e.school.contact_point.user for e in enrolments
            if e.school.contact_point is not None]


def _notify_schools(measure: Measure, *, kind: NotificationKind,
                    message: Callable[[], str]) -> None:
    notification_send(
        recipients=_school_contact_points(measure.child), kind=kind,
        message=lambda: Truncator(message()).chars(NOTIFICATION_MAX_CHARS),
        link=reverse("children:detail", kwargs={"child_id": measure.child_id}),
    )


def measure_start(
    *, actor: Actor, child: Child, kind: MeasureKind, organisation: Organisation,
    worker: Professional, start_date: dt.date, end_date: dt.date | None = None,
) -> Measure:
    """Record a measure by the certified institution (GI) carrying it out; the contact point
    of each of the child's current schools is told who the worker is."""
    decision = enforce(
        actor, policy.may_manage_measures(actor, organisation), event_code=EventCode.MEASURE_START,
        action=Action.CREATE, subject=Subject("children.measure", "", child.pk),
    )
    errors: dict[str, str] = {}
    if kind not in MeasureKind.values:
        errors["kind"] = _("Choose the kind of measure.")
    if organisation.sector != Sector.CHILD_PROTECTION:
        errors["organisation"] = _("A measure is carried out by a certified institution "
                                   "(child protection).")
    if worker.organisation_id != organisation.pk:
        errors["worker"] = _("%(worker)s does not work at %(organisation)s.") % {
            "worker": worker.full_name, "organisation": organisation.name}
    if "kind" not in errors:
        errors |= _period_errors(child, kind, start_date, end_date)
        if not errors and _overlapping(child, kind, start_date, end_date):
            errors["start_date"] = _("%(name)s already has a measure of this kind in this "
                                     "period.") % {"name": child.first_name}
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        measure = Measure.objects.create(
            child=child, kind=kind, organisation=organisation, worker=worker,
            start_date=start_date, end_date=end_date, started_by=actor.require_professional(),
        )
        access_event_record(
            actor=actor, event_code=EventCode.MEASURE_START, action=Action.CREATE,
            subject=Subject.of(measure, child.pk), ground=decision.log_ground,
        )
        _notify_schools(measure, kind=NotificationKind.MEASURE_STARTED, message=lambda: _(
            "%(measure)s for %(child)s from %(date)s. Contact: %(worker)s, %(organisation)s.")
            % {"measure": MeasureKind(kind).label, "child": child.full_name,
               "date": _day(start_date), "worker": worker.full_name,
               "organisation": organisation.name})
    return measure


def measure_end(*, actor: Actor, measure: Measure, end_date: dt.date | None = None) -> Measure:
    """End a measure on `end_date` (today by default, not later than its ordered end); the
    schools' contact points are told."""
    decision = enforce(
        actor, policy.may_manage_measures(actor, measure.organisation),
        event_code=EventCode.MEASURE_END,
        action=Action.UPDATE, subject=Subject.of(measure, measure.child_id),
    )
    end = end_date or timezone.localdate()
    with service_transaction():
        measure = Measure.objects.select_for_update().select_related(
            "child", "worker", "organisation").get(pk=measure.pk)
        if measure.ended_at is not None:
            raise ValidationError(_("This measure has already ended."))
        if end < measure.start_date:
            raise ValidationError({"end_date": _("The end date lies before the start date.")})
        if measure.end_date is not None and end > measure.end_date:
            raise ValidationError({"end_date": _(
                "The measure was ordered until %(date)s; record an extension as a new "
                "period.") % {"date": _day(measure.end_date)}})
        measure.end_date = end
        measure.ended_at = timezone.now()
        measure.ended_by = actor.require_professional()
        measure.save(update_fields=["end_date", "ended_at", "ended_by"])
        access_event_record(
            actor=actor, event_code=EventCode.MEASURE_END, action=Action.UPDATE,
            subject=Subject.of(measure, measure.child_id), ground=decision.log_ground,
        )
        _notify_schools(measure, kind=NotificationKind.MEASURE_ENDED, message=lambda: _(
            "%(measure)s for %(child)s ended on %(date)s. Contact: %(worker)s, "
            "%(organisation)s.") % {
            "measure": MeasureKind(measure.kind).label, "child": measure.child.full_name,
            "date": _day(end), "worker": measure.worker.full_name,
            "organisation": measure.organisation.name})
    return measure


# --- custody (gezag) -----------------------------------------------------------------------


def _custody_subject(guardianship: Guardianship) -> Subject:
    return Subject("children.custody", "", guardianship.child_id)


def custody_record(
    *, actor: Actor, guardianship: Guardianship, start_date: dt.date, source: CustodySource,
    end_date: dt.date | None = None, reference: str = "",
) -> Custody:
    """Record a period of custody of a parent or carer (BW 1:245 and further), with its
    source. Refused, with nothing stored, when the period begins before the child's birth or
    in the future, ends before it begins, or overlaps another period of the same parent.
    Under a voogdij the period is kept but does not count while the voogdij runs
    (`policy.custody`)."""
    child = guardianship.child
    decision = enforce(
        actor, policy.may_record_custody(actor, child), event_code=EventCode.CUSTODY_RECORD,
        action=Action.CREATE, subject=_custody_subject(guardianship),
    )
    errors: dict[str, str] = {}
    if source not in CustodySource.values:
        errors["source"] = _("Choose where the custody comes from.")
    if start_date < child.birth_date:
        errors["start_date"] = _("Custody cannot begin before %(name)s was born (%(date)s).") % {
            "name": child.first_name, "date": _day(child.birth_date)}
    elif start_date > timezone.localdate():
        errors["start_date"] = _("Record custody from the day it begins, not in advance.")
    if end_date is not None and end_date < start_date:
        errors["end_date"] = _("The end date lies before the start date.")
    if not errors and Custody.objects.filter(guardianship=guardianship).filter(
            Custody.not_ended_before_q(start_date)).filter(
            **({} if end_date is None else {"start_date__lte": end_date})).exists():
        errors["start_date"] = _("%(guardian)s already has custody of %(name)s in this period; "
                                 "end that period first.") % {
            "guardian": guardianship.guardian.full_name, "name": child.first_name}
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        custody = Custody.objects.create(
            guardianship=guardianship, start_date=start_date, end_date=end_date, source=source,
            reference=reference.strip(), recorded_by=actor.require_professional())
        access_event_record(
            actor=actor, event_code=EventCode.CUSTODY_RECORD, action=Action.CREATE,
            subject=Subject.of(custody, child.pk), ground=decision.log_ground,
        )
    return custody


def custody_end(*, actor: Actor, custody: Custody, end_date: dt.date) -> Custody:
    """End a period of custody on `end_date` (its last day): by a court order, a transfer of
    custody, or a voogdij that replaces it for good. The period stays as history."""
    guardianship = custody.guardianship
    decision = enforce(
        actor, policy.may_record_custody(actor, guardianship.child),
        event_code=EventCode.CUSTODY_END, action=Action.UPDATE,
        subject=Subject.of(custody, guardianship.child_id),
    )
    with service_transaction():
        custody = Custody.objects.select_for_update().get(pk=custody.pk)
        if custody.end_date is not None and custody.end_date <= end_date:
            raise ValidationError({"end_date": _("This period of custody already ends on "
                                                 "%(date)s.") % {"date": _day(custody.end_date)}})
        if end_date < custody.start_date:
            raise ValidationError({"end_date": _("The end date lies before the start date.")})
        custody.end_date = end_date
        custody.ended_by = actor.require_professional()
        custody.save(update_fields=["end_date", "ended_by"])
        access_event_record(
            actor=actor, event_code=EventCode.CUSTODY_END, action=Action.UPDATE,
            subject=Subject.of(custody, guardianship.child_id), ground=decision.log_ground,
        )
    return custody
