from __future__ import annotations

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from schakel.access import policy
from schakel.access.actor import Actor
from schakel.audit.enforce import enforce
from schakel.audit.events import EventCode
from schakel.audit.models import Action
from schakel.audit.reads import logged_read
from schakel.audit.writer import Subject
from schakel.organisations.models import School
from schakel.signals.models import Signal, SignalStatus, Theme


def _signals_for_actor(*, actor: Actor, status: str | None = None) -> QuerySet[Signal]:
    qs = Signal.objects.filter(policy.signals_visible_q(actor))
    if status:
        qs = qs.filter(status=status)
    return qs.select_related(
        "school", "school_class", "child", "theme", "raised_by__organisation", "case",
    ).order_by("-raised_at", "-pk")


def _subjects(signals: list[Signal]) -> list[Subject]:
    return [Subject.of(s, s.child_id) for s in signals if s.child_id is not None]


def _page_subjects(page: Page[Signal]) -> list[Subject]:
    return _subjects(list(page.object_list))


def _read_subjects(read: tuple[Signal, policy.Decision]) -> list[Subject]:
    return _subjects([read[0]])


@logged_read(event_code=EventCode.SIGNAL_LIST, subjects=_page_subjects)
def signal_list_page(*, actor: Actor, page_number: int | str | None,
                     status: str | None = None) -> Page[Signal]:
    return Paginator(_signals_for_actor(actor=actor, status=status),
                     settings.SCHAKEL_PAGE_SIZE).get_page(page_number)


@logged_read(event_code=EventCode.SIGNAL_VIEW, subjects=_read_subjects)
def signal_get(*, actor: Actor, signal_id: int) -> tuple[Signal, policy.Decision]:
    signal = (
        Signal.objects.select_related(
            "school", "school_class", "child", "theme", "raised_by__organisation", "case")
        .filter(pk=signal_id).first()
    )
    if signal is None:
        enforce(actor, policy.DENY, event_code=EventCode.SIGNAL_VIEW, action=Action.READ,
                subject=Subject("signals.signal", str(signal_id), None))
        raise AssertionError("unreachable")
    decision = enforce(actor, policy.may_read_signal(actor, signal),
                       event_code=EventCode.SIGNAL_VIEW,
                       action=Action.READ, subject=Subject.of(signal, signal.child_id))
    return signal, decision


def active_themes() -> QuerySet[Theme]:
    return Theme.objects.filter(is_active=True)


def schools_for_raising(*, actor: Actor) -> QuerySet[School]:
    return School.objects.filter(policy.schools_for_raising_q(actor)).order_by("name")


@logged_read(event_code=EventCode.SIGNAL_LIST, subjects=_subjects)
def new_signals_for_core_team(*, actor: Actor, limit: int = 10) -> list[Signal]:
    """New signals of the schools whose core team the actor is in (for "my work"). Each
    child shown is logged as read."""
    schools = policy.core_team_school_ids(actor)
    if not schools:
        return []
    return list(
        _signals_for_actor(actor=actor, status=SignalStatus.NEW).filter(school_id__in=schools)[
            :limit]
    )


@logged_read(event_code=EventCode.SIGNAL_LIST, subjects=_subjects)
def signals_for_child(*, actor: Actor, child_id: int) -> list[Signal]:
    """The signals about one child that the actor may see; each is logged as read."""
    return list(_signals_for_actor(actor=actor).filter(child_id=child_id))
