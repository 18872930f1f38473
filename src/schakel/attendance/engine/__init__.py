"""The attendance engine: pure SQL over Parquet records, school days and enrolments.

It knows no Django model. `engine_run` (DuckDB) and `spark.engine_run_spark` run the same SQL
files of `sql/`; ATTENDANCE_CONTRACT.md describes the inputs and outputs.
"""
