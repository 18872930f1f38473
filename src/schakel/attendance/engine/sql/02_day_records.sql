-- The records of enrolled school days, summed per pupil and day. "Absent" is every kind but
-- late and cancelled; cancelled lessons leave the scheduled time (REFERENCE.md, RtI).
SELECT
  r.child_id, r.school_id, r.day,
  CAST(SUM(CASE WHEN r.kind NOT IN ('late', 'cancelled') THEN r.minutes ELSE 0 END) AS BIGINT)
    AS absent_minutes,
  CAST(SUM(CASE WHEN r.kind NOT IN ('late', 'cancelled') AND COALESCE(r.authorised, FALSE)
           THEN r.minutes ELSE 0 END) AS BIGINT) AS authorised_minutes,
  CAST(SUM(CASE WHEN r.kind NOT IN ('late', 'cancelled') AND NOT COALESCE(r.authorised, FALSE)
           THEN r.minutes ELSE 0 END) AS BIGINT) AS unauthorised_minutes,
  CAST(SUM(CASE WHEN r.kind = 'sick' THEN r.minutes ELSE 0 END) AS BIGINT) AS sick_minutes,
  CAST(SUM(CASE WHEN r.kind = 'late' THEN r.minutes ELSE 0 END) AS BIGINT) AS late_minutes,
  CAST(SUM(CASE WHEN r.kind = 'late' AND NOT COALESCE(r.authorised, FALSE)
           THEN r.minutes ELSE 0 END) AS BIGINT) AS unauthorised_late_minutes,
  CAST(SUM(CASE WHEN r.kind = 'late' THEN 1 ELSE 0 END) AS BIGINT) AS late_count,
  CAST(SUM(CASE WHEN r.kind = 'cancelled' THEN r.minutes ELSE 0 END) AS BIGINT)
    AS cancelled_minutes,
  CAST(SUM(CASE WHEN r.kind NOT IN ('late', 'cancelled') AND r.lesson = 1
           THEN 1 ELSE 0 END) AS BIGINT) AS first_lesson_count,
  CAST(SUM(CASE WHEN r.kind NOT IN ('late', 'cancelled') AND r.lesson = d.lessons
           THEN 1 ELSE 0 END) AS BIGINT) AS last_lesson_count
FROM records r
JOIN enrolled_days d
  ON d.child_id = r.child_id AND d.school_id = r.school_id AND d.day = r.day
GROUP BY r.child_id, r.school_id, r.day
