"""Opening a case: from a signal, or by the core team for a pupil of their school."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor, actor_from_request
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.writer import Subject
from schakel.cases.forms import SUBJECT_FAMILY, CaseOpenForm, CaseOpenFromSignalForm
from schakel.cases.models import Case
from schakel.cases.selectors import schools_for_opening
from schakel.cases.services.lifecycle import case_open
from schakel.children.models import Child, Enrolment
from schakel.children.pupil_choice import (
    chosen_pupil,
    input_kept,
    pupil_query,
    pupil_results,
    search_requested,
)
from schakel.http.forms import SchakelForm, apply_service_errors
from schakel.http.requests import chosen_school, int_or_none
from schakel.organisations.models import School
from schakel.signals.forms import SchoolChoiceForm
from schakel.signals.models import Signal, SignalLevel
from schakel.signals.selectors import signal_get


def _open(
    actor: Actor, form: SchakelForm, *, school: School, child: Child,
    signals: list[Signal] | None = None,
) -> Case | None:
    """Call the service with the subject chosen on the form; None when it refused."""
    data = form.cleaned_data
    family = child.family if data.get("subject") == SUBJECT_FAMILY else None
    if data.get("subject") == SUBJECT_FAMILY and family is None:
        form.add_error("subject", _("No family is recorded for this child; choose the child."))
        return None
    try:
        return case_open(
            actor=actor, school=school, title=data["title"],
            child=None if family else child, family=family, signals=signals or [],
            part=data["part"],
        )
    except ValidationError as error:
        apply_service_errors(form, error)
        return None


def _opened(request: HttpRequest, case: Case) -> HttpResponse:
    messages.success(request, _("Case %(ref)s has been opened.") % {"ref": case.reference})
    return redirect("cases:detail", case_id=case.pk)


@login_required
def case_open_view(request: HttpRequest) -> HttpResponse:
    """The core team opens a case for a pupil of their school, chosen by searching."""
    actor = actor_from_request(request)
    schools = list(schools_for_opening(actor=actor))
    school = chosen_school(request, schools)
    if school is None:
        return render(request, "cases/open_school.html", {
            "schools": schools, "form": SchoolChoiceForm(schools=schools)})
    selected: Enrolment | None = None
    if search_requested(request):
        # The search button without JavaScript: the form again, as filled in, with results.
        form = CaseOpenForm(initial=input_kept(request))
        selected = chosen_pupil(actor, school.pk, int_or_none(request.POST.get("child")))
    elif request.method == "POST":
        form = CaseOpenForm(request.POST)
        selected = chosen_pupil(actor, school.pk, int_or_none(request.POST.get("child")))
        if form.is_valid():
            if selected is None:
                form.add_error("child", _("Choose the child this case is about."))
            else:
                case = _open(actor, form, school=school, child=selected.child)
                if case is not None:
                    return _opened(request, case)
    else:
        form = CaseOpenForm(initial={"school": school.pk})
    query = pupil_query(request)
    return render(request, "cases/open.html", {
        "form": form, "school": school, "several_schools": len(schools) > 1, "query": query,
        "results": pupil_results(actor, school.pk, query, selected),
        "selected_child_id": selected.child_id if selected else None,
    })


@login_required
def case_open_from_signal(request: HttpRequest, signal_id: int) -> HttpResponse:
    """The core team opens a case from a signal about a child; the signal is linked."""
    actor = actor_from_request(request)
    signal, _decision = signal_get(actor=actor, signal_id=signal_id)
    enforce(actor, policy.may_triage_signal(actor, signal), event_code=EventCode.CASE_OPEN,
            action=Action.CREATE, subject=Subject.of(signal, signal.child_id))
    child = signal.child
    if signal.level != SignalLevel.CHILD or child is None:
        raise Http404
    if signal.case_id is not None:
        messages.info(request, _("This signal is already linked to a case."))
        return redirect("signals:detail", signal_id=signal.pk)
    has_family = child.family_id is not None
    if request.method == "POST":
        form = CaseOpenFromSignalForm(request.POST, has_family=has_family)
        if form.is_valid():
            case = _open(actor, form, school=signal.school, child=child, signals=[signal])
            if case is not None:
                return _opened(request, case)
    else:
        form = CaseOpenFromSignalForm(has_family=has_family, initial={"title": child.full_name})
    return render(request, "cases/open_from_signal.html", {"form": form, "signal": signal})
