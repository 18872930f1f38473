"""The coded basis (NEN 7513) of the grounds the access policy decides on."""

from __future__ import annotations

import pytest

from schakel.audit.basis import basis_of
from schakel.audit.models import Basis


@pytest.mark.parametrize(("ground", "portal", "basis"), [
    ("", False, ""),
    ("coordinator", False, Basis.TREATMENT),
    ("involved; file_holder", False, Basis.TREATMENT),
    ("core_team", False, Basis.TREATMENT),
    ("involved; awaiting_consent", False, Basis.TREATMENT),
    ("involved; consent #12", False, Basis.CONSENT),
    ("coordinator; consent #12, truancy_reporting #3", False, Basis.CONSENT),
    ("involved; truancy_reporting #3", False, Basis.LEGAL_GROUND),
    ("measure_organisation; ots_duty_to_inform #4", False, Basis.LEGAL_GROUND),
    ("emergency; emergency #7", False, Basis.EMERGENCY),
    ("log_administrator", False, Basis.ADMINISTRATION),
    ("account_administrator", False, Basis.ADMINISTRATION),
    ("parent_with_custody", True, Basis.OWN_DATA),
    ("young_person", True, Basis.OWN_DATA),
    ("parent_without_custody", True, Basis.LEGAL_GROUND),
    ("some_new_portal_relationship", True, Basis.OWN_DATA),
])
def test_basis_of_a_logged_ground(ground: str, portal: bool, basis: str):
    assert basis_of(ground, portal=portal) == basis
