SELECT
  CAST(school_id AS BIGINT) AS school_id, CAST(day AS DATE) AS day,
  CAST(school_week AS DATE) AS school_week, CAST(week_seq AS INT) AS week_seq,
  CAST(school_year AS STRING) AS school_year, CAST(scheduled_minutes AS INT) AS scheduled_minutes,
  CAST(lessons AS SMALLINT) AS lessons
FROM school_days_input
