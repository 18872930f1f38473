-- Absence rate over the school year and the last 4 and 8 school weeks up to as_of (for a past
-- school year: its last 4 and 8 weeks). NULL before min_enrolled_days enrolled school days.
WITH last_weeks AS (
  SELECT school_id, school_year, MAX(week_seq) AS last_seq
  FROM school_days
  WHERE day <= ${as_of}
  GROUP BY school_id, school_year
),
sums AS (
  SELECT
    w.child_id, w.school_id, w.school_year,
    SUM(w.enrolled_days) AS enrolled_days,
    SUM(w.scheduled_minutes) AS sched_y,
    SUM(w.absent_minutes) AS absent_y,
    SUM(CASE WHEN w.week_seq > l.last_seq - 4 THEN w.scheduled_minutes ELSE 0 END) AS sched_4,
    SUM(CASE WHEN w.week_seq > l.last_seq - 4 THEN w.absent_minutes ELSE 0 END) AS absent_4,
    SUM(CASE WHEN w.week_seq > l.last_seq - 8 THEN w.scheduled_minutes ELSE 0 END) AS sched_8,
    SUM(CASE WHEN w.week_seq > l.last_seq - 8 THEN w.absent_minutes ELSE 0 END) AS absent_8
  FROM pupil_weeks w
  JOIN last_weeks l ON l.school_id = w.school_id AND l.school_year = w.school_year
  GROUP BY w.child_id, w.school_id, w.school_year
)
SELECT
  child_id, school_id, school_year, CAST(enrolled_days AS BIGINT) AS enrolled_days,
  CASE WHEN enrolled_days >= ${min_enrolled_days} AND sched_y > 0
       THEN CAST(absent_y AS DOUBLE) / sched_y END AS rate_year,
  CASE WHEN enrolled_days >= ${min_enrolled_days} AND sched_4 > 0
       THEN CAST(absent_4 AS DOUBLE) / sched_4 END AS rate_4w,
  CASE WHEN enrolled_days >= ${min_enrolled_days} AND sched_8 > 0
       THEN CAST(absent_8 AS DOUBLE) / sched_8 END AS rate_8w
FROM sums
