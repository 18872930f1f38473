-- Every enrolled school day with its figures; net_minutes is the scheduled time less the
-- lessons the school cancelled. report_minutes counts towards Leerplichtwet art. 21a.
SELECT
  d.child_id, d.school_id, d.day, d.school_week, d.week_seq, d.school_year, d.lessons,
  CASE WHEN d.scheduled_minutes > COALESCE(r.cancelled_minutes, 0)
       THEN d.scheduled_minutes - COALESCE(r.cancelled_minutes, 0) ELSE 0 END AS net_minutes,
  COALESCE(r.absent_minutes, 0) AS absent_minutes,
  COALESCE(r.authorised_minutes, 0) AS authorised_minutes,
  COALESCE(r.unauthorised_minutes, 0) AS unauthorised_minutes,
  COALESCE(r.sick_minutes, 0) AS sick_minutes,
  COALESCE(r.late_minutes, 0) AS late_minutes,
  COALESCE(r.late_count, 0) AS late_count,
  COALESCE(r.first_lesson_count, 0) AS first_lesson_count,
  COALESCE(r.last_lesson_count, 0) AS last_lesson_count,
  COALESCE(r.unauthorised_minutes, 0)
    + CASE WHEN ${report_counts_late} THEN COALESCE(r.unauthorised_late_minutes, 0) ELSE 0 END
    AS report_minutes
FROM enrolled_days d
LEFT JOIN day_records r
  ON r.child_id = d.child_id AND r.school_id = d.school_id AND r.day = d.day
