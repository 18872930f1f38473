"""Writes of a school's preventiematrix: the top 12 of desired situations and of problems, the
offer per sector and pyramid level, the shared ambition, the agreements on regie. Each write
asks the policy (a refusal is the logged 404), checks its input (a ValidationError in Dutch
that stores nothing), works on the locked matrix row (so that two members cannot both take
place 7) and writes one access-log row. The matrix is no child's data; the row says who
changed what. The matrix itself is made by the first write."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.organisations.models import Professional, School
from schakel.prevention.models import (
    TOP_SIZE,
    PreventionMatrix,
    PreventionOffer,
    PyramidLevel,
    RankedItem,
    RankedKind,
    RegieAgreement,
    Sector,
)
from schakel.prevention.selectors import matrix_subject
from schakel.transactions import service_transaction

Errors = dict[str, str]


def _enforce_change(actor: Actor, school: School, action: Action,
                    subject: Subject | None = None) -> policy.Decision:
    return enforce(actor, policy.may_change_prevention_matrix(actor, school),
                   event_code=EventCode.PREVENTION_CHANGE, action=action,
                   subject=subject or matrix_subject(school.pk))


def _log(actor: Actor, subject: Subject, action: Action, decision: policy.Decision) -> None:
    access_event_record(actor=actor, event_code=EventCode.PREVENTION_CHANGE, action=action,
                        subject=subject, ground=decision.log_ground)


def _locked_matrix(school: School, by: Professional) -> PreventionMatrix:
    """The school's matrix, locked, made now if it has none; marked as changed by `by`."""
    matrix, _created = PreventionMatrix.objects.get_or_create(
        school=school, defaults={"updated_by": by})
    matrix = PreventionMatrix.objects.select_for_update().get(pk=matrix.pk)
    matrix.updated_by = by
    matrix.save(update_fields=["updated_by", "updated_at"])
    return matrix


def _text(errors: Errors, name: str, value: str, max_length: int,
          missing: str = "") -> str:
    """`value` stripped; an error when it is empty (and `missing` says so) or too long."""
    value = value.strip()
    if not value and missing:
        errors[name] = missing
    elif max_length and len(value) > max_length:
        errors[name] = _("At most %(count)s characters.") % {"count": max_length}
    return value


def _raise(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


# Step 1: the top 12.

def _kind_words(kind: str) -> str:
    return str(_("desired situations") if kind == RankedKind.DESIRED else _("common problems"))


def _check_rank(matrix: PreventionMatrix, kind: str, rank: int | None,
                exclude: int | None = None) -> int:
    """The place to take: `rank`, or the first free one; refused when the top 12 is full,
    when the place is outside 1-12 or when another item holds it."""
    rows = RankedItem.objects.filter(matrix=matrix, kind=kind)
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    taken = {item.rank: item for item in rows}
    if rank is None:
        free = [place for place in range(1, TOP_SIZE + 1) if place not in taken]
        if not free:
            raise ValidationError({"rank": _(
                "The top %(count)s of %(kind)s is full: remove or change one first.")
                % {"count": TOP_SIZE, "kind": _kind_words(kind)}})
        return free[0]
    if not 1 <= rank <= TOP_SIZE:
        raise ValidationError({"rank": _("Choose a place from 1 to %(count)s.")
                               % {"count": TOP_SIZE}})
    if rank in taken:
        raise ValidationError({"rank": _(
            "Place %(rank)s of the %(kind)s is already taken by “%(text)s”. Choose "
            "another place, or change that one first.")
            % {"rank": rank, "kind": _kind_words(kind), "text": taken[rank].text}})
    return rank


def ranked_item_add(*, actor: Actor, school: School, kind: str, text: str,
                    rank: int | None = None) -> RankedItem:
    """A desired situation or common problem in place `rank` (None: the first free place)."""
    decision = _enforce_change(actor, school, Action.CREATE)
    by = actor.require_professional()
    errors: Errors = {}
    if kind not in RankedKind.values:
        errors["kind"] = _("Choose a desired situation or a common problem.")
    text = _text(errors, "text", text, 300, _("Describe the situation or the problem."))
    _raise(errors)
    with service_transaction():
        matrix = _locked_matrix(school, by)
        place = _check_rank(matrix, kind, rank)
        item = RankedItem.objects.create(matrix=matrix, kind=kind, rank=place, text=text,
                                         updated_by=by)
        _log(actor, Subject.of(item, None), Action.CREATE, decision)
    return item


def ranked_item_update(*, actor: Actor, item: RankedItem, text: str,
                       rank: int) -> RankedItem:
    school = item.matrix.school
    decision = _enforce_change(actor, school, Action.UPDATE, Subject.of(item, None))
    by = actor.require_professional()
    errors: Errors = {}
    text = _text(errors, "text", text, 300, _("Describe the situation or the problem."))
    _raise(errors)
    with service_transaction():
        matrix = _locked_matrix(school, by)
        item.rank = _check_rank(matrix, item.kind, rank, exclude=item.pk)
        item.text, item.updated_by = text, by
        item.save(update_fields=["rank", "text", "updated_by", "updated_at"])
        _log(actor, Subject.of(item, None), Action.UPDATE, decision)
    return item


def ranked_item_remove(*, actor: Actor, item: RankedItem) -> None:
    school = item.matrix.school
    decision = _enforce_change(actor, school, Action.DELETE, Subject.of(item, None))
    by = actor.require_professional()
    with service_transaction():
        _locked_matrix(school, by)
        subject = Subject.of(item, None)
        item.delete()
        _log(actor, subject, Action.DELETE, decision)


# Step 2: the offer per sector and level.

def prevention_offer_add(*, actor: Actor, school: School, sector: str, level: str, name: str,
                         provider: str = "", description: str = "") -> PreventionOffer:
    decision = _enforce_change(actor, school, Action.CREATE)
    by = actor.require_professional()
    errors: Errors = {}
    if sector not in Sector.values:
        errors["sector"] = _("Choose the sector: education, municipal youth services or "
                             "informal care.")
    if level not in PyramidLevel.values:
        errors["level"] = _("Choose the level of the prevention pyramid.")
    name = _text(errors, "name", name, 200, _("Name the offer."))
    provider = _text(errors, "provider", provider, 200)
    description = _text(errors, "description", description, 0)
    _raise(errors)
    with service_transaction():
        matrix = _locked_matrix(school, by)
        if PreventionOffer.objects.filter(matrix=matrix, sector=sector, level=level,
                                          name__iexact=name).exists():
            raise ValidationError({"name": _(
                "“%(name)s” is already in this cell of the matrix.")
                % {"name": name}})
        offer = PreventionOffer.objects.create(
            matrix=matrix, sector=sector, level=level, name=name, provider=provider,
            description=description, updated_by=by)
        _log(actor, Subject.of(offer, None), Action.CREATE, decision)
    return offer


def prevention_offer_remove(*, actor: Actor, offer: PreventionOffer) -> None:
    school = offer.matrix.school
    decision = _enforce_change(actor, school, Action.DELETE, Subject.of(offer, None))
    by = actor.require_professional()
    with service_transaction():
        _locked_matrix(school, by)
        subject = Subject.of(offer, None)
        offer.delete()
        _log(actor, subject, Action.DELETE, decision)


# Step 3: the shared ambition.

def prevention_ambition_update(*, actor: Actor, school: School, what: str, how: str,
                               who: str) -> PreventionMatrix:
    decision = _enforce_change(actor, school, Action.UPDATE)
    by = actor.require_professional()
    errors: Errors = {}
    what = _text(errors, "what", what, 0, _("Say what the shared ambition is."))
    how = _text(errors, "how", how, 0)
    who = _text(errors, "who", who, 0)
    _raise(errors)
    with service_transaction():
        matrix = _locked_matrix(school, by)
        matrix.ambition_what, matrix.ambition_how, matrix.ambition_who = what, how, who
        matrix.save(update_fields=["ambition_what", "ambition_how", "ambition_who"])
        _log(actor, Subject.of(matrix, None), Action.UPDATE, decision)
    return matrix


# Step 4: agreements on regie.

def regie_agreement_add(*, actor: Actor, school: School, subject: str, holder: str,
                        agreement: str = "") -> RegieAgreement:
    decision = _enforce_change(actor, school, Action.CREATE)
    by = actor.require_professional()
    errors: Errors = {}
    subject = _text(errors, "subject", subject, 200, _("Say what the regie is about."))
    holder = _text(errors, "holder", holder, 200, _("Say who has the regie."))
    agreement = _text(errors, "agreement", agreement, 0)
    _raise(errors)
    with service_transaction():
        matrix = _locked_matrix(school, by)
        if RegieAgreement.objects.filter(matrix=matrix, subject__iexact=subject).exists():
            raise ValidationError({"subject": _(
                "There is already an agreement on the regie over “%(subject)s”: "
                "remove it first to change it.") % {"subject": subject}})
        row = RegieAgreement.objects.create(matrix=matrix, subject=subject, holder=holder,
                                            agreement=agreement, updated_by=by)
        _log(actor, Subject.of(row, None), Action.CREATE, decision)
    return row


def regie_agreement_remove(*, actor: Actor, agreement: RegieAgreement) -> None:
    school = agreement.matrix.school
    decision = _enforce_change(actor, school, Action.DELETE, Subject.of(agreement, None))
    by = actor.require_professional()
    with service_transaction():
        _locked_matrix(school, by)
        subject = Subject.of(agreement, None)
        agreement.delete()
        _log(actor, subject, Action.DELETE, decision)
