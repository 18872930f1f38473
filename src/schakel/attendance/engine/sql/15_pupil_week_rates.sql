-- Per pupil and week: the rate of the school year so far and of the last 4 school weeks (rolling;
-- across the summer as well), both NULL before min_enrolled_days enrolled days this school year.
WITH running AS (
  SELECT
    child_id, school_id, school_week, week_seq, school_year,
    SUM(enrolled_days) OVER (PARTITION BY child_id, school_id, school_year ORDER BY week_seq
                             ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS days_y,
    SUM(scheduled_minutes) OVER (PARTITION BY child_id, school_id, school_year ORDER BY week_seq
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS sched_y,
    SUM(absent_minutes) OVER (PARTITION BY child_id, school_id, school_year ORDER BY week_seq
                              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS absent_y,
    SUM(scheduled_minutes) OVER (PARTITION BY child_id, school_id ORDER BY week_seq
                                 RANGE BETWEEN 3 PRECEDING AND CURRENT ROW) AS sched_4,
    SUM(absent_minutes) OVER (PARTITION BY child_id, school_id ORDER BY week_seq
                              RANGE BETWEEN 3 PRECEDING AND CURRENT ROW) AS absent_4
  FROM pupil_weeks
)
SELECT
  child_id, school_id, school_week, week_seq, school_year,
  CASE WHEN days_y >= ${min_enrolled_days} AND sched_y > 0
       THEN CAST(absent_y AS DOUBLE) / sched_y END AS rate_ytd,
  CASE WHEN days_y >= ${min_enrolled_days} AND sched_4 > 0
       THEN CAST(absent_4 AS DOUBLE) / sched_4 END AS rate_4w
FROM running
