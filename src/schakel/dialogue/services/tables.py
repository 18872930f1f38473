"""Writes of a dialogue table: created by its chair, its description proposed from a case,
its sections added, sent to the participants for their comments, adopted. Every change is
checked against the policy (refusal: the logged 404) and, in the locked row, against the
status table (`workflow.TRANSITIONS`: nothing changes once adopted); bad input is a
ValidationError and stores nothing. Each write logs one row; a table holds no child's data,
but proposing its description from a case is a read of the case, logged as such."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.cases.models import Case
from schakel.cases.selectors import case_get, case_subjects, plan_steps
from schakel.children.models import Child, Guardian
from schakel.dialogue import anonymise as anon
from schakel.dialogue.models import (
    Audience,
    DialogueTable,
    Domain,
    Factor,
    HistoryEvent,
    Level,
    Participant,
    Perspective,
    Recommendation,
    ReviewComment,
    TableStatus,
    Valence,
)
from schakel.dialogue.selectors.tables import table_subject
from schakel.dialogue.workflow import may_follow
from schakel.organisations.models import Organisation, Professional, School
from schakel.transactions import service_transaction

ADOPTED = gettext_lazy("This dialogue table has been adopted; it can no longer be changed.")


def _log(actor: Actor, table: DialogueTable, code: EventCode, action: Action,
         decision: policy.Decision) -> None:
    access_event_record(actor=actor, event_code=code, action=action,
                        subject=table_subject(table.pk), ground=decision.log_ground)


def _enforce_change(actor: Actor, table: DialogueTable, code: EventCode) -> policy.Decision:
    """Anyone but the chair: the logged 404. The chair of an adopted table: it is read-only."""
    decision = enforce(actor, policy.may_open_dialogue_table_for_change(actor, table),
                       event_code=code, action=Action.UPDATE, subject=table_subject(table.pk))
    if not policy.may_change_dialogue_table(actor, table):
        raise ValidationError(ADOPTED)
    return decision


def _lock_changeable(table: DialogueTable) -> DialogueTable:
    locked = DialogueTable.objects.select_for_update().get(pk=table.pk)
    if locked.is_adopted:
        raise ValidationError(ADOPTED)
    return locked


def _required(errors: dict[str, str], name: str, value: str, message: str) -> str:
    value = value.strip()
    if not value:
        errors[name] = message
    return value


def dialogue_table_create(*, actor: Actor, title: str, level: str) -> DialogueTable:
    decision = enforce(actor, policy.may_create_dialogue_table(actor),
                       event_code=EventCode.DIALOGUE_CREATE, action=Action.CREATE,
                       subject=Subject("dialogue.dialoguetable", "", None))
    chair = actor.require_professional()
    errors: dict[str, str] = {}
    title = _required(errors, "title", title, _("Give the dialogue table a title."))
    if level not in Level.values:
        errors["level"] = _("Choose the kind of education: PO, VO or MBO.")
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        table = DialogueTable.objects.create(title=title, level=level, chair=chair)
        _log(actor, table, EventCode.DIALOGUE_CREATE, Action.CREATE, decision)
    return table


def dialogue_table_update(*, actor: Actor, table: DialogueTable, title: str, level: str,
                          description: str, goal_realisation: str) -> DialogueTable:
    decision = _enforce_change(actor, table, EventCode.DIALOGUE_CHANGE)
    errors: dict[str, str] = {}
    title = _required(errors, "title", title, _("Give the dialogue table a title."))
    if level not in Level.values:
        errors["level"] = _("Choose the kind of education: PO, VO or MBO.")
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        table = _lock_changeable(table)
        table.title, table.level = title, level
        table.description, table.goal_realisation = description.strip(), goal_realisation.strip()
        table.save(update_fields=["title", "level", "description", "goal_realisation"])
        _log(actor, table, EventCode.DIALOGUE_CHANGE, Action.UPDATE, decision)
    return table


def _case_texts(case: Case) -> list[str]:
    texts = [case.title]
    for step in plan_steps(case):
        if step.current is not None and step.current.content.strip():
            texts.append(f"{step.title}: {step.current.content.strip()}")
    for consultation in case.consultations.all():
        texts.extend(text.strip() for text in (
            consultation.signals_seen, consultation.already_started, consultation.wisdom,
            consultation.who_takes_role) if text.strip())
    return texts


def _case_names(case: Case) -> dict[str, list[str]]:
    family_id = case.family_id or (case.child.family_id if case.child is not None else None)
    children = [case.child] if case.child is not None else []
    if family_id is not None:
        children += list(Child.objects.filter(family_id=family_id))
    child_names = [f"{c.first_name} {c.last_name}" for c in children] + [
        c.first_name for c in children] + [c.last_name for c in children]
    family = [name for name in (
        case.family.name if case.family else "",
        case.child.family.name if case.child is not None and case.child.family else "") if name]
    family += list(Guardian.objects.filter(children__in=children).values_list(
        "full_name", flat=True))
    schools = list(School.objects.values_list("name", flat=True))
    places = {*School.objects.values_list("municipality", flat=True),
              *Organisation.objects.values_list("municipality", flat=True)}
    return {
        anon.CHILD: child_names,
        anon.FAMILY: family,
        anon.PROFESSIONAL: list(Professional.objects.values_list("full_name", flat=True)),
        anon.SCHOOL: schools,
        anon.ORGANISATION: list(Organisation.objects.values_list("name", flat=True)),
        anon.PLACE: sorted(place for place in places if place),
    }


def dialogue_description_propose(*, actor: Actor, table: DialogueTable,
                                 case_reference: str) -> DialogueTable:
    """Propose the table's description from a case's plan and consultation texts, anonymised
    (`anonymise`), for the chair to edit. Only a case the chair may read (`may_read_case`;
    the read is logged by `case_get` and, as the reason for it, as `DIALOGUE_PROPOSE` per
    child); the case is kept as the table's source, shown to nobody. A reference of no case
    is the same logged 404 as a case the chair may not read."""
    decision = _enforce_change(actor, table, EventCode.DIALOGUE_CHANGE)
    case_id = Case.objects.filter(reference=case_reference.strip()).values_list(
        "pk", flat=True).first()
    case, read = case_get(actor=actor, case_id=case_id or 0, content=False)
    proposal = anon.anonymise("\n\n".join(_case_texts(case)), _case_names(case))
    with service_transaction():
        table = _lock_changeable(table)
        table.description = proposal
        table.source_case = case
        table.save(update_fields=["description", "source_case"])
        for subject in case_subjects(case):
            access_event_record(actor=actor, event_code=EventCode.DIALOGUE_PROPOSE,
                                action=Action.READ, subject=subject, ground=read.log_ground)
        _log(actor, table, EventCode.DIALOGUE_CHANGE, Action.UPDATE, decision)
    return table


def history_event_add(*, actor: Actor, table: DialogueTable, moment: str,
                      description: str) -> HistoryEvent:
    decision = _enforce_change(actor, table, EventCode.DIALOGUE_CHANGE)
    errors: dict[str, str] = {}
    description = _required(errors, "description", description,
                            _("Say what happened (help, an overlap, a transition)."))
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        table = _lock_changeable(table)
        last = table.history.aggregate(last=Max("order"))["last"] or 0
        event = HistoryEvent.objects.create(table=table, moment=moment.strip(),
                                            description=description, order=last + 1)
        _log(actor, table, EventCode.DIALOGUE_CHANGE, Action.UPDATE, decision)
    return event


def participant_add(*, actor: Actor, table: DialogueTable, perspective: str, role: str,
                    organisation_type: str = "",
                    professional: Professional | None = None) -> Participant:
    decision = _enforce_change(actor, table, EventCode.DIALOGUE_CHANGE)
    errors: dict[str, str] = {}
    if perspective not in Perspective.values:
        errors["perspective"] = _("Choose the perspective: parent, young person or "
                                  "professional.")
    role = _required(errors, "role", role, _("Say who this is (a role, not a name of the "
                                             "family: e.g. mother, mentor)."))
    if professional is not None and perspective != Perspective.PROFESSIONAL:
        errors["professional"] = _("Only a professional takes part with an account.")
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        table = _lock_changeable(table)
        if professional is not None and table.participants.filter(
                professional=professional).exists():
            raise ValidationError({"professional": _("This professional takes part already.")})
        participant = Participant.objects.create(
            table=table, perspective=perspective, role=role,
            organisation_type=organisation_type.strip(), professional=professional)
        _log(actor, table, EventCode.DIALOGUE_CHANGE, Action.UPDATE, decision)
    return participant


def factor_add(*, actor: Actor, table: DialogueTable, domain: str, valence: str, text: str,
               case_specific: bool = True, parent: Factor | None = None,
               named_by: Sequence[Participant] = ()) -> Factor:
    """A factor, or with `parent` one of its possible causes (of the same table; a cause may
    have either valence)."""
    decision = _enforce_change(actor, table, EventCode.DIALOGUE_CHANGE)
    errors: dict[str, str] = {}
    if domain not in Domain.values:
        errors["domain"] = _("Choose the domain of the factor.")
    if valence not in Valence.values:
        errors["valence"] = _("Say whether the factor helped or obstructed.")
    text = _required(errors, "text", text, _("Describe the factor."))
    if parent is not None and parent.table_id != table.pk:
        errors["parent"] = _("A possible cause belongs to a factor of the same dialogue table.")
    if any(participant.table_id != table.pk for participant in named_by):
        errors["named_by"] = _("Only participants of this dialogue table name its factors.")
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        table = _lock_changeable(table)
        factor = Factor.objects.create(table=table, domain=domain, valence=valence, text=text,
                                       case_specific=case_specific, parent=parent)
        factor.named_by.set(named_by)
        _log(actor, table, EventCode.DIALOGUE_CHANGE, Action.UPDATE, decision)
    return factor


def recommendation_add(*, actor: Actor, table: DialogueTable, audience: str,
                       text: str) -> Recommendation:
    decision = _enforce_change(actor, table, EventCode.DIALOGUE_CHANGE)
    errors: dict[str, str] = {}
    if audience not in Audience.values:
        errors["audience"] = _("Choose for whom the recommendation is.")
    text = _required(errors, "text", text, _("Write the recommendation."))
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        table = _lock_changeable(table)
        recommendation = Recommendation.objects.create(table=table, audience=audience,
                                                       text=text)
        _log(actor, table, EventCode.DIALOGUE_CHANGE, Action.UPDATE, decision)
    return recommendation


def _transition(actor: Actor, table: DialogueTable, new: TableStatus,
                code: EventCode) -> DialogueTable:
    decision = _enforce_change(actor, table, code)
    with service_transaction():
        table = _lock_changeable(table)
        if not may_follow(table.status, new):
            raise ValidationError(_("A dialogue table goes from draft to review to adopted; "
                                    "this step is not possible now."))
        if new == TableStatus.IN_REVIEW and not table.description.strip():
            raise ValidationError(_("Write the anonymised description before the "
                                    "participants read the report."))
        table.status = new
        fields = ["status"]
        if new == TableStatus.ADOPTED:
            table.adopted_at = timezone.now()
            fields.append("adopted_at")
        table.save(update_fields=fields)
        _log(actor, table, code, Action.UPDATE, decision)
    return table


def dialogue_review_start(*, actor: Actor, table: DialogueTable) -> DialogueTable:
    """The participants read the report and comment on it."""
    return _transition(actor, table, TableStatus.IN_REVIEW, EventCode.DIALOGUE_REVIEW)


def dialogue_adopt(*, actor: Actor, table: DialogueTable) -> DialogueTable:
    """Adopt (vaststellen) the report: read-only from now on."""
    return _transition(actor, table, TableStatus.ADOPTED, EventCode.DIALOGUE_ADOPT)


def review_comment_add(*, actor: Actor, table: DialogueTable, text: str) -> ReviewComment:
    decision = enforce(actor, policy.may_comment_on_dialogue_table(actor, table),
                       event_code=EventCode.DIALOGUE_COMMENT, action=Action.CREATE,
                       subject=table_subject(table.pk))
    errors: dict[str, str] = {}
    text = _required(errors, "text", text, _("Write your comment."))
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        locked = DialogueTable.objects.select_for_update().get(pk=table.pk)
        if locked.status != TableStatus.IN_REVIEW:
            raise ValidationError(_("Comments are written while the participants read the "
                                    "report; this dialogue table is not in review."))
        comment = ReviewComment.objects.create(table=locked, author=actor.require_professional(),
                                               text=text)
        _log(actor, locked, EventCode.DIALOGUE_COMMENT, Action.CREATE, decision)
    return comment
