"""Bulk inserts for the generated region: batches, and explicit timestamps where the model
stamps "now" itself (`auto_now_add`)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

from django.db import connection, models

M = TypeVar("M", bound=models.Model)


def insert(model: type[M], objects: Iterable[M], batch_size: int) -> list[M]:
    """Insert in batches; the returned objects carry their primary keys (SQLite 3.35+ and
    PostgreSQL return them)."""
    created: list[M] = []
    iterator = iter(objects)
    while batch := list(islice(iterator, batch_size)):
        created.extend(model._default_manager.bulk_create(batch, batch_size=batch_size))
    return created


def insert_stream(model: type[M], objects: Iterable[M], batch_size: int) -> int:
    """Insert in batches without keeping the objects (for the access log)."""
    count = 0
    iterator = iter(objects)
    while batch := list(islice(iterator, batch_size)):
        model._default_manager.bulk_create(batch, batch_size=batch_size)
        count += len(batch)
    return count


@contextlib.contextmanager
def explicit_timestamps(*fields: tuple[type[models.Model], str]) -> Iterator[None]:
    """Let bulk inserts keep the creation times the generator chose: `auto_now_add`
    fields would otherwise all be stamped with the moment of generation. Restored on exit;
    load data only."""
    changed: list[models.DateField[Any, Any]] = []
    try:
        for model, name in fields:
            field = model._meta.get_field(name)
            if isinstance(field, models.DateField) and field.auto_now_add:
                field.auto_now_add = False
                changed.append(field)
        yield
    finally:
        for field in changed:
            field.auto_now_add = True


@contextlib.contextmanager
def wide_sqlite_batches() -> Iterator[None]:
    """Django assumes SQLite's old limit of 999 parameters per statement, which makes bulk
    inserts of wide rows tiny (about 50 rows). SQLite 3.32+ allows 32766; use the limit the
    linked library reports while generating. No effect on other databases."""
    features = connection.features
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    raw = connection.connection
    limit = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) if raw is not None else 999
    previous = features.max_query_params
    features.max_query_params = max(previous or 0, limit)
    try:
        yield
    finally:
        features.max_query_params = previous
