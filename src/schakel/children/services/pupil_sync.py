"""Synchronising the pupils of one school from its pupil administration (the API's
`leerlingen/synchronisatie`, docs/api.md).

A batch names pupils by their pupil number at the school (the enrolment's `pupil_number`) and,
where the school has it, their onderwijsnummer (`Child.education_number`). Each row is
created (a new enrolment, with a new child unless the onderwijsnummer is known), updated,
unchanged or refused with a message; a refused row changes nothing. Applying the same batch
again changes nothing. In a full synchronisation the school's current pupils missing from the
batch are marked as left: their enrolment ends today. Nothing is ever deleted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record, access_events_record
from schakel.children.models import Child, Enrolment
from schakel.organisations.models import School, SchoolClass
from schakel.transactions import service_transaction

PUPIL_SYNC_MAX_ROWS = 2000
_EDUCATION_NUMBER = re.compile(r"^[0-9]{9}$")
_NAME_MAX = 100
_PUPIL_NUMBER_MAX = 20


class RowResult(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    ERROR = "error"


@dataclass(frozen=True)
class PupilRecord:
    """One pupil as the school's administration has it: text as received, checked here."""

    pupil_number: str
    first_name: str
    last_name: str
    birth_date: str
    education_number: str = ""
    class_name: str = ""
    start_date: str = ""


@dataclass(frozen=True)
class PupilOutcome:
    pupil_number: str
    result: RowResult
    message: str = ""
    child_id: int | None = None


@dataclass(frozen=True)
class SyncResult:
    rows: list[PupilOutcome]
    # The pupil numbers whose enrolment ended today because the full batch lacked them.
    left: list[str]


@dataclass(frozen=True)
class _Checked:
    pupil_number: str
    first_name: str
    last_name: str
    birth_date: dt.date
    education_number: str | None
    school_class: SchoolClass | None
    start_date: dt.date


class _RowRefused(Exception):
    pass


def _date(value: str, *, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise _RowRefused(_("%(field)s is not a date (YYYY-MM-DD).") % {"field": field}) from None


class _SchoolIndex:
    """What the batch is checked against, read once: the school's enrolments by pupil number,
    its classes by name (the latest school year's), and the children with the batch's
    onderwijsnummers; kept up to date as rows are applied, so a row sees what the rows before
    it did (as if each had been looked up in the database)."""

    def __init__(self, school: School, records: Sequence[PupilRecord]) -> None:
        self.school = school
        self.enrolments: dict[str, Enrolment] = {
            e.pupil_number: e for e in
            Enrolment.objects.select_related("child").filter(school=school)
            .exclude(pupil_number="").order_by("start_date", "pk")}
        self.enrolled_child_ids = set(
            Enrolment.objects.filter(school=school).values_list("child_id", flat=True))
        self.classes: dict[str, SchoolClass] = {}
        for school_class in SchoolClass.objects.filter(school=school).order_by("school_year"):
            self.classes[school_class.name] = school_class  # the latest year wins
        numbers = {r.education_number.strip() for r in records if r.education_number.strip()}
        self.by_education: dict[str, Child] = {
            child.education_number: child
            for child in Child.objects.filter(education_number__in=numbers)
            if child.education_number}
        for enrolment in self.enrolments.values():
            if enrolment.child.education_number in self.by_education:
                # One object per child, whichever way it is found.
                self.by_education[enrolment.child.education_number] = enrolment.child

    def school_class(self, name: str) -> SchoolClass | None:
        if not name.strip():
            return None
        school_class = self.classes.get(name.strip())
        if school_class is None:
            raise _RowRefused(_("The school has no class %(name)s.") % {"name": name.strip()})
        return school_class

    def child_renumbered(self, child: Child, before: str | None) -> None:
        if before and self.by_education.get(before) is child:
            del self.by_education[before]
        if child.education_number:
            self.by_education[child.education_number] = child

    def enrolled(self, enrolment: Enrolment) -> None:
        self.enrolments[enrolment.pupil_number] = enrolment
        self.enrolled_child_ids.add(enrolment.child_id)


def _check(index: _SchoolIndex, record: PupilRecord, today: dt.date) -> _Checked:
    pupil_number = record.pupil_number.strip()
    first_name, last_name = record.first_name.strip(), record.last_name.strip()
    if not pupil_number or len(pupil_number) > _PUPIL_NUMBER_MAX:
        raise _RowRefused(_("Give the pupil number (at most 20 characters)."))
    if not first_name or not last_name:
        raise _RowRefused(_("Give the pupil's first name and last name."))
    if len(first_name) > _NAME_MAX or len(last_name) > _NAME_MAX:
        raise _RowRefused(_("A name has at most 100 characters."))
    education_number = record.education_number.strip() or None
    if education_number is not None and not _EDUCATION_NUMBER.match(education_number):
        raise _RowRefused(_("The onderwijsnummer has 9 digits."))
    birth_date = _date(record.birth_date, field=_("The date of birth"))
    if birth_date > today:
        raise _RowRefused(_("The date of birth lies in the future."))
    start_date = (_date(record.start_date, field=_("The start date"))
                  if record.start_date.strip() else today)
    if start_date < birth_date:
        raise _RowRefused(_("The enrolment cannot start before the date of birth."))
    return _Checked(pupil_number, first_name, last_name, birth_date, education_number,
                    index.school_class(record.class_name), start_date)


def _update_child(index: _SchoolIndex, child: Child, row: _Checked) -> bool:
    before = child.education_number
    changed = [field for field, value in (
        ("first_name", row.first_name), ("last_name", row.last_name),
        ("birth_date", row.birth_date), ("education_number", row.education_number))
        if value is not None and getattr(child, field) != value]
    for field in changed:
        setattr(child, field, getattr(row, field))
    if changed:
        child.save(update_fields=changed)
        index.child_renumbered(child, before)
    return bool(changed)


def _update_enrolment(enrolment: Enrolment, row: _Checked) -> bool:
    changed: list[str] = []
    if enrolment.school_class_id != (row.school_class.pk if row.school_class else None):
        enrolment.school_class = row.school_class
        changed.append("school_class")
    if enrolment.end_date is not None:  # back at the school after leaving it
        enrolment.end_date = None
        changed.append("end_date")
    if changed:
        enrolment.save(update_fields=changed)
    return bool(changed)


def _apply(index: _SchoolIndex, row: _Checked) -> tuple[RowResult, Enrolment]:
    enrolment = index.enrolments.get(row.pupil_number)
    known = index.by_education.get(row.education_number) if row.education_number else None
    if enrolment is not None:
        if known is not None and known.pk != enrolment.child_id:
            raise _RowRefused(_("This onderwijsnummer belongs to another pupil than this pupil "
                                "number."))
        child_changed = _update_child(index, enrolment.child, row)
        enrolment_changed = _update_enrolment(enrolment, row)
        changed = child_changed or enrolment_changed
        return (RowResult.UPDATED if changed else RowResult.UNCHANGED), enrolment
    if known is not None:
        if known.pk in index.enrolled_child_ids:
            raise _RowRefused(_("This onderwijsnummer is enrolled at this school under another "
                                "pupil number."))
        _update_child(index, known, row)
        child = known
    else:
        child = Child.objects.create(
            first_name=row.first_name, last_name=row.last_name, birth_date=row.birth_date,
            education_number=row.education_number)
        index.child_renumbered(child, None)
    enrolment = Enrolment.objects.create(
        child=child, school=index.school, school_class=row.school_class,
        pupil_number=row.pupil_number, start_date=row.start_date)
    index.enrolled(enrolment)
    return RowResult.CREATED, enrolment


def _duplicates(records: Sequence[PupilRecord]) -> dict[int, str]:
    """Rows that repeat a pupil number or an onderwijsnummer of an earlier row."""
    seen_numbers: set[str] = set()
    seen_education: set[str] = set()
    refused: dict[int, str] = {}
    for index, record in enumerate(records):
        number, education = record.pupil_number.strip(), record.education_number.strip()
        if number in seen_numbers:
            refused[index] = _("This pupil number is in the batch more than once.")
        elif education and education in seen_education:
            refused[index] = _("This onderwijsnummer is in the batch more than once.")
        seen_numbers.add(number)
        if education:
            seen_education.add(education)
    return refused


def _mark_left(actor: Actor, school: School, present: set[str], today: dt.date,
               ground: str) -> list[str]:
    leaving = list(
        Enrolment.objects.filter(school=school, start_date__lte=today)
        .filter(Q(end_date__isnull=True) | Q(end_date__gt=today))
        .exclude(pupil_number__in=present).order_by("pupil_number"))
    for enrolment in leaving:
        enrolment.end_date = today
        enrolment.save(update_fields=["end_date"])
    access_events_record(
        actor=actor, event_code=EventCode.PUPIL_SYNC_CHANGE, action=Action.UPDATE,
        subjects=[Subject.of(e, e.child_id) for e in leaving], ground=ground)
    return [e.pupil_number for e in leaving]


def pupils_sync(
    *, actor: Actor, school: School, pupils: Sequence[PupilRecord], full: bool,
) -> SyncResult:
    """Create, update or leave unchanged each pupil of the batch at `school`; with `full`, end
    the enrolment (today) of each current pupil the batch lacks. One transaction; a refused
    row changes nothing and says why."""
    decision = enforce(
        actor, policy.may_sync_pupils(actor, school), event_code=EventCode.PUPIL_SYNC,
        action=Action.EXECUTE, subject=Subject.of(school, None),
    )
    if len(pupils) > PUPIL_SYNC_MAX_ROWS:
        raise ValidationError({"leerlingen": _(
            "A batch has at most %(max)s pupils.") % {"max": PUPIL_SYNC_MAX_ROWS}})
    if full and not pupils:
        raise ValidationError({"leerlingen": _(
            "A full synchronisation without pupils would end every enrolment; send the "
            "pupils.")})
    today = timezone.localdate()
    duplicates = _duplicates(pupils)
    outcomes: list[PupilOutcome] = []
    changes: dict[Action, list[Subject]] = {Action.CREATE: [], Action.UPDATE: []}
    with service_transaction():
        index = _SchoolIndex(school, pupils)
        for number, record in enumerate(pupils):
            outcomes.append(_sync_row(index, record, duplicates.get(number), today, changes))
        # One access-log row per pupil created or changed, written together (not row by row:
        # each write takes the log's chain lock, which every other write waits for).
        for action, subjects in changes.items():
            access_events_record(actor=actor, event_code=EventCode.PUPIL_SYNC_CHANGE,
                                 action=action, subjects=subjects, ground=decision.log_ground)
        present = {record.pupil_number.strip() for record in pupils}
        left = _mark_left(actor, school, present, today, decision.log_ground) if full else []
        access_event_record(
            actor=actor, event_code=EventCode.PUPIL_SYNC, action=Action.EXECUTE,
            subject=Subject.of(school, None), ground=decision.log_ground,
        )
    return SyncResult(rows=outcomes, left=left)


def _sync_row(index: _SchoolIndex, record: PupilRecord, refused: str | None,
              today: dt.date, changes: dict[Action, list[Subject]]) -> PupilOutcome:
    number = record.pupil_number.strip()
    if refused is not None:
        return PupilOutcome(number, RowResult.ERROR, refused)
    # Every refusal is raised before the row writes anything (`_check`, and the conflicts
    # `_apply` looks for first), so a refused row leaves nothing behind.
    try:
        result, enrolment = _apply(index, _check(index, record, today))
    except _RowRefused as refusal:
        return PupilOutcome(number, RowResult.ERROR, str(refusal))
    if result != RowResult.UNCHANGED:
        action = Action.CREATE if result == RowResult.CREATED else Action.UPDATE
        changes[action].append(Subject.of(enrolment, enrolment.child_id))
    return PupilOutcome(number, result, "", enrolment.child_id)
