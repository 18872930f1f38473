-- Leerplichtwet art. 21a: the enrolled school days with unauthorised absence.
SELECT child_id, school_id, day, week_seq, report_minutes AS minutes
FROM pupil_days
WHERE report_minutes > 0
