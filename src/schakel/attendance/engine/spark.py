"""Run the same SQL files on Spark SQL: the route for a national deployment, and the proof
(tests/attendance/engine/test_spark_parity.py) that the SQL is not DuckDB-only."""

from pathlib import Path

import pyarrow as pa
from pyspark.sql import SparkSession

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
from schakel.attendance.engine.run import records_files
from schakel.attendance.engine.settings import EngineSettings


def engine_run_spark(
    *,
    spark: SparkSession,
    records_root: Path,
    school_days: pa.Table,
    enrolments: pa.Table,
    settings: EngineSettings,
) -> EngineResult:
    if records_files(records_root):
        records = spark.read.option("basePath", str(records_root)).parquet(str(records_root))
    else:
        records = spark.createDataFrame(RECORDS_INPUT_SCHEMA.empty_table())
    records.createOrReplaceTempView("records_input")
    spark.createDataFrame(school_days.cast(SCHOOL_DAYS_SCHEMA)).createOrReplaceTempView(
        "school_days_input"
    )
    spark.createDataFrame(enrolments.cast(ENROLMENTS_SCHEMA)).createOrReplaceTempView(
        "enrolments_input"
    )
    for step in engine_steps(settings):
        # Materialise each step, as DuckDB does, so later steps do not recompute it.
        spark.sql(step.sql).localCheckpoint().createOrReplaceTempView(step.name)
    tables = {name: output_table(name, spark.sql(output_query(name)).toArrow()) for name in OUTPUTS}
    return EngineResult(**tables)
