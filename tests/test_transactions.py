"""A service's transaction is the outermost one, unless services are composed on purpose."""

from __future__ import annotations

import pytest
from django.db import transaction

from schakel.organisations.models import Region
from schakel.transactions import composed_services, service_transaction

# Inside the test transaction durable blocks are allowed, as in Django's TestCase; a block
# inside an explicit atomic() is not, which is what a caller's transaction looks like.
pytestmark = pytest.mark.django_db


def _service(name: str) -> Region:
    with service_transaction():
        return Region.objects.create(name=name)


def test_a_service_commits_on_its_own():
    _service("Twente")
    assert Region.objects.filter(name="Twente").exists()


def test_a_service_inside_another_callers_transaction_is_refused_and_changes_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        _service("Twente")
    assert not Region.objects.filter(name="Twente").exists()


def _salland_then_failure() -> None:
    with composed_services():
        _service("Salland")
        raise ValueError("halfway")


def test_composed_services_commit_together_or_not_at_all():
    with composed_services():
        _service("Twente")
        _service("Achterhoek")
    assert Region.objects.count() == 2
    with pytest.raises(ValueError, match="halfway"):
        _salland_then_failure()
    assert not Region.objects.filter(name="Salland").exists()


def test_composing_ends_with_the_block():
    with composed_services():
        _service("Twente")
    with pytest.raises(RuntimeError), transaction.atomic():
        _service("Achterhoek")


def _inner_composition_then_failure() -> None:
    with composed_services():
        with composed_services():
            _service("Twente")
        assert Region.objects.filter(name="Twente").exists()
        raise ValueError("outer")


def test_a_composition_inside_a_composition_joins_it():
    with pytest.raises(ValueError, match="outer"):
        _inner_composition_then_failure()
    assert not Region.objects.filter(name="Twente").exists()
