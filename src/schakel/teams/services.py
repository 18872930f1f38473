"""Changes to a team: members in and out (dated), their substitute, the charter. Each checks
the policy and writes its access-log row (no child's data: the row says who changed what)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject, access_event_record
from schakel.organisations.models import Professional
from schakel.teams.models import MeetingFrequency, Team, TeamCharter, TeamMembership
from schakel.transactions import service_transaction


def _check_substitute(professional: Professional, substitute: Professional | None) -> None:
    if substitute is None:
        return
    if substitute.pk == professional.pk:
        raise ValidationError({"substitute": _("A member cannot be their own substitute.")})
    if substitute.organisation_id != professional.organisation_id:
        raise ValidationError({"substitute": _(
            "The substitute must work at the same organisation as the member (%(org)s).")
            % {"org": professional.organisation.name}})


def _overlapping(team: Team, professional: Professional, start: dt.date,
                 end: dt.date | None, exclude: int | None = None) -> bool:
    rows = TeamMembership.objects.filter(team=team, professional=professional).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=start))
    if end is not None:
        rows = rows.filter(start_date__lte=end)
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    return rows.exists()


def _log(actor: Actor, subject: Subject, action: Action, ground: str) -> None:
    access_event_record(actor=actor, event_code=EventCode.TEAM_CHANGE, action=action,
                        subject=subject, ground=ground)


def team_member_add(
    *, actor: Actor, team: Team, professional: Professional, role: str = "",
    substitute: Professional | None = None, start_date: dt.date,
) -> TeamMembership:
    decision = enforce(actor, policy.may_manage_team(actor, team),
                       event_code=EventCode.TEAM_CHANGE, action=Action.CREATE,
                       subject=Subject.of(team, None))
    _check_substitute(professional, substitute)
    with service_transaction():
        if _overlapping(team, professional, start_date, None):
            raise ValidationError({"professional": _(
                "%(name)s is already a member of this team in that period.")
                % {"name": professional.full_name}})
        membership = TeamMembership.objects.create(
            team=team, professional=professional, role=role.strip(), substitute=substitute,
            start_date=start_date)
        _log(actor, Subject.of(membership, None), Action.CREATE, decision.log_ground)
    return membership


def team_member_update(
    *, actor: Actor, membership: TeamMembership, role: str,
    substitute: Professional | None,
) -> TeamMembership:
    decision = enforce(actor, policy.may_manage_team(actor, membership.team),
                       event_code=EventCode.TEAM_CHANGE, action=Action.UPDATE,
                       subject=Subject.of(membership, None))
    _check_substitute(membership.professional, substitute)
    with service_transaction():
        membership.role, membership.substitute = role.strip(), substitute
        membership.save(update_fields=["role", "substitute"])
        _log(actor, Subject.of(membership, None), Action.UPDATE, decision.log_ground)
    return membership


def team_member_end(
    *, actor: Actor, membership: TeamMembership, end_date: dt.date,
) -> TeamMembership:
    """End a membership on `end_date` (the last day as a member)."""
    decision = enforce(actor, policy.may_manage_team(actor, membership.team),
                       event_code=EventCode.TEAM_CHANGE, action=Action.UPDATE,
                       subject=Subject.of(membership, None))
    if membership.end_date is not None:
        raise ValidationError({"end_date": _("This membership has ended already.")})
    if end_date < membership.start_date:
        raise ValidationError({"end_date": _(
            "A membership cannot end before it started (%(start)s).")
            % {"start": membership.start_date.strftime("%d-%m-%Y")}})
    with service_transaction():
        membership.end_date = end_date
        membership.save(update_fields=["end_date"])
        _log(actor, Subject.of(membership, None), Action.UPDATE, decision.log_ground)
    return membership


def team_charter_update(
    *, actor: Actor, team: Team, chair: Professional | None,
    minute_taker: Professional | None, frequency: MeetingFrequency | str, preparation: str = "",
    way_of_meeting: str = "", fixed_agenda: str = "", substitution: str = "", minutes: str = "",
    today: dt.date,
) -> TeamCharter:
    decision = enforce(actor, policy.may_manage_team(actor, team),
                       event_code=EventCode.TEAM_CHANGE, action=Action.UPDATE,
                       subject=Subject.of(team, None))
    members = set(TeamMembership.objects.active_on(today).filter(team=team)
                  .values_list("professional_id", flat=True))
    errors: dict[str, str] = {}
    if chair is not None and chair.pk not in members:
        errors["chair"] = _("The chair must be a member of the team.")
    if minute_taker is not None and minute_taker.pk not in members:
        errors["minute_taker"] = _("Whoever takes the minutes must be a member of the team.")
    if frequency not in MeetingFrequency.values:
        errors["frequency"] = _("Choose how often the team meets.")
    if errors:
        raise ValidationError(errors)
    with service_transaction():
        charter, _created = TeamCharter.objects.update_or_create(team=team, defaults={
            "chair": chair, "minute_taker": minute_taker, "frequency": frequency,
            "preparation": preparation.strip(), "way_of_meeting": way_of_meeting.strip(),
            "fixed_agenda": fixed_agenda.strip(), "substitution": substitution.strip(),
            "minutes": minutes.strip()})
        _log(actor, Subject.of(charter, None), Action.UPDATE, decision.log_ground)
    return charter
