-- One row per pupil and school day on which the pupil is enrolled at that school, up to as_of.
SELECT DISTINCT
  e.child_id, d.school_id, d.day, d.school_week, d.week_seq, d.school_year,
  d.scheduled_minutes, d.lessons
FROM school_days d
JOIN enrolments e
  ON e.school_id = d.school_id
 AND e.start_date <= d.day
 AND (e.end_date IS NULL OR e.end_date >= d.day)
WHERE d.day <= ${as_of}
