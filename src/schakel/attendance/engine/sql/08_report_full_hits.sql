-- The days on which the unauthorised minutes of the report_weeks consecutive school weeks ending
-- with that day's week (up to and including the day) reach the threshold, with no earlier event.
SELECT d.child_id, d.school_id, d.day, d.week_seq
FROM report_days d
JOIN report_days x
  ON x.child_id = d.child_id AND x.school_id = d.school_id
 AND x.week_seq >= d.week_seq - (${report_weeks} - 1) AND x.week_seq <= d.week_seq
 AND x.day <= d.day
GROUP BY d.child_id, d.school_id, d.day, d.week_seq
HAVING SUM(x.minutes) ${report_cmp} ${report_minutes}
