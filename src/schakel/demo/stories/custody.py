"""Jayden (7) under voogdij: the court ended his mother's custody and made the GI his voogd
(BW 1:302 lid 2, 1:275). Since then the GI consents in the parents' place (Jeugdwet 7.3.4)
and the mother no longer reads his file in the portal; his father, without custody, asks the
school for information (BW 1:377c; `demo.portal`)."""

from __future__ import annotations

from schakel.children.models import Child, Measure, MeasureKind
from schakel.children.services import measure_start
from schakel.consent.models import ConsentMethod, InformationCategory
from schakel.consent.services import consent_record
from schakel.demo.stories.common import Cast

VOOGDIJ_DAYS_AGO = 120


def jayden_story(cast: Cast, jayden: Child) -> None:
    if Measure.objects.filter(child=jayden, kind=MeasureKind.GUARDIANSHIP).exists():
        return
    gi = cast.places.organisations["gi"]
    worker = cast.actor("jeugdbescherming.demo")
    measure_start(actor=worker, child=jayden, kind=MeasureKind.GUARDIANSHIP, organisation=gi,
                  worker=cast.professionals["jeugdbescherming.demo"],
                  start_date=cast.days_ago(VOOGDIJ_DAYS_AGO))
    # The voogd agrees that the youth nurse of the GGD and the school align Jayden's care.
    consent_record(
        actor=worker, child=jayden, organisation=cast.places.organisations["ggd"],
        category=InformationCategory.CARE, method=ConsentMethod.WRITTEN,
        purpose="Afstemming tussen school en de jeugdverpleegkundige over Jayden, namens de "
                "voogd", given_at=cast.days_ago(20), voogd=True)
