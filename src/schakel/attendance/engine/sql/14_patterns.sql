-- Per pupil and weekday (1 = Monday): absence, absence in the first and last lesson, absent days
-- next to a weekend (Monday, Friday) or next to a holiday or day off (a gap in the school's days
-- longer than a weekend), lateness.
WITH calendar AS (
  SELECT
    school_id, day,
    CASE WHEN day = school_week THEN 1 WHEN day = school_week + 1 THEN 2
         WHEN day = school_week + 2 THEN 3 WHEN day = school_week + 3 THEN 4
         WHEN day = school_week + 4 THEN 5 WHEN day = school_week + 5 THEN 6 ELSE 7 END
      AS weekday,
    LAG(day) OVER (PARTITION BY school_id ORDER BY day) AS prev_day,
    LEAD(day) OVER (PARTITION BY school_id ORDER BY day) AS next_day
  FROM school_days
),
days AS (
  SELECT
    p.child_id, p.school_id, c.weekday, p.absent_minutes, p.first_lesson_count,
    p.last_lesson_count, p.late_count,
    CASE WHEN p.absent_minutes > 0 AND c.weekday IN (1, 5) THEN 1 ELSE 0 END AS by_weekend,
    CASE WHEN p.absent_minutes > 0 AND (
           (c.prev_day IS NOT NULL
            AND c.prev_day < p.day - (CASE WHEN c.weekday = 1 THEN 3 ELSE 1 END))
        OR (c.next_day IS NOT NULL
            AND c.next_day > p.day + (CASE WHEN c.weekday = 5 THEN 3 ELSE 1 END)))
         THEN 1 ELSE 0 END AS by_holiday
  FROM pupil_days p
  JOIN calendar c ON c.school_id = p.school_id AND c.day = p.day
)
SELECT
  child_id, school_id, weekday,
  CAST(SUM(absent_minutes) AS BIGINT) AS absent_minutes,
  CAST(SUM(first_lesson_count) AS BIGINT) AS first_lesson_count,
  CAST(SUM(last_lesson_count) AS BIGINT) AS last_lesson_count,
  CAST(SUM(by_weekend) AS BIGINT) AS next_to_weekend_count,
  CAST(SUM(by_holiday) AS BIGINT) AS next_to_holiday_count,
  CAST(SUM(late_count) AS BIGINT) AS late_count
FROM days
GROUP BY child_id, school_id, weekday
