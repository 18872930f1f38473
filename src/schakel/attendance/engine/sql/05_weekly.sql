SELECT
  child_id, school_id, school_week, week_seq, school_year, scheduled_minutes, absent_minutes,
  authorised_minutes, unauthorised_minutes, sick_minutes, late_minutes, late_count
FROM pupil_weeks
