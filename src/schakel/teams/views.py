"""A team's page (members in their layer, substitutes, charter) for every signed-in
professional; its keepers change it. Views parse input and call selectors and services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import actor_from_request
from schakel.http.forms import apply_service_errors
from schakel.teams.forms import CharterForm, MemberAddForm, MemberChangeForm, MemberEndForm
from schakel.teams.selectors import (
    current_members,
    membership_for_change,
    team_for_change,
    team_get,
)
from schakel.teams.services import (
    team_charter_update,
    team_member_add,
    team_member_end,
    team_member_update,
)


@login_required
def team_detail(request: HttpRequest, team_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    team = team_get(team_id=team_id)
    today = timezone.localdate()
    members = current_members(team, today)
    past = [m for m in team.memberships.all() if m.end_date is not None and m.end_date < today]
    coming = [m for m in team.memberships.all() if m.start_date > today]
    charter = getattr(team, "charter", None)  # loaded with the team; None before it is set
    return render(request, "teams/detail.html", {
        "team": team, "members": members, "past": past, "coming": coming, "charter": charter,
        "may_manage": bool(policy.may_manage_team(actor, team)),
    })


@login_required
def member_add(request: HttpRequest, team_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    team = team_for_change(actor=actor, team_id=team_id)
    form = MemberAddForm(request.POST if request.method == "POST" else None,
                         initial={"start_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            team_member_add(actor=actor, team=team, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("%(name)s is now a member of %(team)s.") % {
                "name": form.cleaned_data["professional"].full_name, "team": team.name})
            return redirect("teams:detail", team_id=team.pk)
    return render(request, "teams/member_form.html", {
        "team": team, "form": form, "title": _("Add a member")})


@login_required
def member_change(request: HttpRequest, membership_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    membership = membership_for_change(actor=actor, membership_id=membership_id)
    team = membership.team
    change = MemberChangeForm(
        request.POST if request.method == "POST" and "role" in request.POST else None,
        initial={"role": membership.role, "substitute": membership.substitute_id})
    end = MemberEndForm(
        request.POST if request.method == "POST" and "end_date" in request.POST else None,
        initial={"end_date": timezone.localdate()})
    if request.method == "POST":
        try:
            if change.is_bound and change.is_valid():
                team_member_update(actor=actor, membership=membership, **change.cleaned_data)
                messages.success(request, _("The membership of %(name)s has been changed.")
                                 % {"name": membership.professional.full_name})
                return redirect("teams:detail", team_id=team.pk)
            if end.is_bound and end.is_valid():
                team_member_end(actor=actor, membership=membership, **end.cleaned_data)
                messages.success(request, _("The membership of %(name)s ends on %(date)s.") % {
                    "name": membership.professional.full_name,
                    "date": end.cleaned_data["end_date"].strftime("%d-%m-%Y")})
                return redirect("teams:detail", team_id=team.pk)
        except ValidationError as exc:
            apply_service_errors(change if change.is_bound else end, exc)
    return render(request, "teams/member_change.html", {
        "team": team, "membership": membership, "change": change, "end": end})


@login_required
def charter_edit(request: HttpRequest, team_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    team = team_for_change(actor=actor, team_id=team_id)
    loaded = team_get(team_id=team.pk)
    today = timezone.localdate()
    members = [m.professional for m in current_members(loaded, today)]
    charter = getattr(loaded, "charter", None)
    initial = {} if charter is None else {
        "chair": charter.chair_id, "minute_taker": charter.minute_taker_id,
        "frequency": charter.frequency, "preparation": charter.preparation,
        "way_of_meeting": charter.way_of_meeting, "fixed_agenda": charter.fixed_agenda,
        "substitution": charter.substitution, "minutes": charter.minutes}
    form = CharterForm(request.POST if request.method == "POST" else None, initial=initial,
                       members=members)
    if request.method == "POST" and form.is_valid():
        try:
            team_charter_update(actor=actor, team=team, today=today, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("The agreements of %(team)s have been saved.")
                             % {"team": team.name})
            return redirect("teams:detail", team_id=team.pk)
    return render(request, "teams/charter_form.html", {"team": team, "form": form})
