-- window_start: the first day of unauthorised absence counted in the event; window_end: the day
-- the threshold was reached (DUO: the report ends on the day the 16 hours was reached).
SELECT
  c.child_id, c.school_id, c.seq,
  MIN(x.day) AS window_start,
  c.hit_day AS window_end,
  CAST(SUM(x.minutes) AS BIGINT) AS unauthorised_minutes
FROM report_chain c
JOIN report_days h
  ON h.child_id = c.child_id AND h.school_id = c.school_id AND h.day = c.hit_day
JOIN report_days x
  ON x.child_id = c.child_id AND x.school_id = c.school_id
 AND x.week_seq >= h.week_seq - (${report_weeks} - 1)
 AND x.day <= c.hit_day
 AND (c.after_day IS NULL OR x.day > c.after_day)
GROUP BY c.child_id, c.school_id, c.seq, c.hit_day
