"""Run the engine's SQL on DuckDB, in process, over the Parquet records."""

from pathlib import Path

import duckdb
import pyarrow as pa

from schakel.attendance.engine.queries import (
    ENROLMENTS_SCHEMA,
    OUTPUTS,
    RECORDS_INPUT_SCHEMA,
    SCHOOL_DAYS_SCHEMA,
    engine_steps,
    output_query,
    output_table,
)
from schakel.attendance.engine.result import EngineResult
from schakel.attendance.engine.settings import EngineSettings

# <root>/school_id=<int>/school_week=<YYYY-MM-DD>/<name>.parquet
RECORDS_GLOB = "school_id=*/school_week=*/*.parquet"
INPUTS = frozenset({"records", "school_days", "enrolments"})
HIVE = "hive_partitioning = true, hive_types = {'school_id': BIGINT, 'school_week': DATE}"


def records_files(records_root: Path) -> list[Path]:
    return sorted(records_root.glob(RECORDS_GLOB))


def engine_run(
    *,
    records_root: Path,
    school_days: pa.Table,
    enrolments: pa.Table,
    settings: EngineSettings,
) -> EngineResult:
    """All figures for the pupils of `enrolments` on the days of `school_days` up to as_of."""
    con = duckdb.connect(":memory:")
    try:
        if records_files(records_root):
            pattern = str(records_root / RECORDS_GLOB).replace("'", "''")
            source = f"read_parquet('{pattern}', {HIVE})"
            con.execute(f"CREATE TEMP VIEW records_input AS SELECT * FROM {source}")  # noqa: S608
        else:
            con.register("records_input", RECORDS_INPUT_SCHEMA.empty_table())
        con.register("school_days_input", school_days.cast(SCHOOL_DAYS_SCHEMA))
        con.register("enrolments_input", enrolments.cast(ENROLMENTS_SCHEMA))
        for step in engine_steps(settings):
            # The inputs are read once each, straight from Parquet and Arrow; the rest is
            # materialised, as later steps read it several times.
            kind = "VIEW" if step.name in INPUTS else "TABLE"
            con.execute(f"CREATE TEMP {kind} {step.name} AS {step.sql}")
        tables = {
            name: output_table(name, con.sql(output_query(name)).to_arrow_table())
            for name in OUTPUTS
        }
    finally:
        con.close()
    return EngineResult(**tables)
