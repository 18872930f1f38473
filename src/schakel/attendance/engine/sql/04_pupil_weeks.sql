-- Per pupil and school week; scheduled_minutes is net of cancelled lessons.
SELECT
  child_id, school_id, school_week, week_seq, school_year,
  CAST(COUNT(*) AS BIGINT) AS enrolled_days,
  CAST(SUM(net_minutes) AS BIGINT) AS scheduled_minutes,
  CAST(SUM(absent_minutes) AS BIGINT) AS absent_minutes,
  CAST(SUM(authorised_minutes) AS BIGINT) AS authorised_minutes,
  CAST(SUM(unauthorised_minutes) AS BIGINT) AS unauthorised_minutes,
  CAST(SUM(sick_minutes) AS BIGINT) AS sick_minutes,
  CAST(SUM(late_minutes) AS BIGINT) AS late_minutes,
  CAST(SUM(late_count) AS BIGINT) AS late_count,
  CAST(SUM(CASE WHEN net_minutes > 0 THEN 1 ELSE 0 END) AS BIGINT) AS lesson_days,
  CAST(SUM(CASE WHEN net_minutes > 0 AND absent_minutes >= net_minutes THEN 1 ELSE 0 END)
       AS BIGINT) AS absent_days
FROM pupil_days
GROUP BY child_id, school_id, school_week, week_seq, school_year
