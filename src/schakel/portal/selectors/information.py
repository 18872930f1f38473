"""Requests for information of a parent without custody (BW 1:377c): the parent's own
requests in the portal, and the requests a coordinator or a school's contact point answers.
Who asks and who answers is `access.policy.information`; every read is logged."""

from __future__ import annotations

from dataclasses import dataclass

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read
from schakel.audit.writer import Subject
from schakel.children.models import Child
from schakel.portal.information import SharedFacts, information_facts
from schakel.portal.models import InformationRequest, InformationRequestStatus

# --- the parent's page -------------------------------------------------------------------


@dataclass(frozen=True)
class InformationPage:
    child: Child
    requests: list[InformationRequest]
    may_ask: bool
    has_open: bool


def _page_subjects(page: InformationPage) -> list[Subject]:
    return [Subject.of(page.child, page.child.pk)]


@logged_read(event_code=EventCode.PORTAL_INFORMATION, subjects=_page_subjects)
def portal_information_page(*, actor: Actor, child_id: int) -> InformationPage:
    """The parent's own requests about the child and their answers (what was shared, or
    that it was refused — never the reason). Nothing about the child before an answer."""
    child = Child.objects.filter(pk=child_id).first()
    subject = Subject("children.child", str(child_id), child.pk if child else None)
    decision = policy.may_read_information_requests(actor, child) if child else policy.DENY
    enforce(actor, decision, event_code=EventCode.PORTAL_INFORMATION, action=Action.READ,
            subject=subject)
    assert child is not None  # noqa: S101 - enforce raised otherwise
    person = policy.portal_person(actor)
    guardian = person.guardian if person is not None else None
    requests = list(InformationRequest.objects.filter(child=child, guardian=guardian).defer(
        "refusal_reason"))
    return InformationPage(
        child=child, requests=requests,
        may_ask=bool(policy.may_request_information(actor, child)),
        has_open=any(r.status == InformationRequestStatus.OPEN for r in requests))


# --- the answerer's side -----------------------------------------------------------------


def _list_subjects(rows: list[InformationRequest]) -> list[Subject]:
    return [Subject.of(row, row.child_id) for row in rows]


@logged_read(event_code=EventCode.INFORMATION_REQUEST_LIST, subjects=_list_subjects)
def information_requests_to_answer(*, actor: Actor) -> list[InformationRequest]:
    """The open requests the actor answers (`policy.information_requests_to_answer_q`)."""
    return list(InformationRequest.objects.filter(
        policy.information_requests_to_answer_q(actor)).select_related(
        "child", "guardian").order_by("asked_at", "pk"))


@dataclass(frozen=True)
class InformationRequestView:
    request: InformationRequest
    facts: SharedFacts
    block: str
    may_answer: bool


def _view_subjects(view: InformationRequestView) -> list[Subject]:
    return [Subject.of(view.request, view.request.child_id)]


@logged_read(event_code=EventCode.INFORMATION_REQUEST, subjects=_view_subjects)
def information_request_get(*, actor: Actor, request_id: int) -> InformationRequestView:
    """One request with the facts an answer would share and what blocks granting it; the
    logged 404 for whoever may not answer it (or did not)."""
    request = InformationRequest.objects.select_related("child", "guardian", "answered_by").filter(
        pk=request_id).first()
    decision = policy.may_read_information_request(actor, request) if request else policy.DENY
    enforce(actor, decision, event_code=EventCode.INFORMATION_REQUEST, action=Action.READ,
            subject=Subject("portal.informationrequest", str(request_id),
                            request.child_id if request else None))
    assert request is not None  # noqa: S101 - enforce raised otherwise
    return InformationRequestView(
        request=request, facts=information_facts(request.child),
        block=policy.information_request_block(request),
        may_answer=bool(policy.may_answer_information_request(actor, request)))
