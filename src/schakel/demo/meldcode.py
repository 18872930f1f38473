"""A finished Meldcode route for the demo world, walked through the meldcode services as a
professional would: five steps over three weeks, the afwegingskader answered, and a
decision. With `report=True` the weighing finds structural unsafety, so help is organised
and the child is reported to Veilig Thuis (which records the legal ground of kind MELDCODE:
the runner must then be a professional of the organisation that holds the child's file,
involved in the case — `policy.may_record_legal_ground`). With `report=False` there is no
acute or structural unsafety and help is organised only.

Idempotent: a finished route of the runner on the case is returned as it is. The demo loader
calls this (the lead wires it in); it runs inside the loader's composition or on its own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.utils import timezone

from schakel.access.actor import Actor
from schakel.cases.models import Case
from schakel.consent.models import InformationCategory
from schakel.meldcode.models import MeldcodeRoute, RouteStatus, RouteStep
from schakel.meldcode.services import meldcode_route_start, meldcode_step_record
from schakel.organisations.models import Organisation, Professional
from schakel.transactions import composed_services


def _days_ago(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


def _answers(report: bool) -> dict[str, bool]:
    return {"suspicion": True, "unsafety": report, "can_help": True, "help_accepted": True,
            "help_suffices": not report}


def demo_meldcode_route_finished(
    *, case: Case, runner: Professional, officer: Professional,
    veilig_thuis: Organisation | None, report: bool, findings: Mapping[int, str] | None = None,
    days_ago: tuple[int, int, int, int, int] = (21, 18, 14, 10, 7),
) -> MeldcodeRoute:
    """`findings`: the text of each step (by its number) where the story has its own;
    `days_ago`: when each of the five steps was taken."""
    existing = MeldcodeRoute.objects.filter(
        case=case, runner=runner, status=RouteStatus.FINISHED).first()
    if existing is not None:
        return existing
    actor = Actor(user=runner.user, professional=runner)
    child = case.child.first_name if case.child is not None else "het kind"
    texts: dict[int, str] = {
        RouteStep.SIGNALS: (
            f"{child} komt de laatste weken vaak zonder ontbijt en in dezelfde kleren op "
            "school, is stil en schrikt als een volwassene haar stem verheft. Moeder rook "
            "bij het ophalen twee keer naar wiet. Signalen genoteerd met datum en wie ze "
            "zag (mentor, gymdocent)."),
        RouteStep.CONSULTATION: (
            f"Collegiale consultatie met {officer.full_name}, aandachtsfunctionaris. "
            + ("Anoniem advies gevraagd bij Veilig Thuis: de signalen passen bij "
               "structurele onveiligheid; advies is het gesprek met moeder en "
               f"{child} snel te voeren." if report else
               "Samen de signalen gewogen; Veilig Thuis raadplegen vinden we nu niet "
               "nodig, wel het gesprek met moeder en kind.")),
        RouteStep.CONVERSATION: (
            f"Gesprek met moeder en daarna apart met {child}. Moeder erkent dat het thuis "
            "zwaar is sinds ze alleen staat en dat ze 's avonds blowt om te ontspannen. "
            + (f"{child} vertelt dat ze 's avonds vaak alleen voor haar broertje zorgt en "
               "dat er ruzies zijn met harde klappen." if report else
               f"{child} voelt zich thuis veilig, maar mist structuur in de ochtend.")),
        RouteStep.WEIGHING: (
            "Afwegingskader doorlopen met de aandachtsfunctionaris. "
            + ("Er is sprake van structurele onveiligheid: melden is nodig, naast hulp."
               if report else
               "Geen acute of structurele onveiligheid; moeder staat open voor hulp.")),
        RouteStep.DECISION: (
            "Hulp georganiseerd: opvoedondersteuning via het wijkteam, ontbijt op school "
            "en wekelijks contact met de mentor. "
            + ("Gemeld bij Veilig Thuis (telefonisch, daarna schriftelijk bevestigd); "
               "moeder is vooraf over de melding geïnformeerd." if report else
               "Over zes weken evalueren we met moeder of de hulp voldoende helpt.")),
    }
    texts.update(findings or {})
    with composed_services():
        route = meldcode_route_start(actor=actor, case=case)
        meldcode_step_record(
            actor=actor, route=route, step=RouteStep.SIGNALS, performed_on=_days_ago(days_ago[0]),
            findings=texts[RouteStep.SIGNALS])
        meldcode_step_record(
            actor=actor, route=route, step=RouteStep.CONSULTATION,
            performed_on=_days_ago(days_ago[1]),
            veilig_thuis_consulted=report,
            findings=texts[RouteStep.CONSULTATION])
        meldcode_step_record(
            actor=actor, route=route, step=RouteStep.CONVERSATION,
            performed_on=_days_ago(days_ago[2]),
            findings=texts[RouteStep.CONVERSATION])
        meldcode_step_record(
            actor=actor, route=route, step=RouteStep.WEIGHING, performed_on=_days_ago(days_ago[3]),
            answers=_answers(report),
            findings=texts[RouteStep.WEIGHING])
        meldcode_step_record(
            actor=actor, route=route, step=RouteStep.DECISION, performed_on=_days_ago(days_ago[4]),
            help_organised=True, reported=report, veilig_thuis=veilig_thuis if report else None,
            categories=[InformationCategory.CARE, InformationCategory.SCHOOL,
                        InformationCategory.CONTACT] if report else [],
            findings=texts[RouteStep.DECISION])
    # As if started on the day of the first step and finished on the day of the last.
    zone = timezone.get_current_timezone()
    MeldcodeRoute.objects.filter(pk=route.pk).update(
        started_at=dt.datetime.combine(_days_ago(days_ago[0]), dt.time(9), tzinfo=zone),
        finished_at=dt.datetime.combine(_days_ago(days_ago[-1]), dt.time(16), tzinfo=zone))
    route.refresh_from_db()
    return route
