-- For each day a that could end an event: the day the threshold is next reached when the count
-- restarts after a. Either within report_weeks - 1 weeks of a (only the days after a count) or
-- later, where the whole window lies after a and the first full hit decides.
WITH near AS (
  SELECT a.child_id, a.school_id, a.day AS after_day, d.day AS hit_day
  FROM report_days a
  JOIN report_days d
    ON d.child_id = a.child_id AND d.school_id = a.school_id
   AND d.day > a.day AND d.week_seq <= a.week_seq + (${report_weeks} - 1)
  JOIN report_days x
    ON x.child_id = a.child_id AND x.school_id = a.school_id
   AND x.day > a.day AND x.day <= d.day
   AND x.week_seq >= d.week_seq - (${report_weeks} - 1)
  GROUP BY a.child_id, a.school_id, a.day, d.day
  HAVING SUM(x.minutes) ${report_cmp} ${report_minutes}
),
far AS (
  SELECT a.child_id, a.school_id, a.day AS after_day, MIN(h.day) AS hit_day
  FROM report_days a
  JOIN report_full_hits h
    ON h.child_id = a.child_id AND h.school_id = a.school_id
   AND h.week_seq >= a.week_seq + ${report_weeks}
  GROUP BY a.child_id, a.school_id, a.day
)
SELECT child_id, school_id, after_day, MIN(hit_day) AS next_day
FROM (
  SELECT child_id, school_id, after_day, hit_day FROM near
  UNION ALL
  SELECT child_id, school_id, after_day, hit_day FROM far
) candidates
GROUP BY child_id, school_id, after_day
