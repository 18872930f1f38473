"""The demo's matrix, as the loader builds it for its secondary school: every part filled
from the seed's examples, every cell of the sector x level table holding an offer; a second
load changes nothing."""

from __future__ import annotations

import pytest

from schakel.demo.prevention import DESIRED, OFFERS, PROBLEMS, demo_prevention_matrix
from schakel.prevention.models import PyramidLevel, Sector
from schakel.prevention.selectors import prevention_matrix_get
from tests.prevention.helpers import People, prevention_rows

pytestmark = pytest.mark.django_db


def test_the_demo_matrix(people: People) -> None:
    chair, officer = people.actor(people.core), people.actor(people.officer)
    matrix = demo_prevention_matrix(school=people.school, chair=chair, officer=officer)
    rows = prevention_rows()
    assert demo_prevention_matrix(school=people.school, chair=chair, officer=officer) == matrix
    assert prevention_rows() == rows
    page = prevention_matrix_get(actor=people.actor(people.steering), school_id=people.school.pk)
    assert [item.text for item in page.desired] == list(DESIRED)
    assert [item.text for item in page.problems] == list(PROBLEMS)
    assert len(page.rows) == len(PyramidLevel)
    assert all(cell.offers for row in page.rows for cell in row.cells)
    assert sum(len(cell.offers) for row in page.rows for cell in row.cells) == len(OFFERS)
    assert {cell.sector for cell in page.rows[0].cells} == set(Sector)
    assert page.matrix is not None
    assert page.matrix.ambition_what
    assert len(page.regie) == 3
    assert page.changed_by == people.officer
