"""Importing a school's EDEXML 2.1 export (`children/edexml.py`, docs/edexml.md): the same
synchronisation as the API's `leerlingen/synchronisatie`, as a full batch — the file is the
whole school, so its current pupils missing from the file are marked as left."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.children.edexml import EdexmlFile, EdexmlInvalid, Problem, edexml_parse
from schakel.children.services.pupil_sync import (
    PUPIL_SYNC_MAX_ROWS,
    PupilOutcome,
    PupilRecord,
    SyncResult,
    pupils_sync,
)
from schakel.organisations.models import School


@dataclass(frozen=True)
class EdexmlRow:
    line: int
    outcome: PupilOutcome


@dataclass(frozen=True)
class EdexmlImportResult:
    school: School
    file: EdexmlFile
    rows: list[EdexmlRow]
    left: list[str]


def _school_of(actor: Actor, parsed: EdexmlFile) -> School:
    """The school the file is of (BRIN and dependance code, or the BRIN alone), among those
    whose pupils the actor synchronises; an unknown one is a problem of the file."""
    codes = [parsed.brin + parsed.dependance, parsed.brin] if parsed.dependance else [
        parsed.brin]
    schools = {school.brin: school for school in School.objects.filter(
        policy.pupil_sync_schools_q(actor), brin__in=codes)}
    for code in codes:
        if code in schools:
            return schools[code]
    raise EdexmlInvalid([Problem(
        "/leerlinggegevens/school/brincode", parsed.brin_line,
        _("Schakel knows no school with BRIN %(brin)s whose pupils you synchronise.")
        % {"brin": "".join(codes[:1])})])


def pupils_edexml_import(*, actor: Actor, content: bytes) -> EdexmlImportResult:
    """Read the file, find its school and synchronise its pupils (one transaction, in
    `pupils_sync`, which asks the policy and writes the access log). A file with any problem
    raises `EdexmlInvalid` before anything is written."""
    parsed = edexml_parse(content, max_bytes=settings.SCHAKEL_EDEXML_MAX_BYTES,
                          max_pupils=PUPIL_SYNC_MAX_ROWS)
    school = _school_of(actor, parsed)
    result: SyncResult = pupils_sync(actor=actor, school=school, full=True, pupils=[
        PupilRecord(pupil_number=pupil.key, first_name=pupil.first_name,
                    last_name=pupil.last_name, birth_date=pupil.birth_date,
                    education_number=pupil.education_number, class_name=pupil.class_name)
        for pupil in parsed.pupils])
    return EdexmlImportResult(
        school=school, file=parsed, left=result.left,
        rows=[EdexmlRow(pupil.line, outcome)
              for pupil, outcome in zip(parsed.pupils, result.rows, strict=True)])
