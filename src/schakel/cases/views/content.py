"""What the case holds: the consultation, the plan, agreements, interventions, classroom
advice, escalation and closure. Each is a form page (for use without JavaScript and for
showing errors) that the case page also embeds."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.utils.translation import gettext as _

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.cases.forms import (
    AdviceForm,
    AgreementForm,
    AgreementStatusForm,
    CloseForm,
    ConsultationForm,
    EscalateForm,
    InterventionForm,
    PlanStepForm,
)
from schakel.cases.models import AgreementStatus, Case, EscalationLevel
from schakel.cases.selectors import PlanStepView, plan_steps
from schakel.cases.services.lifecycle import case_close, case_escalate
from schakel.cases.services.plan import (
    agreement_create,
    agreement_set_status,
    classroom_advice_give,
    consultation_record,
    intervention_record,
    plan_step_save,
)
from schakel.cases.views.action_flow import case_action
from schakel.cases.views.browse import active_professionals, step_initial
from schakel.http.forms import SchakelForm
from schakel.http.requests import int_or_none, pick_or_404


@login_required
def consultation(request: HttpRequest, case_id: int) -> HttpResponse:
    def perform(actor: Actor, case: Case, form: SchakelForm) -> object:
        return consultation_record(actor=actor, case=case, **form.cleaned_data)

    return case_action(
        request, case_id, form_factory=lambda case, data: ConsultationForm(data),
        perform=perform, title=_("Consultation: the four questions"), submit=_("Save"),
        anchor="consultation", success=_("The consultation has been saved."))


@login_required
def plan_step(request: HttpRequest, case_id: int, step: int) -> HttpResponse:
    """Save a new version of one step of the plan; earlier versions stay as history."""
    def step_view(case: Case) -> PlanStepView:
        for view in plan_steps(case):
            if view.number == step:
                return view
        raise Http404

    def form_factory(case: Case, data: QueryDict | None) -> SchakelForm:
        view = step_view(case)
        return PlanStepForm(data, prefix=f"step-{step}", records_consensus=view.records_consensus,
                            initial=step_initial(view.current))

    def perform(actor: Actor, case: Case, form: SchakelForm) -> object:
        if not isinstance(form, PlanStepForm):
            raise TypeError(form)
        data = form.cleaned_data
        return plan_step_save(
            actor=actor, case=case, step=step, content=data["content"],
            is_provisional=data["is_provisional"], consensus=form.consensus_value(),
            dissent=data.get("dissent", ""))

    return case_action(
        request, case_id, form_factory=form_factory, perform=perform,
        title=_("Plan step %(step)s") % {"step": step}, submit=_("Save new version"),
        anchor=f"step-{step}", success=_("The plan step has been saved."),
        template="cases/plan_step.html", context=lambda case: {"step": step_view(case)})


@login_required
def agreement_new(request: HttpRequest, case_id: int) -> HttpResponse:
    def perform(actor: Actor, case: Case, form: SchakelForm) -> object:
        data = form.cleaned_data
        owner = pick_or_404([inv.professional for inv in case.involvements.all()],
                            data["owner"])
        return agreement_create(
            actor=actor, case=case, description=data["description"], owner=owner,
            due_date=data["due_date"], is_provisional=data["is_provisional"])

    return case_action(
        request, case_id,
        form_factory=lambda case, data: AgreementForm(
            data, professionals=active_professionals(case)),
        perform=perform, title=_("New agreement"), submit=_("Add agreement"),
        anchor="agreements", success=_("The agreement has been added."))


@login_required
def agreement_status(request: HttpRequest, case_id: int) -> HttpResponse:
    """Mark an agreement done, cancelled or open again."""
    agreement_id = int_or_none(request.POST.get("agreement") or request.GET.get("agreement"))
    def form_factory(case: Case, data: QueryDict | None) -> SchakelForm:
        agreement = pick_or_404(case.agreements.all(), agreement_id)
        # Ids of their own: the case page may hold several rows' forms at once.
        return AgreementStatusForm(data, initial={"agreement": agreement.pk,
                                                  "status": agreement.status},
                                   auto_id=f"id_agreement_{agreement.pk}_%s")

    def perform(actor: Actor, case: Case, form: SchakelForm) -> object:
        agreement = pick_or_404(case.agreements.all(), form.cleaned_data["agreement"])
        return agreement_set_status(actor=actor, agreement=agreement,
                                    status=AgreementStatus(form.cleaned_data["status"]))

    return case_action(
        request, case_id, form_factory=form_factory, perform=perform,
        title=_("Change the status of an agreement"), submit=_("Change status"),
        anchor="agreements", success=_("The status of the agreement has been changed."),
        template="cases/agreement_status.html",
        context=lambda case: {"agreement": pick_or_404(case.agreements.all(), agreement_id)})


@login_required
def intervention(request: HttpRequest, case_id: int) -> HttpResponse:
    def perform(actor: Actor, case: Case, form: SchakelForm) -> object:
        return intervention_record(actor=actor, case=case, **form.cleaned_data)

    return case_action(
        request, case_id, form_factory=lambda case, data: InterventionForm(data),
        perform=perform, title=_("Record an intervention"), submit=_("Add to the timeline"),
        anchor="interventions", success=_("The intervention has been recorded."))


@login_required
def advice(request: HttpRequest, case_id: int) -> HttpResponse:
    def perform(actor: Actor, case: Case, form: SchakelForm) -> object:
        return classroom_advice_give(actor=actor, case=case, advice=form.cleaned_data["advice"])

    return case_action(
        request, case_id, form_factory=lambda case, data: AdviceForm(data),
        perform=perform, title=_("Advice for the classroom"), submit=_("Give advice"),
        anchor="advice", success=_("The advice for the classroom has been saved."))


@login_required
def escalate(request: HttpRequest, case_id: int) -> HttpResponse:
    def perform(actor: Actor, case: Case, form: SchakelForm) -> object:
        return case_escalate(actor=actor, case=case,
                             level=EscalationLevel(form.cleaned_data["level"]),
                             reason=form.cleaned_data["reason"])

    return case_action(
        request, case_id, form_factory=lambda case, data: EscalateForm(data),
        perform=perform, title=_("Escalate the case"), submit=_("Escalate"),
        anchor="escalations", success=_("The case has been escalated; those involved are "
                                         "notified."))


@login_required
def close(request: HttpRequest, case_id: int) -> HttpResponse:
    def perform(actor: Actor, case: Case, form: SchakelForm) -> object:
        return case_close(actor=actor, case=case, reason=form.cleaned_data["reason"])

    return case_action(
        request, case_id, form_factory=lambda case, data: CloseForm(data),
        perform=perform, title=_("Close the case"), submit=_("Close the case"),
        anchor="overview", decide=policy.may_steer_case,
        success=_("The case has been closed; the school and those involved are notified."))
