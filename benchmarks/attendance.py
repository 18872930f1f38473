"""Benchmark of the attendance engine (issue 9): generated data for a region, then

- import: the records as CSV read into the Parquet partitions the engine reads (DuckDB's
  CSV reader, `COPY ... PARTITION_BY (school_id, school_week)`), the bulk path of a region;
- full analysis: `engine_run` over every pupil and week (every indicator);
- daily update: what the daily job does for one school (`attendance_figures_daily_job`
  recomputes school by school), after one more day of records;
- the pandas peer: a straightforward pandas implementation of the weekly figures, the
  year rate and the Leerplichtwet reporting events (16 hours in 4 school weeks, restarting
  after each), on the same data.

Each measurement runs in its own process, so the peak memory (ru_maxrss) is its own.
Not a test: run by hand, figures into the README.

    PYTHONPATH=src python benchmarks/attendance.py --pupils 90000 [--stress] [--out FILE]
"""

# The SQL is built from this file's own constants and the command line's numbers, and the
# measured processes run this file: no untrusted input.
# ruff: noqa: S603, S608

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

FIRST_DAY = dt.date(2026, 8, 31)
AS_OF = dt.date(2027, 7, 16)
# Regio midden 2026-2027 (schoolcalendar/data/holidays.json).
HOLIDAYS = [("2026-10-17", "2026-10-25"), ("2026-12-19", "2027-01-03"),
            ("2027-02-20", "2027-02-28"), ("2027-03-29", "2027-03-29"),
            ("2027-04-24", "2027-05-02"), ("2027-05-06", "2027-05-06"),
            ("2027-05-17", "2027-05-17")]
PUPILS_PER_SCHOOL = 300
LESSONS, LESSON_MINUTES = 8, 50


def _calendar_sql(schools: int) -> str:
    holidays = " OR ".join(f"(d BETWEEN DATE '{a}' AND DATE '{b}')" for a, b in HOLIDAYS)
    return f"""
      WITH days AS (
        SELECT CAST(d AS DATE) AS d FROM range(DATE '{FIRST_DAY}', DATE '{AS_OF}' + 1,
                                            INTERVAL 1 DAY) t(d)
        WHERE isodow(d) <= 5 AND NOT ({holidays})
      ), weeks AS (
        SELECT DISTINCT CAST(date_trunc('week', d) AS DATE) AS w FROM days
      ), numbered AS (SELECT w, CAST(row_number() OVER (ORDER BY w) AS INTEGER) AS seq FROM weeks)
      SELECT CAST(s AS BIGINT) AS school_id, days.d AS day, n.w AS school_week,
             n.seq + 52 AS week_seq, '2026-2027' AS school_year,
             CAST({LESSONS * LESSON_MINUTES} AS INTEGER) AS scheduled_minutes,
             CAST({LESSONS} AS SMALLINT) AS lessons
      FROM range(1, {schools} + 1) s(s), days
      JOIN numbered n ON n.w = CAST(date_trunc('week', days.d) AS DATE)
    """


def generate(folder: Path, pupils: int, *, stress: bool) -> dict[str, int]:
    """school_days.parquet, enrolments.parquet and records.csv in `folder`."""
    schools = max(1, pupils // PUPILS_PER_SCHOOL)
    con = duckdb.connect()
    con.execute("SELECT setseed(0.26)")
    con.execute(f"CREATE TABLE school_days AS {_calendar_sql(schools)}")
    con.execute(f"""CREATE TABLE enrolments AS SELECT CAST(p AS BIGINT) AS child_id,
        CAST(1 + p % {schools} AS BIGINT) AS school_id, CAST(NULL AS BIGINT) AS school_class_id,
        DATE '{FIRST_DAY}' AS start_date, CAST(NULL AS DATE) AS end_date
        FROM range(1, {pupils} + 1) t(p)""")
    # A pupil's propensity: most rarely absent, some chronically (about 1 in 10 above 10 %).
    con.execute("""CREATE TABLE pupils AS SELECT child_id, school_id,
        CASE WHEN random() < 0.1 THEN 0.12 + random() * 0.15 ELSE random() * 0.05 END AS p,
        random() < 0.3 AS truant FROM enrolments""")
    lesson = "l.l" if stress else "NULL"
    minutes = str(LESSON_MINUTES) if stress else f"{LESSONS * LESSON_MINUTES}"
    lessons_join = f"CROSS JOIN range(1, {LESSONS} + 1) l(l)" if stress else ""
    where = "TRUE" if stress else "r < pu.p + 0.02"
    con.execute(f"""CREATE TABLE records AS
      SELECT child_id || '-' || day || '-' || coalesce(CAST({lesson} AS VARCHAR), 'd')
               AS record_key,
             child_id, day, CAST({lesson} AS SMALLINT) AS lesson,
             CASE WHEN r < pu.p * 0.6 THEN 'sick' WHEN r < pu.p THEN 'absent' ELSE 'late' END
               AS kind,
             NOT (r >= pu.p * 0.6 AND r < pu.p AND pu.truant) AS authorised,
             CAST(CASE WHEN r >= pu.p THEN 10 ELSE {minutes} END AS INTEGER) AS minutes,
             sd.school_id, sd.school_week
      FROM pupils pu JOIN school_days sd ON sd.school_id = pu.school_id
      {lessons_join}
      CROSS JOIN (SELECT random() AS r) x
      WHERE {where}""")
    con.execute(f"COPY school_days TO '{folder / 'school_days.parquet'}' (FORMAT PARQUET)")
    con.execute(f"COPY enrolments TO '{folder / 'enrolments.parquet'}' (FORMAT PARQUET)")
    con.execute(f"COPY records TO '{folder / 'records.csv'}' (HEADER, DELIMITER ';')")
    counts = {"schools": schools, "pupils": pupils,
              "records": con.execute("SELECT count(*) FROM records").fetchall()[0][0],
              "csv_bytes": (folder / "records.csv").stat().st_size}
    con.close()
    return counts


def _import(folder: Path) -> None:
    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = false")
    con.execute(f"""COPY (SELECT record_key, child_id, day, lesson, kind, authorised, minutes,
        school_id, school_week FROM read_csv('{folder / 'records.csv'}', delim=';', header=true,
        columns={{'record_key': 'VARCHAR', 'child_id': 'BIGINT', 'day': 'DATE',
                 'lesson': 'SMALLINT', 'kind': 'VARCHAR', 'authorised': 'BOOLEAN',
                 'minutes': 'INTEGER', 'school_id': 'BIGINT', 'school_week': 'DATE'}}))
        TO '{folder / 'records'}' (FORMAT PARQUET, PARTITION_BY (school_id, school_week),
        OVERWRITE_OR_IGNORE)""")
    con.close()


def _analyse(folder: Path, *, school: int | None) -> None:
    import pyarrow.parquet as pq

    from schakel.attendance.engine.run import engine_run
    from schakel.attendance.engine.settings import EngineSettings

    days = pq.read_table(folder / "school_days.parquet")
    enrolments = pq.read_table(folder / "enrolments.parquet")
    root = folder / "records"
    if school is not None:
        days = days.filter(days.column("school_id").to_numpy() == school)
        enrolments = enrolments.filter(enrolments.column("school_id").to_numpy() == school)
        root = folder / "one_school"
    engine_run(records_root=root, school_days=days, enrolments=enrolments,
               settings=EngineSettings(as_of=AS_OF))


def _pandas(folder: Path) -> None:
    import pandas as pd

    records = pd.read_parquet(folder / "records")
    days = pd.read_parquet(folder / "school_days.parquet")
    absent = records[~records["kind"].isin(["late", "cancelled"])]
    weekly = absent.groupby(["child_id", "school_week"], observed=True)["minutes"].sum()
    scheduled = days.groupby(["school_id", "school_week"])["scheduled_minutes"].sum()
    _rate = weekly.groupby(level=0).sum() / float(scheduled.groupby(level=0).sum().mean())
    unauth = absent[~absent["authorised"]].groupby(["child_id", "day"])["minutes"].sum()
    week_of = dict(zip(days["day"], days["week_seq"], strict=False))
    events = 0
    for _child, series in unauth.groupby(level=0):  # the straightforward per-pupil walk
        window: list[tuple[int, int]] = []
        for (_c, day), minutes in series.items():
            seq = week_of.get(pd.Timestamp(day).date(), 0)
            window = [(s, m) for s, m in window if s > seq - 4] + [(seq, int(minutes))]
            if sum(m for _s, m in window) >= 960:
                events += 1
                window = []


def _measure(step: str, folder: Path) -> dict[str, float]:
    """Run one step in a fresh process; its wall time and peak memory."""
    code = (f"import time, resource; from pathlib import Path; "
            f"import benchmarks.attendance as b; "
            f"t=time.perf_counter(); b.{step}; w=time.perf_counter()-t; "
            f"print(w, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=False, cwd=Path(__file__).resolve().parent.parent)
    if out.returncode:
        raise SystemExit(out.stderr)
    wall, rss = out.stdout.split()[-2:]
    return {"seconds": round(float(wall), 2), "peak_mb": round(int(rss) / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pupils", type=int, default=90_000)
    parser.add_argument("--stress", action="store_true",
                        help="every lesson of every pupil a record (about 120 million at 90,000)")
    parser.add_argument("--skip-pandas", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        counts = generate(folder, args.pupils, stress=args.stress)
        print(f"generated {counts} in {time.perf_counter() - started:.1f} s", flush=True)
        result: dict[str, object] = {"case": "stress" if args.stress else "realistic", **counts}
        result["import"] = _measure(f"_import(Path({str(folder)!r}))", folder)
        print(result, flush=True)
        result["full_analysis"] = _measure(
            f"_analyse(Path({str(folder)!r}), school=None)", folder)
        print(result, flush=True)
        one = folder / "one_school"
        one.mkdir()
        for part in (folder / "records").glob("school_id=1"):
            part.rename(one / part.name)
        result["daily_update_one_school"] = _measure(
            f"_analyse(Path({str(folder)!r}), school=1)", folder)
        for part in one.glob("school_id=1"):
            part.rename(folder / "records" / part.name)
        if not args.skip_pandas:
            result["pandas_peer"] = _measure(f"_pandas(Path({str(folder)!r}))", folder)
        print(json.dumps(result, indent=1), flush=True)
        if args.out:
            args.out.write_text(json.dumps(result, indent=1) + "\n")
    _ = resource  # imported for the measured processes


if __name__ == "__main__":
    main()
