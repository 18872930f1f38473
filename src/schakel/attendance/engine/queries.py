"""The SQL steps of the engine and the shapes of its inputs and outputs.

Each file in `sql/` is one SELECT; its name without the number is the relation it defines, which
later steps read. The SQL keeps to what DuckDB and Spark SQL both understand (no QUALIFY, no
`::` casts, no list lambdas, STRING instead of VARCHAR in casts; `date + n` for day arithmetic),
so the same files run on a distributed engine when one machine is not enough.
"""

from dataclasses import dataclass
from functools import cache
from importlib import resources
from string import Template

import pyarrow as pa

from schakel.attendance.engine.settings import EngineSettings


@dataclass(frozen=True)
class Step:
    name: str
    sql: str


@cache
def _files() -> tuple[tuple[str, str], ...]:
    folder = resources.files("schakel.attendance.engine") / "sql"
    entries = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".sql"))
    return tuple(
        (name.removesuffix(".sql").split("_", 1)[1], (folder / name).read_text("utf-8"))
        for name in entries
    )


def engine_steps(settings: EngineSettings) -> list[Step]:
    """The steps in order, with the settings filled in (numbers and dates only)."""
    parameters = settings.sql_parameters()
    return [Step(name, Template(text).substitute(parameters)) for name, text in _files()]


RECORDS_SCHEMA = pa.schema(
    [
        ("record_key", pa.string()),
        ("child_id", pa.int64()),
        ("day", pa.date32()),
        ("lesson", pa.int16()),
        ("kind", pa.string()),
        ("authorised", pa.bool_()),
        ("minutes", pa.int32()),
    ]
)
RECORDS_INPUT_SCHEMA = RECORDS_SCHEMA.append(pa.field("school_id", pa.int64())).append(
    pa.field("school_week", pa.date32())
)
SCHOOL_DAYS_SCHEMA = pa.schema(
    [
        ("school_id", pa.int64()),
        ("day", pa.date32()),
        ("school_week", pa.date32()),
        ("week_seq", pa.int32()),
        ("school_year", pa.string()),
        ("scheduled_minutes", pa.int32()),
        ("lessons", pa.int16()),
    ]
)
ENROLMENTS_SCHEMA = pa.schema(
    [
        ("child_id", pa.int64()),
        ("school_id", pa.int64()),
        ("school_class_id", pa.int64()),
        ("start_date", pa.date32()),
        ("end_date", pa.date32()),
    ]
)

_ID = [("child_id", pa.int64()), ("school_id", pa.int64())]

# The outputs: their columns and types (the contract) and the key they are sorted by.
OUTPUTS: dict[str, tuple[pa.Schema, tuple[str, ...]]] = {
    "weekly": (
        pa.schema(
            [
                *_ID,
                ("school_week", pa.date32()),
                ("week_seq", pa.int32()),
                ("school_year", pa.string()),
                ("scheduled_minutes", pa.int64()),
                ("absent_minutes", pa.int64()),
                ("authorised_minutes", pa.int64()),
                ("unauthorised_minutes", pa.int64()),
                ("sick_minutes", pa.int64()),
                ("late_minutes", pa.int64()),
                ("late_count", pa.int64()),
            ]
        ),
        ("child_id", "school_id", "school_week"),
    ),
    "rates": (
        pa.schema(
            [
                *_ID,
                ("school_year", pa.string()),
                ("enrolled_days", pa.int64()),
                ("rate_year", pa.float64()),
                ("rate_4w", pa.float64()),
                ("rate_8w", pa.float64()),
            ]
        ),
        ("child_id", "school_id", "school_year"),
    ),
    "reporting_events": (
        pa.schema(
            [
                *_ID,
                ("seq", pa.int32()),
                ("window_start", pa.date32()),
                ("window_end", pa.date32()),
                ("unauthorised_minutes", pa.int64()),
            ]
        ),
        ("child_id", "school_id", "seq"),
    ),
    "long_term": (
        pa.schema(
            [
                *_ID,
                ("first_week", pa.date32()),
                ("last_week", pa.date32()),
                ("weeks", pa.int64()),
            ]
        ),
        ("child_id", "school_id", "first_week"),
    ),
    "patterns": (
        pa.schema(
            [
                *_ID,
                ("weekday", pa.int32()),
                ("absent_minutes", pa.int64()),
                ("first_lesson_count", pa.int64()),
                ("last_lesson_count", pa.int64()),
                ("next_to_weekend_count", pa.int64()),
                ("next_to_holiday_count", pa.int64()),
                ("late_count", pa.int64()),
            ]
        ),
        ("child_id", "school_id", "weekday"),
    ),
    "tiers": (
        pa.schema(
            [
                *_ID,
                ("school_week", pa.date32()),
                ("tier", pa.int16()),
                ("band", pa.string()),
                ("reasons", pa.list_(pa.string())),
            ]
        ),
        ("child_id", "school_id", "school_week"),
    ),
    "school_flags": (
        pa.schema(
            [
                ("school_id", pa.int64()),
                ("pupils", pa.int64()),
                ("tier1_share", pa.float64()),
                ("flagged", pa.bool_()),
            ]
        ),
        ("school_id",),
    ),
}


def output_query(name: str) -> str:
    """The query that reads an output in a fixed order."""
    _schema, key = OUTPUTS[name]
    return f"SELECT * FROM {name} ORDER BY {', '.join(key)}"  # noqa: S608 (names are ours)


def output_table(name: str, table: pa.Table) -> pa.Table:
    """An output in the contract's types; a pupil week without reasons has an empty list."""
    schema, _key = OUTPUTS[name]
    table = table.select(schema.names).cast(schema)
    if name == "tiers":
        reasons = table.column("reasons").fill_null(pa.scalar([], pa.list_(pa.string())))
        table = table.set_column(schema.get_field_index("reasons"), "reasons", reasons)
    return table
