from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from schakel.organisations.models import Professional, School, SchoolClass
from schakel.teams.models import TeamMembership


def school_route(*, school_id: int) -> School | None:
    """The school's route page (sociale kaart): contact point, teams and how to escalate.
    Not child data: any signed-in professional may read it."""
    return (
        School.objects.select_related("organisation", "contact_point__organisation")
        .prefetch_related(Prefetch(
            "teams__memberships",
            queryset=TeamMembership.objects.select_related("professional__organisation")))
        .filter(pk=school_id).first()
    )


def schools() -> QuerySet[School]:
    return School.objects.select_related("organisation", "contact_point").order_by("name")


def professional_card(*, professional_id: int) -> Professional | None:
    return Professional.objects.select_related("organisation").filter(
        pk=professional_id).first()


def professionals_directory(query: str = "") -> QuerySet[Professional]:
    qs = Professional.objects.select_related("organisation")
    if query.strip():
        qs = qs.filter(full_name__icontains=query.strip())
    return qs.order_by("full_name")


def school_classes(*, school_id: int) -> QuerySet[SchoolClass]:
    """The classes and groups of a school, newest school year first."""
    return SchoolClass.objects.filter(school_id=school_id).order_by("-school_year", "name")
