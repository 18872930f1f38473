"""Pages of the team's development: my teams, a team's page (its rounds, trends and
sessions), a round (the form once, the distribution once closed), a taart van ambities."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from schakel.access.actor import Actor, actor_from_request
from schakel.audit.events import EventCode
from schakel.http.forms import SchakelForm, apply_service_errors
from schakel.teamdevelopment.forms import (
    ActionForm,
    NoteForm,
    ParticipantForm,
    RoundOpenForm,
    ScoresForm,
    SessionStartForm,
    SurveyAnswerForm,
)
from schakel.teamdevelopment.selectors.sessions import (
    ambition_session_for_change,
    ambition_session_get,
    session_meeting_choices,
    session_participant_choices,
)
from schakel.teamdevelopment.selectors.surveys import (
    survey_for_change,
    survey_get,
    team_development_get,
    team_for_development,
    teams_for,
)
from schakel.teamdevelopment.services.sessions import (
    ambition_action_record,
    ambition_note_add,
    ambition_participant_add,
    ambition_scores_record,
    ambition_session_start,
)
from schakel.teamdevelopment.services.surveys import (
    survey_answer_submit,
    survey_round_close,
    survey_round_open,
)


def _team_url(team_id: int) -> str:
    return reverse("teamdevelopment:team", kwargs={"team_id": team_id})


def _survey_url(survey_id: int) -> str:
    return reverse("teamdevelopment:survey", kwargs={"survey_id": survey_id})


def _session_url(session_id: int, anchor: str = "") -> str:
    url = reverse("teamdevelopment:session", kwargs={"session_id": session_id})
    return f"{url}#{anchor}" if anchor else url


def _errors_to_messages(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
@require_GET
def team_list(request: HttpRequest) -> HttpResponse:
    return render(request, "teamdevelopment/list.html",
                  {"teams": teams_for(actor=actor_from_request(request))})


@login_required
@require_GET
def team_page(request: HttpRequest, team_id: int) -> HttpResponse:
    page = team_development_get(actor=actor_from_request(request), team_id=team_id)
    return render(request, "teamdevelopment/team.html",
                  {"page": page, "team": page.team, "open_form": RoundOpenForm()})


@login_required
@require_POST
def survey_open(request: HttpRequest, team_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    team = team_for_development(actor=actor, team_id=team_id,
                                event_code=EventCode.TEAMDEV_SURVEY_ROUND)
    form = RoundOpenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a questionnaire."))
        return redirect(_team_url(team.pk))
    try:
        survey = survey_round_open(actor=actor, team=team, **form.cleaned_data)
    except ValidationError as error:
        _errors_to_messages(request, error)
        return redirect(_team_url(team.pk))
    messages.success(request, _("The round has been opened: the members can fill it in."))
    return redirect(_survey_url(survey.pk))


def _render_survey(request: HttpRequest, actor: Actor, survey_id: int,
                   form: SurveyAnswerForm | None = None) -> HttpResponse:
    page = survey_get(actor=actor, survey_id=survey_id)
    if form is None and page.survey.is_open and not page.answered:
        form = SurveyAnswerForm(items=page.items, scale=page.scale)
    return render(request, "teamdevelopment/survey.html", {
        "page": page, "survey": page.survey, "form": form})


@login_required
@require_GET
def survey_page(request: HttpRequest, survey_id: int) -> HttpResponse:
    return _render_survey(request, actor_from_request(request), survey_id)


@login_required
@require_POST
def survey_answer(request: HttpRequest, survey_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    survey = survey_for_change(actor=actor, survey_id=survey_id,
                               event_code=EventCode.TEAMDEV_SURVEY_ANSWER)
    page = survey_get(actor=actor, survey_id=survey_id)
    form = SurveyAnswerForm(request.POST, items=page.items, scale=page.scale)
    if form.is_valid():
        try:
            survey_answer_submit(actor=actor, survey=survey, answers=form.answers())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Thank you: your answers have been saved."))
            return redirect(_survey_url(survey.pk))
    return _render_survey(request, actor, survey_id, form)


@login_required
@require_POST
def survey_close(request: HttpRequest, survey_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    survey = survey_for_change(actor=actor, survey_id=survey_id,
                               event_code=EventCode.TEAMDEV_SURVEY_ROUND)
    try:
        survey_round_close(actor=actor, survey=survey)
    except ValidationError as error:
        _errors_to_messages(request, error)
    else:
        messages.success(request, _("The round has been closed."))
    return redirect(_survey_url(survey.pk))


@login_required
def session_start(request: HttpRequest, team_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    team = team_for_development(actor=actor, team_id=team_id,
                                event_code=EventCode.TEAMDEV_SESSION_CREATE)
    meetings = session_meeting_choices(actor=actor, team=team)
    form = SessionStartForm(request.POST if request.method == "POST" else None,
                            meetings=meetings)
    if request.method == "POST" and form.is_valid():
        try:
            session = ambition_session_start(actor=actor, team=team, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The taart van ambities has been started."))
            return redirect(_session_url(session.pk))
    return render(request, "teamdevelopment/session_start.html", {
        "form": form, "team": team, "back": _team_url(team.pk), "has_meetings": bool(meetings)})


def _render_session(request: HttpRequest, actor: Actor, session_id: int,
                    bound: dict[str, SchakelForm] | None = None) -> HttpResponse:
    page = ambition_session_get(actor=actor, session_id=session_id)
    forms: dict[str, SchakelForm] = {}
    if page.may_change:
        participants = page.participants
        forms = {"note": NoteForm(),
                 "participant": ParticipantForm(
                     professionals=session_participant_choices(page.session)),
                 "scores": ScoresForm(participants=participants),
                 "action": ActionForm(participants=[
                     p for p in participants if p.decision_id is None])}
    forms.update(bound or {})
    return render(request, "teamdevelopment/session.html", {
        "page": page, "session": page.session, "forms": forms})


@login_required
@require_GET
def session_page(request: HttpRequest, session_id: int) -> HttpResponse:
    return _render_session(request, actor_from_request(request), session_id)


@login_required
@require_POST
def session_note(request: HttpRequest, session_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    session = ambition_session_for_change(actor=actor, session_id=session_id)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            ambition_note_add(actor=actor, session=session, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The note has been added to the cake."))
            return redirect(_session_url(session.pk, f"ring-{form.cleaned_data['ring']}"))
    return _render_session(request, actor, session_id, {"note": form})


@login_required
@require_POST
def session_participant(request: HttpRequest, session_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    session = ambition_session_for_change(actor=actor, session_id=session_id)
    form = ParticipantForm(request.POST,
                           professionals=session_participant_choices(session))
    if form.is_valid():
        try:
            ambition_participant_add(actor=actor, session=session, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The participant has been added."))
            return redirect(_session_url(session.pk, "participants"))
    return _render_session(request, actor, session_id, {"participant": form})


@login_required
@require_POST
def session_scores(request: HttpRequest, session_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    session = ambition_session_for_change(actor=actor, session_id=session_id)
    form = ScoresForm(request.POST, participants=list(session.participants.select_related(
        "professional")))
    if form.is_valid():
        try:
            ambition_scores_record(actor=actor, session=session, scores=form.scores())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The marks have been recorded."))
            return redirect(_session_url(session.pk, "scores"))
    return _render_session(request, actor, session_id, {"scores": form})


@login_required
@require_POST
def session_action(request: HttpRequest, session_id: int) -> HttpResponse:
    actor = actor_from_request(request)
    session = ambition_session_for_change(actor=actor, session_id=session_id)
    form = ActionForm(request.POST, participants=list(session.participants.filter(
        decision__isnull=True)))
    if form.is_valid():
        try:
            ambition_action_record(actor=actor, session=session, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The first action has been recorded as a decision of "
                                        "the meeting."))
            return redirect(_session_url(session.pk, "actions"))
    return _render_session(request, actor, session_id, {"action": form})
