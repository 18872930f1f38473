-- Runs of consecutive school weeks in which the pupil missed every lesson day (any kind of
-- absence); longer than long_term_weeks is long-term absence (DUO: more than 4 weeks).
WITH full_weeks AS (
  SELECT
    child_id, school_id, school_week, week_seq,
    week_seq - ROW_NUMBER() OVER (PARTITION BY child_id, school_id ORDER BY week_seq) AS grp
  FROM pupil_weeks
  WHERE lesson_days > 0 AND absent_days = lesson_days
)
SELECT
  child_id, school_id,
  MIN(school_week) AS first_week, MAX(school_week) AS last_week,
  CAST(COUNT(*) AS BIGINT) AS weeks,
  MIN(week_seq) AS first_seq, MAX(week_seq) AS last_seq
FROM full_weeks
GROUP BY child_id, school_id, grp
HAVING COUNT(*) > ${long_term_weeks}
