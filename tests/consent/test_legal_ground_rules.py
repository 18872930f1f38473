"""Each legal ground kind is a rule (categories, receiving sector, longest period, recorded by
hand or not), recorded by the file holder or the privacy officer and never for one's own
organisation; grounds that break a rule are reported by `legal_grounds_check`."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.http import Http404

from schakel.access import policy
from schakel.audit.models import AccessEvent
from schakel.consent.models import InformationCategory, LegalGround, LegalGroundKind
from schakel.consent.services import legal_ground_record
from schakel.organisations.models import Function, Organisation, Sector
from tests.consent.fixtures import ConsentWorld, actor, file_holder, make_professional, today
from tests.factories import LegalGroundFactory


def _values(cw: ConsentWorld, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "actor": actor(file_holder(cw)), "child": cw.tina, "organisation": cw.municipality,
        "category": InformationCategory.ATTENDANCE, "kind": LegalGroundKind.TRUANCY_REPORTING,
        "reference": "Leerplichtwet 1969 art. 21a", "valid_from": today(),
        "valid_until": today() + dt.timedelta(days=180)}
    values.update(overrides)
    return values


def _refused(cw: ConsentWorld, **overrides: Any) -> dict[str, list[str]]:
    before = (LegalGround.objects.count(), AccessEvent.objects.count())
    with pytest.raises(ValidationError) as exc:
        legal_ground_record(**_values(cw, **overrides))
    assert (LegalGround.objects.count(), AccessEvent.objects.count()) == before
    return exc.value.message_dict


def test_the_file_holder_records_a_ground_within_its_rule(cw: ConsentWorld) -> None:
    ground = legal_ground_record(**_values(cw))
    assert policy.may_receive_category(cw.tina, cw.municipality, InformationCategory.ATTENDANCE)
    assert ground.recorded_by == cw.ilse


def test_an_involved_professional_cannot_grant_their_own_organisation_care(
        cw: ConsentWorld) -> None:
    """The probe of the review: the youth director records truancy reporting for care, for
    the municipality, and would read care content without consent."""
    with pytest.raises(Http404):
        legal_ground_record(**_values(cw, actor=actor(cw.wim),
                                      category=InformationCategory.CARE))
    assert not LegalGround.objects.exists()
    assert not policy.may_receive_category(cw.tina, cw.municipality, InformationCategory.CARE)


def test_nobody_records_a_ground_for_their_own_organisation(cw: ConsentWorld) -> None:
    errors = _refused(cw, organisation=cw.school.organisation,
                      category=InformationCategory.ATTENDANCE)
    assert "own organisation" in errors["organisation"][0]


@pytest.mark.parametrize(("overrides", "field", "words"), [
    ({"category": InformationCategory.CARE}, "category", "opens only: Attendance"),
    ({"organisation": "ggd"}, "organisation", "sector: Municipality"),
    ({"valid_until": None}, "valid_until", "give its end date"),
    ({"valid_until": today() + dt.timedelta(days=400)}, "valid_until", "at most 366 days"),
    ({"kind": LegalGroundKind.OTS_DUTY_TO_INFORM, "organisation": "gi",
      "category": InformationCategory.SCHOOL}, "kind", "not recorded by hand"),
    ({"kind": LegalGroundKind.MELDCODE, "category": InformationCategory.CARE},
     "organisation", "sector: Safety"),
])
def test_a_ground_outside_its_rule_is_refused(
        cw: ConsentWorld, overrides: dict[str, Any], field: str, words: str) -> None:
    if overrides.get("organisation") in ("ggd", "gi"):
        overrides = {**overrides, "organisation": getattr(cw, overrides["organisation"])}
    errors = _refused(cw, **overrides)
    assert words in errors[field][0]


def test_the_privacy_officer_records_a_meldcode_ground_for_veilig_thuis(
        cw: ConsentWorld) -> None:
    officer = make_professional(cw.ggd, "Petra Privacy", Function.PRIVACY_OFFICER)
    officer.is_log_administrator = True
    officer.save(update_fields=["is_log_administrator"])
    veilig_thuis = Organisation.objects.create(
        name="Veilig Thuis Twente", sector=Sector.SAFETY, region=cw.municipality.region)
    legal_ground_record(**_values(
        cw, actor=actor(officer), organisation=veilig_thuis, kind=LegalGroundKind.MELDCODE,
        category=InformationCategory.CARE, valid_until=today() + dt.timedelta(days=60)))
    assert policy.may_receive_category(cw.tina, veilig_thuis, InformationCategory.CARE)


def test_the_check_reports_grounds_that_break_their_rule(cw: ConsentWorld, capsys) -> None:
    good = LegalGroundFactory(child=cw.tina, organisation=cw.municipality,
                              recorded_by=cw.ilse, valid_until=today() + dt.timedelta(days=30))
    self_granted = LegalGroundFactory(child=cw.tina, organisation=cw.municipality,
                                      category=InformationCategory.CARE, recorded_by=cw.wim)
    with pytest.raises(CommandError, match="1 legal ground"):
        call_command("legal_grounds_check")
    out = capsys.readouterr().out
    assert f"#{self_granted.pk} " in out
    for problem in ("category", "recorded_by_receiver", "open_ended"):
        assert problem in out
    assert f"#{good.pk} " not in out
    assert LegalGround.objects.count() == 2  # reported, not changed
    self_granted.delete()
    call_command("legal_grounds_check")
    assert "every legal ground keeps its rule" in capsys.readouterr().out


def test_every_kind_has_a_rule() -> None:
    assert set(policy.GROUND_RULES) == set(LegalGroundKind.values)
