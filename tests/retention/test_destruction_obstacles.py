"""No destruction of a file whose help is in progress: an open case of the child or a measure
in force stops granting and carrying out a request, with nothing destroyed; each ground for
refusal names its article."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from schakel.cases.models import Case, CaseStatus
from schakel.retention.models import (
    REFUSAL_GROUND_SOURCES,
    DestructionRequest,
    DestructionStatus,
    RefusalGround,
    RequesterRelation,
)
from schakel.retention.selectors import destruction_obstacles
from schakel.retention.services import (
    destruction_request_carry_out,
    destruction_request_decide,
    destruction_request_register,
)
from tests.factories import MeasureFactory, actor_for
from tests.retention.fixtures import RetentionWorld
from tests.support import sign_in


def _register(rw: RetentionWorld) -> DestructionRequest:
    return destruction_request_register(
        actor=actor_for(rw.privacy_officer), child=rw.child, requested_by="Eva Mulder",
        requester_relation=RequesterRelation.PARENT,
        received_on=timezone.localdate() - dt.timedelta(days=3))


def _reopen(case: Case) -> None:
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.OPEN, closed_at=None)


def test_a_closed_file_has_no_obstacle(rw: RetentionWorld) -> None:
    assert destruction_obstacles(rw.child) == []


@pytest.mark.parametrize("obstacle", ["open_case", "measure"])
def test_granting_is_refused_while_the_help_is_in_progress(
        rw: RetentionWorld, obstacle: str) -> None:
    if obstacle == "open_case":
        _reopen(rw.case)
    else:
        MeasureFactory(child=rw.child)
    request = _register(rw)
    with pytest.raises(ValidationError) as exc:
        destruction_request_decide(actor=actor_for(rw.privacy_officer), request=request,
                                   grant=True)
    text = " ".join(exc.value.message_dict["decision"])
    assert (rw.case.reference if obstacle == "open_case" else "Supervision order (OTS)") in text
    assert DestructionRequest.objects.get(pk=request.pk).status == DestructionStatus.RECEIVED


@pytest.mark.parametrize("obstacle", ["open_case", "measure"])
def test_carrying_out_is_refused_when_the_help_resumed_and_destroys_nothing(
        rw: RetentionWorld, obstacle: str) -> None:
    actor = actor_for(rw.privacy_officer)
    request = _register(rw)
    destruction_request_decide(actor=actor, request=request, grant=True)
    if obstacle == "open_case":
        _reopen(rw.case)
    else:
        MeasureFactory(child=rw.child)
    with pytest.raises(ValidationError, match="Nothing was destroyed"):
        destruction_request_carry_out(actor=actor, request=request)
    assert Case.objects.filter(pk=rw.case.pk).exists()
    assert DestructionRequest.objects.get(pk=request.pk).status == DestructionStatus.ASSESSED


def test_an_ended_measure_is_no_obstacle(rw: RetentionWorld) -> None:
    MeasureFactory(child=rw.child, start_date=dt.date(2020, 1, 1), end_date=dt.date(2021, 1, 1))
    assert destruction_obstacles(rw.child) == []


def test_every_ground_for_refusal_names_its_article() -> None:
    assert set(REFUSAL_GROUND_SOURCES) == set(RefusalGround.values)
    for source in REFUSAL_GROUND_SOURCES.values():
        assert source.startswith(("Jeugdwet art.", "BW art."))


def test_the_request_page_shows_the_obstacle_and_the_article_of_a_refusal(
        rw: RetentionWorld, client) -> None:
    _reopen(rw.case)
    request = _register(rw)
    sign_in(client, rw.privacy_officer.user)
    page = client.get(f"/bewaartermijnen/vernietiging/{request.pk}/").content.decode()
    assert f"Case {rw.case.reference} is still open." in page
    destruction_request_decide(actor=actor_for(rw.privacy_officer), request=request,
                               grant=False, reason="De hulp loopt nog.",
                               refusal_ground=RefusalGround.OPEN_CASE)
    page = client.get(f"/bewaartermijnen/vernietiging/{request.pk}/").content.decode()
    assert REFUSAL_GROUND_SOURCES[RefusalGround.OPEN_CASE] in page
