"""The engine's SQL files give the same figures on Spark SQL (local mode) as on DuckDB: the
queries are not DuckDB-only, so a national deployment can run them on a cluster."""

import math
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pyspark.sql import SparkSession

from schakel.attendance.engine.result import EngineResult
from schakel.attendance.engine.run import engine_run
from schakel.attendance.engine.settings import EngineSettings
from schakel.attendance.engine.spark import engine_run_spark
from tests.attendance.engine.data import (
    Rec,
    calendar,
    enrolments_table,
    school_days_table,
    write_records,
)

pytestmark = pytest.mark.spark

Enrolment = tuple[int, int, date, date | None]
KINDS = ["absent", "absent", "late", "sick", "removed", "exempt", "cancelled"]


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    session = (
        SparkSession.builder.master("local[1]")
        .appName("schakel-engine-parity")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.default.parallelism", "1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.memory", "512m")
        .config("spark.sql.session.timeZone", "UTC")
        # Tiny data: compiling code and adaptive plans cost more than they save (a run takes
        # about a quarter of the time without them).
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("OFF")
    yield session
    session.stop()


def world(seed: int) -> tuple[list[dict[str, Any]], list[Enrolment], list[Rec]]:
    """Two schools over the end of one school year and the start of the next (summer holiday
    and an autumn holiday skipped), pupils from rarely to nearly always absent, one who moves."""
    rnd = random.Random(seed)
    first = date(2026, 5, 4)
    summer = range(11, 17)  # 20 July - 30 August
    cal = calendar(1, first, 30, holiday_weeks=[*summer, 24], days_off=[date(2026, 5, 14)])
    cal += calendar(2, first, 30, holiday_weeks=[*summer, 25], minutes=300, lessons=5)
    enrolments: list[Enrolment] = []
    records: list[Rec] = []
    days = {
        1: [d["day"] for d in cal if d["school_id"] == 1],
        2: [d["day"] for d in cal if d["school_id"] == 2],
    }
    for child in range(1, 15):
        school = 1 if child <= 8 else 2
        enrolments.append((child, school, date(2026, 1, 1), None))
        level = [0.01, 0.05, 0.15, 0.4, 0.9][child % 5]
        for day in days[school]:
            if rnd.random() < level:
                kind = rnd.choice(KINDS)
                records.append(
                    Rec(
                        child,
                        school,
                        day,
                        kind,
                        rnd.choice([50, 100, 300, 330]),
                        authorised=rnd.random() < 0.3,
                        lesson=rnd.choice([None, 1, 3, 5, 6]),
                    )
                )
    # Pupil 15 moves from school 1 to school 2 in September and is absent at both.
    moved = date(2026, 9, 14)
    enrolments += [(15, 1, date(2026, 1, 1), moved - timedelta(days=1)), (15, 2, moved, None)]
    records += [
        Rec(15, 1 if d < moved else 2, d, "absent", 330)
        for d in days[1]
        if date(2026, 9, 1) <= d < date(2026, 9, 25)
    ]
    # Pupil 16 is away for six weeks.
    records += [
        Rec(16, 1, d, "sick", 330, authorised=True)
        for d in days[1]
        if date(2026, 9, 28) <= d < date(2026, 11, 14)
    ]
    enrolments.append((16, 1, date(2026, 1, 1), None))
    return cal, enrolments, records


def assert_same(duck: EngineResult, spark: EngineResult) -> None:
    for name, expected in duck.tables().items():
        actual = spark.tables()[name]
        assert actual.schema == expected.schema, name
        left, right = expected.to_pylist(), actual.to_pylist()
        assert len(left) == len(right), name
        for a, b in zip(left, right, strict=True):
            for column, value in a.items():
                if isinstance(value, float):
                    assert math.isclose(value, b[column], rel_tol=1e-12), (name, column, a, b)
                else:
                    assert value == b[column], (name, column, a, b)


@pytest.mark.parametrize(
    ("settings", "every_output"),
    [
        (EngineSettings(as_of=date(2026, 11, 27)), True),
        (
            EngineSettings(
                as_of=date(2026, 10, 9),
                report_inclusive=False,
                report_counts_late=True,
                report_minutes=600,
                min_enrolled_days=5,
            ),
            False,
        ),
    ],
)
def test_duckdb_and_spark_agree_on_every_figure(
    spark: SparkSession, tmp_path: Path, settings: EngineSettings, every_output: bool
) -> None:
    cal, enrolments, records = world(seed=9)
    root = write_records(tmp_path / "records", records)
    inputs = {
        "records_root": root,
        "school_days": school_days_table(cal),
        "enrolments": enrolments_table(enrolments),
        "settings": settings,
    }
    duck = engine_run(**inputs)
    assert_same(duck, engine_run_spark(spark=spark, **inputs))
    # The data set exercises every output.
    if every_output:
        for name, table in duck.tables().items():
            assert table.num_rows > 0, name
        assert set(duck.tiers.column("tier").to_pylist()) == {1, 2, 3}
        assert max(duck.reporting_events.column("seq").to_pylist()) >= 2
