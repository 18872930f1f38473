"""The shared cache of production (`CACHE_URL=dbcache://schakel_cache`, docs/production.md
"More than one machine") on the table that `migrate` makes (`jobs.CacheEntry`): Django's
database cache reads and writes it, and the API's rate limit counts there, so every web
process counts the same client together."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from rest_framework.request import Request
from rest_framework.views import APIView

from schakel.api.throttling import ClientRateThrottle
from schakel.jobs.models import CacheEntry

pytestmark = pytest.mark.django_db

DATABASE_CACHE = {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                  "LOCATION": "schakel_cache"}


@pytest.fixture
def database_cache(settings: Any) -> None:
    settings.CACHES = {**settings.CACHES, "default": DATABASE_CACHE}


@pytest.mark.usefixtures("database_cache")
def test_the_database_cache_lives_in_the_migrated_table() -> None:
    cache.set("greeting", {"nl": "hallo"}, 60)
    assert cache.get("greeting") == {"nl": "hallo"}
    assert CacheEntry.objects.filter(cache_key__endswith="greeting").count() == 1
    cache.delete("greeting")
    assert not CacheEntry.objects.exists()


class TwoPerMinute(ClientRateThrottle):
    rate = "2/minute"


@pytest.mark.usefixtures("database_cache")
def test_the_api_rate_limit_is_counted_in_the_shared_cache() -> None:
    request = Request(RequestFactory().get("/api/v1/organisaties/"))
    request.auth = None
    # A fresh throttle each time, as in another web process: only the cache remembers.
    answers = [TwoPerMinute().allow_request(request, view=APIView()) for _process in range(3)]
    assert answers == [True, True, False]
    assert CacheEntry.objects.filter(cache_key__contains="throttle_client_").count() == 1
